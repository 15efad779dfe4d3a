#!/usr/bin/env bash
# Provisions a fresh Debian 12 or Ubuntu 22.04/24.04 host for Spinney (deploy/README.md): service
# user, the systemd service for the single executable (installed by deploy/install-release; no
# Node.js, npm or compiler on the host), nginx with TLS, certbot, firewall, SSH keys only, logrotate,
# unattended security upgrades, root keys and the env file. Safe to run again: every step first
# looks at the host and changes only what differs; secrets and the env file are never overwritten.
# --dry-run prints the same plan, step by step, and changes nothing.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly HERE
readonly SERVICE_USER=spinney
readonly SERVICE_HOME=/var/lib/spinney
readonly DATA_DIR=$SERVICE_HOME/data
readonly CONFIG_DIR=/etc/spinney
readonly KEY_DIR=$CONFIG_DIR/keys
readonly ENV_FILE=$CONFIG_DIR/spinney.env
readonly LOG_DIR=/var/log/spinney
readonly ACME_ROOT=/var/www/acme
readonly NGINX_CONF=/etc/nginx/conf.d/spinney.conf
readonly NGINX_DEFAULT_SITE=/etc/nginx/sites-enabled/default
# sshd reads sshd_config.d/*.conf in name order and keeps the first value it sees, so this file
# wins over cloud images' 50-cloud-init.conf (which may say PasswordAuthentication yes).
readonly SSHD_DROPIN=/etc/ssh/sshd_config.d/00-spinney.conf
readonly AUTO_UPGRADES=/etc/apt/apt.conf.d/20auto-upgrades
readonly LOGROTATE_CONF=/etc/logrotate.d/spinney
readonly CERTBOT_HOOK=/etc/letsencrypt/renewal-hooks/deploy/spinney-reload-nginx
readonly SERVICE_UNIT=/etc/systemd/system/spinney.service
readonly SOCKET_UNIT=/etc/systemd/system/spinney.socket
readonly SPINNEY_LINK=/usr/local/bin/spinney
readonly SNAKEOIL_CERT=/etc/ssl/certs/ssl-cert-snakeoil.pem
readonly SNAKEOIL_KEY=/etc/ssl/private/ssl-cert-snakeoil.key
readonly PACKAGES=(ca-certificates curl gnupg gettext-base nginx ssl-cert certbot ufw unattended-upgrades
  apt-listchanges logrotate)
readonly ROOT_KEYS=(SPINNEY_TOKEN_SIGNING_KEY:token-signing SPINNEY_APP_SECRETS_KEY:app-secrets
  SPINNEY_SENSITIVE_FIELDS_KEY:sensitive-fields)
readonly TOTAL_STEPS=11

usage() {
  cat <<'EOF'
Usage: deploy/provision.sh --domain NAME --admin USER [--email ADDRESS] [--port N] [--dry-run]

  --domain NAME     the public host name; DNS must point here before a certificate can be issued
  --admin USER      the non-root sudo user that keeps SSH access (needs ~/.ssh/authorized_keys):
                    root login and passwords are turned off for SSH
  --email ADDRESS   Let's Encrypt account email; without it nginx keeps a self-signed certificate
                    until you run this again with it
  --port N          the app's port on 127.0.0.1 (default 3000; an existing env file wins)
  --dry-run         print every step and what it would change; change nothing
  --help            this text

Run as root on the host, from a checkout of Spinney (the script reads deploy/ beside it).
EOF
}

DOMAIN="" ADMIN="" EMAIL="" PORT=3000 DRY_RUN=0
while [ $# -gt 0 ]; do
  case "$1" in
    --help | -h) usage; exit 0 ;;
    --dry-run) DRY_RUN=1; shift; continue ;;
  esac
  if [ $# -lt 2 ]; then echo "provision: $1 needs a value" >&2; exit 2; fi
  case "$1" in
    --domain) DOMAIN=$2 ;;
    --admin) ADMIN=$2 ;;
    --email) EMAIL=$2 ;;
    --port) PORT=$2 ;;
    *) echo "provision: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift 2
done
[[ $DOMAIN =~ ^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$ ]] || { echo "provision: --domain must be a host name" >&2; exit 2; }
[[ $ADMIN =~ ^[a-z_][a-z0-9_-]*$ ]] || { echo "provision: --admin must be a user name" >&2; exit 2; }
[[ -z $EMAIL || $EMAIL =~ ^[^@[:space:]]+@[^@[:space:]]+$ ]] || { echo "provision: --email must be an address" >&2; exit 2; }
[[ $PORT =~ ^[0-9]{1,5}$ ]] || { echo "provision: --port must be a port number" >&2; exit 2; }

# ---- output and the one place that changes anything ------------------------------------------

STEP=0
PROBLEMS=()
PENDING=0 # set when a step found something to change, so the step can reload what uses it

step() { STEP=$((STEP + 1)); printf '== %d/%d %s\n' "$STEP" "$TOTAL_STEPS" "$1"; }
ok() { printf '   ok: %s\n' "$1"; }
note() { printf '   note: %s\n' "$1"; }
problem() { PROBLEMS+=("$1"); printf '   PROBLEM: %s\n' "$1"; }
die() { printf 'provision: %s\n' "$1" >&2; exit 1; }

# change DESCRIPTION COMMAND...: runs the command, or in a dry run only says what it would do.
change() {
  PENDING=1
  if [ "$DRY_RUN" = 1 ]; then printf '   would %s\n' "$1"; return 0; fi
  printf '   -> %s\n' "$1"
  "${@:2}"
}

same_file() { # DEST MODE OWNER GROUP CONTENT: the file already is exactly this
  [ -f "$1" ] && [ -r "$1" ] && [ "$(stat -c '%a %U %G' "$1")" = "$2 $3 $4" ] && cmp -s "$1" <(printf '%s\n' "$5")
}

# put_file DEST MODE OWNER GROUP CONTENT [VALIDATOR]: writes the file when it differs; a validator
# that fails puts the previous file back and stops the run.
put_file() {
  if same_file "$@"; then ok "$1 is up to date"; return 0; fi
  local verb=create
  [ -e "$1" ] && verb=update
  change "$verb $1 (mode $2, $3:$4)${6:+, checked by ${6#validate_}}" write_file "$@"
  if [ "$DRY_RUN" = 1 ]; then
    local current=/dev/null
    [ -r "$1" ] && current=$1
    { diff -u --label "$1 (now)" --label "$1 (planned)" "$current" <(printf '%s\n' "$5") || true; } | sed 's/^/      /'
  fi
}

write_file() {
  local dest=$1 mode=$2 owner=$3 group=$4 content=$5 validator=${6:-} previous="" tmp
  if [ -e "$dest" ]; then previous=$(mktemp); cp -p "$dest" "$previous"; fi
  mkdir -p "$(dirname "$dest")"
  tmp=$(mktemp "$dest.XXXXXX")
  printf '%s\n' "$content" >"$tmp"
  chown "$owner:$group" "$tmp"
  chmod "$mode" "$tmp"
  mv -f "$tmp" "$dest"
  if [ -n "$validator" ] && ! "$validator"; then
    if [ -n "$previous" ]; then mv -f "$previous" "$dest"; else rm -f "$dest"; fi
    die "$validator refused the new $dest; the previous state is back"
  fi
  if [ -n "$previous" ]; then rm -f "$previous"; fi
}

ensure_dir() { # PATH MODE OWNER GROUP
  if [ -d "$1" ] && [ "$(stat -c '%a %U %G' "$1")" = "$2 $3 $4" ]; then ok "$1 (mode $2, $3:$4)"; return 0; fi
  change "make $1 a directory (mode $2, $3:$4)" install -d -m "$2" -o "$3" -g "$4" "$1"
}

# shellcheck disable=SC2016 # ${Status} is dpkg-query's field, not a shell variable
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

apt_install() { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; }

# A NAME=value from the env file once it exists (it is the source of truth), else the default.
env_value() {
  local value=""
  [ -r "$ENV_FILE" ] && value=$(sed -n "s/^$1=//p" "$ENV_FILE" | tail -n 1)
  printf '%s' "${value:-$2}"
}

validate_nginx() { nginx -t -q; }
validate_sshd() { sshd -t; }

# ---- steps --------------------------------------------------------------------------------------

step_preflight() {
  step "preflight: the host and the arguments"
  [ "$DRY_RUN" = 1 ] && note "dry run: nothing will be changed"
  local id="" pretty=""
  if [ -r /etc/os-release ]; then
    id=$(sed -n 's/^ID=//p' /etc/os-release | tr -d '"')
    pretty=$(sed -n 's/^PRETTY_NAME=//p' /etc/os-release | tr -d '"')
  fi
  case "$id" in
    debian | ubuntu) ok "$pretty" ;;
    *) problem "only Debian and Ubuntu are supported (this is ${pretty:-unknown})" ;;
  esac
  if [ "$(id -u)" -ne 0 ]; then
    if [ "$DRY_RUN" = 1 ]; then note "not root: files only root may read are reported as changes"; else problem "run as root (sudo)"; fi
  fi
  [ -d /run/systemd/system ] || problem "systemd is not running: nginx, ssh, certbot's timer and the spinney service need it"

  if [ "$ADMIN" = root ]; then
    problem "--admin must not be root: root logins over SSH are turned off"
  elif ! getent passwd "$ADMIN" >/dev/null; then
    problem "user $ADMIN does not exist: create it first (deploy/README.md, step 2)"
  else
    local home
    home=$(getent passwd "$ADMIN" | cut -d: -f6)
    if id -nG "$ADMIN" | tr ' ' '\n' | grep -qx sudo; then ok "$ADMIN is in group sudo"; else problem "$ADMIN is not in group sudo"; fi
    if [ -r "$home/.ssh/authorized_keys" ] && grep -qE '^[^#]*(ssh-|ecdsa-|sk-)' "$home/.ssh/authorized_keys"; then
      ok "$ADMIN has an SSH key in $home/.ssh/authorized_keys"
    else
      problem "$ADMIN has no key in $home/.ssh/authorized_keys (or it cannot be read): turning off passwords would lock you out"
    fi
  fi
  if grep -Eqs '^[[:space:]]*Include[[:space:]]+/etc/ssh/sshd_config\.d/\*\.conf' /etc/ssh/sshd_config; then
    ok "sshd reads /etc/ssh/sshd_config.d/"
  else
    problem "/etc/ssh/sshd_config does not include /etc/ssh/sshd_config.d/*.conf"
  fi
  local addresses
  addresses=$(getent ahosts "$DOMAIN" | awk '{print $1}' | sort -u | tr '\n' ' ' || true)
  if [ -n "$addresses" ]; then ok "$DOMAIN resolves to $addresses"; else note "$DOMAIN does not resolve yet: certificate issuance needs its DNS record"; fi

  if [ "${#PROBLEMS[@]}" -gt 0 ] && [ "$DRY_RUN" = 0 ]; then die "stopped before changing anything: ${PROBLEMS[*]}"; fi
}

step_packages() {
  step "packages (apt)"
  local missing=() p
  for p in "${PACKAGES[@]}"; do installed "$p" || missing+=("$p"); done
  if [ "${#missing[@]}" -eq 0 ]; then ok "installed: ${PACKAGES[*]}"; else change "install ${missing[*]}" apt_install "${missing[@]}"; fi
}

step_user() {
  step "service user $SERVICE_USER and its directories"
  if getent passwd "$SERVICE_USER" >/dev/null; then
    ok "user $SERVICE_USER exists"
  else
    change "create system user $SERVICE_USER (home $SERVICE_HOME, no login shell, no password)" \
      useradd --system --user-group --home-dir "$SERVICE_HOME" --shell /usr/sbin/nologin "$SERVICE_USER"
  fi
  ensure_dir "$SERVICE_HOME" 750 "$SERVICE_USER" "$SERVICE_USER"
  ensure_dir "$DATA_DIR" 700 "$SERVICE_USER" "$SERVICE_USER"
  ensure_dir "$CONFIG_DIR" 750 root "$SERVICE_USER"
  # Outside the data dir, so no data-dir copy or backup carries the keys; writable by the service
  # user because `spinney keys rotate` rewrites the files in place.
  ensure_dir "$KEY_DIR" 700 "$SERVICE_USER" "$SERVICE_USER"
  ensure_dir "$LOG_DIR" 750 "$SERVICE_USER" adm
  ensure_dir "$ACME_ROOT" 755 root root
}

new_root_key() {
  local file=$1 tmp
  tmp=$(mktemp "$file.XXXXXX")
  openssl rand -base64 48 >"$tmp"
  chown "$SERVICE_USER:$SERVICE_USER" "$tmp"
  chmod 600 "$tmp"
  mv -n "$tmp" "$file"
  rm -f "$tmp"
}

env_file_content() {
  cat <<EOF
# Spinney's settings (README.md, "Configuration"). deploy/provision.sh wrote this once and never
# overwrites it. The server reads it when it starts, so after an edit run
# \`systemctl restart spinney\`; scripts/ read it on every run.
# One NAME=value per line; a value may hold spaces (the CLI reads this file with util.parseEnv).
SPINNEY_ENV=production
SPINNEY_DATA_DIR=$DATA_DIR
SPINNEY_HOST=127.0.0.1
SPINNEY_PORT=$PORT
SPINNEY_PUBLIC_URL=https://$DOMAIN
SPINNEY_TRUST_PROXY=true
SPINNEY_LOG_LEVEL=info
SPINNEY_TOKEN_SIGNING_KEY_FILE=$KEY_DIR/token-signing.key
SPINNEY_APP_SECRETS_KEY_FILE=$KEY_DIR/app-secrets.key
SPINNEY_SENSITIVE_FIELDS_KEY_FILE=$KEY_DIR/sensitive-fields.key
# Production needs at least one sign-in provider (README.md, "Sign-in providers"), e.g.:
# SPINNEY_GOOGLE_CLIENT_ID=...apps.googleusercontent.com
# SPINNEY_GOOGLE_CLIENT_SECRET_FILE=$KEY_DIR/google-client-secret
# Production needs an SMTP server for customer mail (README.md, "Configuration"), e.g.:
# SPINNEY_SMTP_HOST=smtp.example.com
# SPINNEY_SMTP_USER=spinney
# SPINNEY_SMTP_PASSWORD_FILE=$KEY_DIR/smtp-password
# SPINNEY_MAIL_FROM=Spinney <mail@$DOMAIN>
# Backups go to $DATA_DIR/backups, this disk, unless sent elsewhere (docs/operations.md, "Backups"):
# SPINNEY_BACKUP_DIR=/mnt/backup-disk/spinney
# SPINNEY_BACKUP_TARGET=s3   (or sftp: SPINNEY_BACKUP_SFTP_HOST, _USER, _PATH, _PRIVATE_KEY_FILE, _HOST_FINGERPRINT)
EOF
}

step_keys() {
  step "root keys and the env file"
  local entry variable file
  for entry in "${ROOT_KEYS[@]}"; do
    variable=${entry%%:*}
    file=$KEY_DIR/${entry#*:}.key
    if [ -e "$file" ]; then
      ok "$file exists (never regenerated: everything sealed depends on it)"
    else
      change "generate $variable into $file (openssl rand -base64 48, mode 600, $SERVICE_USER)" new_root_key "$file"
    fi
  done
  if [ -e "$ENV_FILE" ]; then
    ok "$ENV_FILE exists (kept as it is)"
    for entry in "${ROOT_KEYS[@]}"; do
      variable=${entry%%:*}
      if [ -r "$ENV_FILE" ] && ! grep -q "^${variable}_FILE=" "$ENV_FILE"; then
        note "$ENV_FILE does not set ${variable}_FILE: keys given directly cannot be rotated"
      fi
    done
  else
    put_file "$ENV_FILE" 640 root "$SERVICE_USER" "$(env_file_content)"
  fi
}

# The allow rules ufw holds now, e.g. "22/tcp 80/tcp", read from its own rule files.
ufw_allowed() {
  { sed -n 's/^### tuple ### allow \([a-z]*\) \([0-9:]*\) .*/\2\/\1/p' /etc/ufw/user.rules /etc/ufw/user6.rules 2>/dev/null || true; } |
    sort -u | tr '\n' ' '
}

# The ports sshd listens on, from its effective configuration (sshd -T), one per line; 22 when it
# cannot tell. A host with SSH on another port must keep it open, or enabling ufw locks it out.
ssh_ports() {
  local ports
  ports=$(sshd -T 2>/dev/null | awk '$1 == "port" { print $2 }' | sort -un) || true
  printf '%s\n' "${ports:-22}"
}

# The allow rules the firewall should hold, as ufw_allowed() prints them.
wanted_rules() { { ssh_ports; printf '80\n443\n'; } | sed 's|$|/tcp|' | sort -u | tr '\n' ' '; }

configure_ufw() {
  local port
  ufw default deny incoming
  ufw default allow outgoing
  for port in $(ssh_ports); do ufw allow "$port/tcp"; done
  ufw allow 80/tcp
  ufw allow 443/tcp
  ufw --force enable
}

step_firewall() {
  local ssh
  ssh=$(ssh_ports | tr '\n' ' ')
  step "firewall (ufw): incoming only on SSH (${ssh% }), 80 and 443"
  local allowed wanted enabled=no policy=""
  allowed=$(ufw_allowed)
  wanted=$(wanted_rules)
  grep -qs '^ENABLED=yes' /etc/ufw/ufw.conf && enabled=yes
  policy=$(sed -n 's/^DEFAULT_INPUT_POLICY="\(.*\)"/\1/p' /etc/default/ufw 2>/dev/null || true)
  if [ "$enabled" = yes ] && [ "$policy" = DROP ] && [ "$allowed" = "$wanted" ]; then
    ok "enabled, default deny, allowing only $wanted"
  else
    change "set ufw to deny incoming by default, allow ${wanted% }, and enable it (now: enabled=$enabled, policy=${policy:-unknown}, allowed=${allowed:-none})" configure_ufw
    local extra
    extra=$(tr ' ' '\n' <<<"$allowed" | grep . | grep -vxF -f <(tr ' ' '\n' <<<"$wanted" | grep .) | tr '\n' ' ' || true)
    [ -z "$extra" ] || note "other allow rules stay until you remove them: $extra(ufw status numbered; ufw delete N)"
  fi
}

sshd_dropin_content() {
  cat <<EOF
# Spinney (deploy/provision.sh): SSH with keys only, never as root. Read before any other file in
# sshd_config.d, so these values win. $ADMIN keeps access with its key.
PermitRootLogin no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitEmptyPasswords no
PubkeyAuthentication yes
EOF
}

reload_sshd() {
  systemctl try-reload-or-restart ssh
  local effective
  effective=$(sshd -T 2>/dev/null | grep -Ei '^(permitrootlogin|passwordauthentication|kbdinteractiveauthentication) ' | sort | tr '\n' ' ')
  [ "$effective" = "kbdinteractiveauthentication no passwordauthentication no permitrootlogin no " ] ||
    die "sshd's effective settings are not key-only after the reload: $effective"
}

step_ssh() {
  step "SSH: keys only, no root login ($SSHD_DROPIN, checked by sshd -t)"
  PENDING=0
  put_file "$SSHD_DROPIN" 644 root root "$(sshd_dropin_content)" validate_sshd
  if [ "$PENDING" = 1 ]; then change "reload ssh and confirm its effective settings (sshd -T)" reload_sshd; fi
}

step_upgrades() {
  step "unattended security upgrades"
  put_file "$AUTO_UPGRADES" 644 root root 'APT::Periodic::Update-Package-Lists "1";
APT::Periodic::Unattended-Upgrade "1";'
  ok "unattended-upgrades installs from the distribution's security origin (its default 50unattended-upgrades)"
}

step_logrotate() {
  step "logrotate for $LOG_DIR"
  put_file "$LOGROTATE_CONF" 644 root root "$(cat "$HERE/logrotate/spinney")"
}

nginx_running() { [ -s /run/nginx.pid ] && kill -0 "$(cat /run/nginx.pid)" 2>/dev/null; }

start_nginx() {
  systemctl enable nginx
  if nginx_running; then systemctl reload nginx; else systemctl restart nginx; fi
}

# Renders and installs the site with Let's Encrypt's certificate once it exists, the distribution's
# self-signed one until then (nginx will not start without a certificate, and certbot needs nginx).
configure_nginx() {
  local cert=$SNAKEOIL_CERT key=$SNAKEOIL_KEY live=/etc/letsencrypt/live/$DOMAIN
  if [ -f "$live/fullchain.pem" ]; then
    cert=$live/fullchain.pem key=$live/privkey.pem
  else
    note "no Let's Encrypt certificate yet: nginx uses the self-signed $SNAKEOIL_CERT for now"
    [ -f "$SNAKEOIL_CERT" ] || change "create the self-signed certificate (make-ssl-cert)" make-ssl-cert generate-default-snakeoil
  fi
  local http_listen="80" https_listen="443"
  if [ -f /proc/net/if_inet6 ]; then http_listen="80 [::]:80" https_listen="443 [::]:443"; fi
  local conf
  conf=$("$HERE/nginx/render" --server-name "$DOMAIN" --cert "$cert" --key "$key" --acme-root "$ACME_ROOT" \
    --port "$(env_value SPINNEY_PORT "$PORT")" --body-limit "$(env_value SPINNEY_BODY_LIMIT_BYTES 1048576)" \
    --http-listen "$http_listen" --https-listen "$https_listen")
  PENDING=0
  if [ -L "$NGINX_DEFAULT_SITE" ]; then change "remove Debian's default site ($NGINX_DEFAULT_SITE)" rm -f "$NGINX_DEFAULT_SITE"; fi
  put_file "$NGINX_CONF" 644 root root "$conf" validate_nginx
  if [ "$PENDING" = 1 ] || ! nginx_running || [ ! -e /etc/systemd/system/multi-user.target.wants/nginx.service ]; then
    change "enable nginx at boot and start or reload it" start_nginx
  else
    ok "nginx is enabled and running this configuration"
  fi
}

step_nginx() {
  step "nginx: TLS, HSTS, proxy to 127.0.0.1:$(env_value SPINNEY_PORT "$PORT") ($NGINX_CONF)"
  configure_nginx
}

# A refusal (DNS not pointing here yet, a rate limit) leaves nginx on the self-signed certificate
# and the rest of the run goes on; running provision again retries.
issue_certificate() {
  if ! certbot certonly --webroot --webroot-path "$ACME_ROOT" --domain "$DOMAIN" --email "$EMAIL" \
    --agree-tos --no-eff-email --non-interactive --keep-until-expiring; then
    note "Let's Encrypt issued no certificate (see above; is $DOMAIN pointing here?): nginx keeps the self-signed one; run provision again later"
    return 0
  fi
  configure_nginx
}

step_certificate() {
  step "certificate: certbot (webroot), renewal timer, reload hook"
  put_file "$CERTBOT_HOOK" 755 root root "$(cat "$HERE/certbot/reload-nginx")"
  if [ -e /etc/systemd/system/timers.target.wants/certbot.timer ]; then
    ok "certbot.timer renews certificates twice a day"
  else
    change "enable certbot.timer (renewal)" systemctl enable --now certbot.timer
  fi
  local live=/etc/letsencrypt/live/$DOMAIN/fullchain.pem
  if [ -f "$live" ]; then
    ok "certificate for $DOMAIN, $(openssl x509 -noout -enddate -in "$live" 2>/dev/null || echo 'expiry unreadable')"
  elif [ -n "$EMAIL" ]; then
    change "request a certificate for $DOMAIN from Let's Encrypt (webroot $ACME_ROOT, account $EMAIL), then point nginx at it" issue_certificate
  else
    note "no certificate requested: run again with --email ADDRESS once $DOMAIN points at this host"
  fi
}

start_service_at_boot() {
  systemctl daemon-reload
  systemctl enable "$(basename "$SERVICE_UNIT")"
  systemctl enable --now "$(basename "$SOCKET_UNIT")"
}

step_service() {
  step "systemd service spinney ($SERVICE_UNIT)"
  PENDING=0
  put_file "$SERVICE_UNIT" 644 root root "$(cat "$HERE/systemd/spinney.service")"
  # systemd holds the app's port and hands it to the server, so a restart refuses no connection.
  local socket
  socket=$(cat "$HERE/systemd/spinney.socket")
  put_file "$SOCKET_UNIT" 644 root root "${socket//127.0.0.1:3000/127.0.0.1:$(env_value SPINNEY_PORT "$PORT")}"
  if [ "$PENDING" = 1 ] || [ ! -e "/etc/systemd/system/multi-user.target.wants/$(basename "$SERVICE_UNIT")" ] \
    || [ ! -e "/etc/systemd/system/sockets.target.wants/$(basename "$SOCKET_UNIT")" ]; then
    change "reload systemd, enable spinney.service at boot and listen on spinney.socket" start_service_at_boot
  else
    ok "spinney.service is enabled at boot; spinney.socket holds its port"
  fi
  if [ -x "$SPINNEY_LINK" ]; then
    ok "$SPINNEY_LINK is $(readlink -f "$SPINNEY_LINK")"
  else
    note "no release installed yet: deploy/install-release FILE puts one at $SPINNEY_LINK and starts the service"
  fi
}

step_preflight
step_packages
step_user
step_keys
step_firewall
step_ssh
step_upgrades
step_logrotate
step_nginx
step_certificate
step_service

if [ "$DRY_RUN" = 1 ]; then
  echo "dry run: nothing was changed."
  if [ "${#PROBLEMS[@]}" -gt 0 ]; then
    printf 'a real run would stop at preflight, before any change: %d problem(s)\n' "${#PROBLEMS[@]}"
    printf '  - %s\n' "${PROBLEMS[@]}"
  fi
else
  echo "provisioned. Next: install a release with deploy/install-release (deploy/README.md, step 5)."
fi
