# shellcheck shell=bash
# Sourced by the operator scripts beside it: run the `spinney` CLI as the service user with the
# env file's settings and nothing else, take the operations lock, keep cron runs quiet.
# Where things are on a host deploy/provision.sh set up; each can be overridden (tests do):
SPINNEY_BIN=${SPINNEY_BIN:-/usr/local/bin/spinney}   # the release deploy/install-release installed
SPINNEY_SERVICE=${SPINNEY_SERVICE:-spinney}
SPINNEY_ENV_FILE=${SPINNEY_ENV_FILE:-/etc/spinney/spinney.env}
SPINNEY_USER=${SPINNEY_USER:-spinney}
SPINNEY_LOCK_FILE=${SPINNEY_LOCK_FILE:-/run/lock/spinney-operations.lock}

SCRIPT=$(basename "$0")
QUIET=0

die() { printf '%s: %s\n' "$SCRIPT" "$1" >&2; exit "${2:-1}"; }

# Runs a command as the service user with a clean environment (PATH, HOME, LANG): the
# CLI refuses unknown SPINNEY_* settings, and the variables above are the scripts' own.
as_service_user() {
  local home
  home=$(getent passwd "$SPINNEY_USER" | cut -d: -f6) || die "no user $SPINNEY_USER (SPINNEY_USER)"
  local clean=(env -i "PATH=$PATH" "HOME=$home" "LANG=${LANG:-C.UTF-8}")
  if [ "$(id -un)" = "$SPINNEY_USER" ]; then "${clean[@]}" "$@"
  elif [ "$(id -u)" -eq 0 ]; then runuser -u "$SPINNEY_USER" -- "${clean[@]}" "$@"
  else sudo -u "$SPINNEY_USER" -- "${clean[@]}" "$@"
  fi
}

# spinney ARGS...: the CLI with exactly the env file's settings (read as the service user, who may
# read it; the operator's own SPINNEY_* variables never leak in). The CLI parses the file itself
# (SPINNEY_ENV_FILE), as the systemd service has it do: the shell would read
# `SPINNEY_OIDC_LABEL=Acme SSO` as a command named SSO.
spinney() {
  as_service_user env "SPINNEY_ENV_FILE=$SPINNEY_ENV_FILE" "$SPINNEY_BIN" "$@"
}

# env_setting NAME DEFAULT: a plain value (a port, a number) from the env file, for the scripts' own
# use, e.g. the port for /readyz: the last NAME=value line, quotes and surrounding blanks dropped.
# Anything richer is the CLI's to read (it parses the file with util.parseEnv).
env_setting() {
  local value
  value=$(sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*//p" "$SPINNEY_ENV_FILE" | tail -n 1 |
    sed -e 's/[[:space:]]*$//' -e "s/^\([\"']\)\(.*\)\1\$/\2/")
  printf '%s' "${value:-$2}"
}

# Backups, restores and key rotation must not overlap: one lock for all of them, not waited for
# (a cron run that finds it taken says so and exits 75, EX_TEMPFAIL).
take_operations_lock() {
  exec 9>>"$SPINNEY_LOCK_FILE" || die "cannot open the lock file $SPINNEY_LOCK_FILE"
  if ! flock -n 9; then
    die "another backup, restore or key rotation is running (lock $SPINNEY_LOCK_FILE held by: $(cat "$SPINNEY_LOCK_FILE" 2>/dev/null || echo unknown))" 75
  fi
  printf '%s pid %s since %s\n' "$SCRIPT" "$$" "$(date -u +%FT%TZ)" >"$SPINNEY_LOCK_FILE"
}

# quietly CMD...: with --quiet, output only when the command fails (cron mails only then).
quietly() {
  if [ "$QUIET" = 0 ]; then "$@"; return; fi
  local output status=0
  output=$("$@" 2>&1) || status=$?
  if [ "$status" -ne 0 ]; then printf '%s\n' "$output" >&2; fi
  return "$status"
}
