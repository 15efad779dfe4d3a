// The deployment and backup tests drive Debian's own programs (nginx, openssl, shellcheck,
// logrotate, sshd, systemd's tools).
// Without one of them a test is skipped, visibly, on a developer machine and fails in CI, where
// .ci/run installs them before npm ci.
import { existsSync } from 'node:fs';

export const TOOLS = {
  nginx: '/usr/sbin/nginx',
  openssl: '/usr/bin/openssl',
  shellcheck: '/usr/bin/shellcheck',
  logrotate: '/usr/sbin/logrotate',
  envsubst: '/usr/bin/envsubst',
  flock: '/usr/bin/flock',
  curl: '/usr/bin/curl',
  sshd: '/usr/sbin/sshd',
  sshKeygen: '/usr/bin/ssh-keygen',
  systemdAnalyze: '/usr/bin/systemd-analyze',
  systemdSocketActivate: '/usr/bin/systemd-socket-activate',
} as const;

const PACKAGES: Record<keyof typeof TOOLS, string> = {
  nginx: 'nginx',
  openssl: 'openssl',
  shellcheck: 'shellcheck',
  logrotate: 'logrotate',
  envsubst: 'gettext-base',
  flock: 'util-linux',
  curl: 'curl',
  sshd: 'openssh-server',
  sshKeygen: 'openssh-client',
  systemdAnalyze: 'systemd',
  systemdSocketActivate: 'systemd',
};

interface Failing {
  fail(message: string): void;
}

/** false when every tool is there; otherwise the skip reason (and, in CI, a failed assertion). */
export function requireTools(t: Failing, names: (keyof typeof TOOLS)[]): string | false {
  const missing = names.filter((name) => !existsSync(TOOLS[name]));
  if (missing.length === 0) return false;
  const reason = `needs ${missing.map((name) => `${TOOLS[name]} (apt-get install ${PACKAGES[name]})`).join(', ')}`;
  if (process.env.CI === 'true') t.fail(`this test cannot run in CI: it ${reason}; .ci/run installs them before npm ci`);
  return reason;
}
