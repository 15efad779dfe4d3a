#!/usr/bin/env bash
# `npm test`: build, then the tap suite, with ESLint, the type-checks and the release executable
# (tools/release/build.mjs) built beside it at a lower priority. The suite leaves part of two cores
# idle (tests waiting on Chromium, sshd, SMTP, timers), which is where the checks' ~85 CPU-seconds
# and the release build go (on a fresh machine it installs Node 24 and compiles better-sqlite3's
# binding for it: about 20 s). The executable's own test runs last, once the build is done.
# Exits non-zero when the suite, a check or the release fails; their output is printed only then.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1

RELEASE_TEST=test/release/release.test.ts

npm run build --silent || exit 1
# tap rebuilds itself when its plugin list changed, but the run that rebuilds it still loads the
# old list, which on a fresh clone is every run: so build first.
npx tap build >/dev/null || exit 1

checks_log=$(mktemp)
release_log=$(mktemp)
trap 'rm -f "$checks_log" "$release_log"' EXIT
(nice -n 10 npm run lint --silent && nice -n 10 npm run typecheck --silent) >"$checks_log" 2>&1 &
checks=$!
nice -n 10 node tools/release/build.mjs --cached >"$release_log" 2>&1 &
release=$!

# tap's default exclusion (folders named dist or fixtures) is repeated: --exclude replaces it.
npx tap --exclude='**/@(fixture*(s)|dist)/**' --exclude="$RELEASE_TEST" "$@"
suite_status=$?

waited_from=$SECONDS
wait "$release"
release_status=$?
if [ "$release_status" -eq 0 ]; then
  grep '^release: ' "$release_log" | tail -n 1
  echo "npm test: waited $((SECONDS - waited_from)) s for the release build after the suite"
  npx tap --disable-coverage "$RELEASE_TEST"
  release_status=$?
else
  cat "$release_log"
  echo "npm test: the release build failed (exit $release_status)" >&2
fi

wait "$checks"
checks_status=$?
if [ "$checks_status" -ne 0 ]; then
  cat "$checks_log"
  echo "npm test: lint or type-check failed (exit $checks_status)" >&2
fi
for status in "$suite_status" "$release_status" "$checks_status"; do
  [ "$status" -ne 0 ] && exit "$status"
done
exit 0
