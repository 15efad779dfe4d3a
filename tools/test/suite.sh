#!/usr/bin/env bash
# `npm test`: build, then the tap suite, with ESLint and the type-checks running beside it at a
# lower priority. The suite leaves about a third of two cores idle (tests waiting on Chromium, sshd,
# SMTP, timers), which is where the checks' ~85 CPU-seconds go instead of a minute up front.
# Exits non-zero when the suite or a check fails; a check's output is printed only when it fails.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1

npm run build --silent || exit 1
# tap rebuilds itself when its plugin list changed, but the run that rebuilds it still loads the
# old list, which on a fresh clone is every run: so build first.
npx tap build >/dev/null || exit 1

checks_log=$(mktemp)
trap 'rm -f "$checks_log"' EXIT
(nice -n 10 npm run lint --silent && nice -n 10 npm run typecheck --silent) >"$checks_log" 2>&1 &
checks=$!

npx tap "$@"
suite_status=$?

wait "$checks"
checks_status=$?
if [ "$checks_status" -ne 0 ]; then
  cat "$checks_log"
  echo "npm test: lint or type-check failed (exit $checks_status)" >&2
fi
[ "$suite_status" -ne 0 ] && exit "$suite_status"
exit "$checks_status"
