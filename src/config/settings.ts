// Every SPINNEY_* setting, one row each: its name, how its text is parsed, its default and what it
// does. The known names (anything else under SPINNEY_ is refused as a typo), the parsing in
// config.ts and README's settings table all come from these rows; test/config/settings-table.part.ts
// holds README to them, row for row.

/** How a setting's text becomes a value. A `secret` is NAME or a file named by NAME_FILE, never both. */
export type SettingParser =
  | { readonly kind: 'text' }
  | { readonly kind: 'list' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'secret' }
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  | { readonly kind: 'choice'; readonly values: readonly string[] };

/** A default that depends on other settings: config.ts works it out; README says it in words. */
export interface ComputedDefault {
  readonly computed: string;
}

export interface Setting {
  readonly name: `SPINNEY_${string}`;
  readonly parser: SettingParser;
  /** The value when the setting is unset or empty, written as an operator would write it; null: none. */
  readonly default: string | null | ComputedDefault;
  /** README's one line on it (Markdown). */
  readonly doc: string;
}

const text = { kind: 'text' } as const;
const list = { kind: 'list' } as const;
const boolean = { kind: 'boolean' } as const;
const secret = { kind: 'secret' } as const;
const integer = (min: number, max: number) => ({ kind: 'integer', min, max }) as const;
const choice = <const V extends readonly string[]>(...values: V) => ({ kind: 'choice', values }) as const;
const computed = (readme: string): ComputedDefault => ({ computed: readme });

const OVERRIDE_REASON = 'the text (10+ characters, why) is printed at every start';

export const SETTINGS = [
  { name: 'SPINNEY_ENV', parser: choice('development', 'test', 'production'), default: 'development', doc: '`development`, `test` or `production`' },
  { name: 'SPINNEY_ENV_FILE', parser: text, default: null, doc: "a file of `NAME=value` lines read at start with Node's own parser (`util.parseEnv`; values may hold spaces and quotes), by the systemd service and by PM2's `ecosystem.config.cjs` alike; a setting in the environment wins over the file. The operator scripts run the CLI with only this file" },
  { name: 'SPINNEY_DATA_DIR', parser: text, default: './data', doc: 'where `control.db` and `tenants/<id>/tenant.db` live' },
  { name: 'SPINNEY_HOST', parser: text, default: '127.0.0.1', doc: "listen address; production refuses an address other than loopback (the app would be reachable around nginx's TLS and limits)" },
  { name: 'SPINNEY_PORT', parser: integer(0, 65535), default: '3000', doc: 'listen port' },
  { name: 'SPINNEY_PUBLIC_BIND_REASON', parser: text, default: null, doc: `production only: allows a non-loopback \`SPINNEY_HOST\`; ${OVERRIDE_REASON}` },
  { name: 'SPINNEY_PUBLIC_URL', parser: text, default: computed('`http://HOST:PORT`'), doc: 'the URL clients use; also the access-token issuer; must be `https://` in production' },
  { name: 'SPINNEY_TOKEN_SIGNING_KEY', parser: secret, default: computed('generated in development'), doc: 'HS256 key for access tokens, at least 32 bytes' },
  { name: 'SPINNEY_APP_SECRETS_KEY', parser: secret, default: computed('generated in development'), doc: 'vault root key for integration tokens, API keys and webhook secrets; at least 32 bytes, different from the other two' },
  { name: 'SPINNEY_SENSITIVE_FIELDS_KEY', parser: secret, default: computed('generated in development'), doc: 'vault root key for customer-sensitive fields and file blobs; at least 32 bytes, different from the other two' },
  { name: 'SPINNEY_ACCESS_TOKEN_TTL', parser: integer(30, 3600), default: '900', doc: 'access-token lifetime in seconds (30–3600)' },
  { name: 'SPINNEY_TOKEN_VERIFY_CACHE', parser: integer(0, 1_000_000), default: '10000', doc: 'tokens that passed verification, kept in memory until they expire so later requests skip the signature check; `0` turns it off' },
  { name: 'SPINNEY_TENANT_HANDLE_CACHE', parser: integer(1, 100_000), default: '256', doc: 'open tenant databases kept in the LRU cache' },
  { name: 'SPINNEY_SQLITE_SYNCHRONOUS', parser: choice('NORMAL', 'FULL'), default: 'NORMAL', doc: '`NORMAL` or `FULL`, see below' },
  { name: 'SPINNEY_BODY_LIMIT_BYTES', parser: integer(1024, 100 * 1024 * 1024), default: '1048576', doc: 'largest request body (413 above it)' },
  { name: 'SPINNEY_IMPORT_BODY_LIMIT_BYTES', parser: integer(1024, 200 * 1024 * 1024), default: '20971520', doc: 'largest CSV file an import accepts (`POST /api/v1/imports`, 413 above it; docs/import.md)' },
  { name: 'SPINNEY_FILE_MAX_BYTES', parser: integer(1024, 1024 * 1024 * 1024), default: '26214400', doc: 'largest file an upload accepts (`POST /api/v1/files`, 413 `file_too_large` while it streams; docs/files.md)' },
  { name: 'SPINNEY_WORKSPACE_QUOTA_BYTES', parser: integer(1024, 2 ** 50), default: '10737418240', doc: 'the bytes of files one workspace may hold (413 `quota_exceeded` while an upload streams; docs/files.md)' },
  { name: 'SPINNEY_TRUST_PROXY', parser: boolean, default: 'false', doc: 'trust `X-Forwarded-*` and `X-Request-Id` from a proxy on this host (nginx on loopback); never from other addresses' },
  { name: 'SPINNEY_DEV_SIGNIN', parser: boolean, default: computed('on outside production'), doc: 'the development sign-in provider (started by `spinney serve` in development); production refuses to start with it on' },
  { name: 'SPINNEY_DEV_OIDC_PORT', parser: integer(0, 65535), default: '0', doc: 'port of the development provider (`0`: any free port)' },
  { name: 'SPINNEY_SESSION_LIFETIME', parser: integer(300, 30 * 86_400), default: '28800', doc: 'seconds from sign-in until a session ends, however active (8 h)' },
  { name: 'SPINNEY_SESSION_IDLE_TIMEOUT', parser: integer(60, 86_400), default: '1800', doc: 'seconds without a request or refresh that end a session (30 min)' },
  { name: 'SPINNEY_REAUTH_WINDOW', parser: integer(60, 86_400), default: '600', doc: 'sensitive routes (members, sessions, …) need a sign-in, step-up or sensitive request within this many seconds' },
  { name: 'SPINNEY_REFRESH_GRACE', parser: integer(0, 60), default: '10', doc: 'seconds in which a retry with the just-rotated refresh token gets the same new pair' },
  { name: 'SPINNEY_DELETION_GRACE_DAYS', parser: integer(1, 30), default: '7', doc: "days (1–30) between a workspace's deletion, which refuses every request at once, and its purge" },
  { name: 'SPINNEY_SECURITY_EVENTS_RETENTION_DAYS', parser: integer(1, 3650), default: '90', doc: 'days (1–3650) the counted anonymous refusals (failed sign-ins, rate-limit rejections; `spinney security events`) are kept' },
  { name: 'SPINNEY_SHUTDOWN_TIMEOUT', parser: integer(1, 300), default: '10', doc: 'seconds (1–300) a `SIGTERM`/`SIGINT` gives requests in flight before their connections are cut (`docs/operations.md`, "Shutdown")' },
  { name: 'SPINNEY_BACKUP_TARGET', parser: choice('local', 's3', 'sftp'), default: 'local', doc: '`local` (a directory), `s3` or `sftp` (`docs/operations.md`, "Backups")' },
  { name: 'SPINNEY_BACKUP_DIR', parser: text, default: computed('`<data dir>/backups`'), doc: 'the local target; not the data dir nor inside its `tenants/`; use another disk in production' },
  { name: 'SPINNEY_BACKUP_S3_BUCKET', parser: text, default: null, doc: "the S3 target's bucket" },
  { name: 'SPINNEY_BACKUP_S3_REGION', parser: text, default: 'us-east-1', doc: "the bucket's region" },
  { name: 'SPINNEY_BACKUP_S3_PREFIX', parser: text, default: null, doc: 'key prefix inside the bucket: folder names each ending in `/`' },
  { name: 'SPINNEY_BACKUP_S3_ENDPOINT', parser: text, default: null, doc: 'an S3-compatible store (MinIO, Ceph …), https in production; none: AWS itself' },
  { name: 'SPINNEY_BACKUP_S3_ACCESS_KEY_ID', parser: text, default: null, doc: "credentials for the S3 target with `SPINNEY_BACKUP_S3_SECRET_ACCESS_KEY` (both or neither); none: the SDK's own chain (instance role, `~/.aws`)" },
  { name: 'SPINNEY_BACKUP_S3_SECRET_ACCESS_KEY', parser: secret, default: null, doc: 'the secret of `SPINNEY_BACKUP_S3_ACCESS_KEY_ID`' },
  { name: 'SPINNEY_BACKUP_SFTP_HOST', parser: text, default: null, doc: 'the SFTP target: the backup host' },
  { name: 'SPINNEY_BACKUP_SFTP_PORT', parser: integer(1, 65535), default: '22', doc: "the backup host's SSH port" },
  { name: 'SPINNEY_BACKUP_SFTP_USER', parser: text, default: null, doc: 'the account on the backup host' },
  { name: 'SPINNEY_BACKUP_SFTP_PATH', parser: text, default: null, doc: 'the absolute directory on the backup host that holds the runs' },
  { name: 'SPINNEY_BACKUP_SFTP_PRIVATE_KEY', parser: secret, default: null, doc: 'the client key (key sign-in only), usually as `_FILE`' },
  { name: 'SPINNEY_BACKUP_SFTP_PASSPHRASE', parser: secret, default: null, doc: "the client key's passphrase, if it has one" },
  { name: 'SPINNEY_BACKUP_SFTP_HOST_FINGERPRINT', parser: text, default: null, doc: "the backup host's key as `ssh-keygen -lf` prints it (`SHA256:…`); no connection to a host presenting another" },
  { name: 'SPINNEY_BACKUP_SCHEDULE', parser: text, default: '0 * * * *', doc: 'cron (UTC) of the `backup` job; checked with node-cron at start-up (an out-of-range field is refused)' },
  { name: 'SPINNEY_BACKUP_KEEP_ALL_HOURS', parser: integer(1, 24 * 365), default: '48', doc: 'retention: every run is kept this many hours' },
  { name: 'SPINNEY_BACKUP_KEEP_DAILY_DAYS', parser: integer(0, 3650), default: '30', doc: 'retention: then one run a day for this many days' },
  { name: 'SPINNEY_SMTP_HOST', parser: text, default: null, doc: 'the SMTP server customer mail is sent through; production refuses to start without it' },
  { name: 'SPINNEY_SMTP_PORT', parser: integer(1, 65535), default: '587', doc: "the SMTP server's port" },
  { name: 'SPINNEY_SMTP_SECURE', parser: choice('tls', 'starttls'), default: 'starttls', doc: '`tls` (TLS from the first byte, usually port 465) or `starttls` (upgrade required, usually port 587)' },
  { name: 'SPINNEY_SMTP_USER', parser: text, default: null, doc: 'the SMTP account; required with `SPINNEY_SMTP_HOST` in production' },
  { name: 'SPINNEY_SMTP_PASSWORD', parser: secret, default: null, doc: "the SMTP account's password, required with its user" },
  { name: 'SPINNEY_SMTP_CA', parser: secret, default: null, doc: "a CA certificate (PEM, usually as `_FILE`) trusted for the SMTP server besides the system's: a relay with a private certificate" },
  { name: 'SPINNEY_MAIL_FROM', parser: text, default: null, doc: 'the From address of every message (`Spinney <mail@example.com>` or `mail@example.com`); its domain names the Message-IDs; required with `SPINNEY_SMTP_HOST`' },
  { name: 'SPINNEY_DKIM_DOMAIN', parser: text, default: null, doc: 'messages are DKIM-signed for this domain when it, the selector and the key are all set (all or none)' },
  { name: 'SPINNEY_DKIM_SELECTOR', parser: text, default: null, doc: 'the DKIM selector (the DNS record is `<selector>._domainkey.<domain>`)' },
  { name: 'SPINNEY_DKIM_PRIVATE_KEY', parser: secret, default: null, doc: 'the DKIM private key (PEM), usually as `_FILE`' },
  { name: 'SPINNEY_JOBS', parser: boolean, default: 'on', doc: '`off` stops this server from running the scheduled jobs (`docs/operations.md`, "Scheduled jobs"); under PM2 cluster mode only instance 0 (`NODE_APP_INSTANCE`) runs them anyway' },
  { name: 'SPINNEY_RATE_LIMIT_SIGNIN', parser: integer(0, 1_000_000), default: '20', doc: 'requests per minute per client IP on each sign-in route and on each customer estimate-link route (`0`: off, for benchmarks)' },
  { name: 'SPINNEY_RATE_LIMIT', parser: integer(0, 1_000_000), default: '100', doc: 'requests per minute per client IP on every other route, and per workspace API key wherever it is used from (`0`: off; production refuses `0` for either limit)' },
  { name: 'SPINNEY_NO_RATE_LIMITS_REASON', parser: text, default: null, doc: `production only: allows a rate limit of \`0\`; ${OVERRIDE_REASON}` },
  { name: 'SPINNEY_LOG_LEVEL', parser: choice('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'), default: computed('`info` (`silent` in test)'), doc: 'pino level' },
  { name: 'SPINNEY_GOOGLE_CLIENT_ID', parser: text, default: null, doc: 'Google sign-in in the browser is on when set ("Sign-in providers" below)' },
  { name: 'SPINNEY_GOOGLE_CLIENT_SECRET', parser: secret, default: null, doc: "the Google client's secret, required with its client id" },
  { name: 'SPINNEY_GOOGLE_ISSUER', parser: text, default: 'https://accounts.google.com', doc: "Google's issuer (tests point it at a provider on loopback)" },
  { name: 'SPINNEY_GOOGLE_NATIVE_CLIENT_IDS', parser: list, default: null, doc: 'comma-separated client ids of iOS and desktop apps whose Google ID tokens `POST /api/v1/auth/exchange` accepts' },
  { name: 'SPINNEY_MICROSOFT_CLIENT_ID', parser: text, default: null, doc: 'Microsoft Entra ID sign-in is on when set' },
  { name: 'SPINNEY_MICROSOFT_CLIENT_SECRET', parser: secret, default: null, doc: "the Microsoft client's secret, required with its client id" },
  { name: 'SPINNEY_MICROSOFT_ISSUER', parser: text, default: null, doc: 'required with the client id: `https://login.microsoftonline.com/<directory id>/v2.0`' },
  { name: 'SPINNEY_OIDC_ISSUER', parser: text, default: null, doc: "any OpenID Connect provider's issuer, required with its client id" },
  { name: 'SPINNEY_OIDC_CLIENT_ID', parser: text, default: null, doc: 'sign-in with that provider is on when set' },
  { name: 'SPINNEY_OIDC_CLIENT_SECRET', parser: secret, default: null, doc: "the OpenID Connect client's secret, required with its client id" },
  { name: 'SPINNEY_OIDC_LABEL', parser: text, default: 'Single sign-on', doc: "the provider's name on the sign-in page" },
  { name: 'SPINNEY_APPLE_CLIENT_IDS', parser: list, default: null, doc: 'comma-separated bundle ids / services ids whose Sign in with Apple ID tokens `POST /api/v1/auth/exchange` accepts' },
  { name: 'SPINNEY_APPLE_ISSUER', parser: text, default: 'https://appleid.apple.com', doc: "Apple's issuer (tests point it at a provider on loopback)" },
  { name: 'SPINNEY_NATIVE_REDIRECT_SCHEMES', parser: list, default: null, doc: 'app schemes (e.g. `com.example.spinney`) a desktop or iOS app may use as its sign-in redirect; loopback redirects are always allowed' },
] as const satisfies readonly Setting[];

type Row = (typeof SETTINGS)[number];
export type SettingName = Row['name'];
/** The names of the settings a parser of this kind reads. */
export type SettingNameOf<K extends SettingParser['kind']> = Extract<Row, { parser: { kind: K } }>['name'];
/** The values a choice setting takes. */
export type ChoiceOf<N extends SettingNameOf<'choice'>> = Extract<Row, { name: N }>['parser'] extends { values: readonly (infer V extends string)[] } ? V : never;

/** Every variable name Spinney reads: each setting, and NAME_FILE beside each secret. */
export const KNOWN_SETTING_NAMES: ReadonlySet<string> = new Set(SETTINGS.flatMap((s): string[] => (s.parser.kind === 'secret' ? [s.name, `${s.name}_FILE`] : [s.name])));

export function settingNamed(name: SettingName): Setting {
  return SETTINGS.find((s) => s.name === name) as Setting;
}

/** What a setting's text becomes (a secret's bytes are read by config.ts). */
export type ParsedSetting = string | number | boolean | string[];

/** The value of a setting's text, or the problem naming the setting when the text is not one. */
export function parseSetting(setting: Setting, raw: string): { value: ParsedSetting } | { problem: string } {
  const { name, parser } = setting;
  switch (parser.kind) {
    case 'text':
    case 'secret':
      return { value: raw };
    case 'list':
      return { value: raw.split(',').map((v) => v.trim()).filter(Boolean) };
    case 'boolean':
      if (['1', 'true', 'yes', 'on'].includes(raw)) return { value: true };
      if (['0', 'false', 'no', 'off'].includes(raw)) return { value: false };
      return { problem: `${name} must be true or false` };
    case 'integer':
      if (!/^\d+$/.test(raw) || Number(raw) < parser.min || Number(raw) > parser.max) return { problem: `${name} must be an integer from ${parser.min} to ${parser.max}` };
      return { value: Number(raw) };
    case 'choice':
      if (parser.values.includes(raw)) return { value: raw };
      return { problem: `${name} must be one of ${parser.values.join(', ')}` };
  }
}
