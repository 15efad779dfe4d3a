// A real SMTP server for the mail tests (smtp-server on loopback): STARTTLS with a certificate of
// its own (the relay's "private certificate", trusted through SPINNEY_SMTP_CA), one account, and
// what it received. `refuse` names recipients it has no mailbox for (550). `hold` keeps the answer
// to the first message back, as a server that has the message but has not said "250" yet.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { TOOLS } from '../deploy/tools.js';
import { ManualClock } from '../../src/time/clock.js';
import { build, tempDataDir, type Teardown } from '../helpers/app.js';

export const SMTP_USER = 'spinney';
export const SMTP_PASSWORD = 'smtp-secret';

/** The settings that send through smtpServer(): its port, its account, its certificate trusted, and a From address. */
export function smtpEnv(port: number, tls: { cert: string }, from = 'Spinney <mail@spinney.test>'): Record<string, string> {
  return { SPINNEY_SMTP_HOST: '127.0.0.1', SPINNEY_SMTP_PORT: String(port), SPINNEY_SMTP_USER: SMTP_USER, SPINNEY_SMTP_PASSWORD: SMTP_PASSWORD, SPINNEY_SMTP_CA: tls.cert, SPINNEY_MAIL_FROM: from };
}

export interface Received {
  raw: Buffer;
  from: string | undefined;
  to: string[];
}

/** A self-signed certificate for 127.0.0.1 (the relay's "private certificate", trusted through SPINNEY_SMTP_CA). */
export function certificate(t: Teardown): { key: string; cert: string } {
  const dir = tempDataDir(t);
  execFileSync(TOOLS.openssl, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
}

/** An SMTP server that requires STARTTLS and one account, and keeps what it receives. */
export async function smtpServer(t: Teardown, tls: { key: string; cert: string }, port = 0, options: { hold?: boolean; refuse?: readonly string[] } = {}): Promise<{ port: number; received: Received[]; firstArrived: Promise<void>; close: () => Promise<void> }> {
  const received: Received[] = [];
  let arrived: () => void = () => undefined;
  const firstArrived = new Promise<void>((resolve) => (arrived = resolve));
  const server = new SMTPServer({
    key: tls.key,
    cert: tls.cert,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) return callback(null, { user: SMTP_USER });
      return callback(Object.assign(new Error('Authentication failed'), { responseCode: 535 }));
    },
    // A recipient it has no mailbox for: refused for good (550), as a real server does.
    onRcptTo(address, _session, callback) {
      if (options.refuse?.includes(address.address)) return callback(Object.assign(new Error(`5.1.1 <${address.address}>: no such mailbox`), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ raw: Buffer.concat(chunks), from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined, to: session.envelope.rcptTo.map((r) => r.address) });
        arrived();
        // Held: no answer at all, until the connection goes away.
        if (options.hold && received.length === 1) return;
        callback(null, 'Queued as ABC123');
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.server.address() as { port: number };
  let open = true;
  const close = async () => {
    if (!open) return;
    open = false;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  t.teardown(close);
  return { port: address.port, received, firstArrived, close };
}

/**
 * The app sending customer mail to a real SMTP server on loopback (STARTTLS, its own certificate),
 * on a manual clock at 2026-12-01 09:00 UTC, with the workspace "Whitfield Roofing".
 */
export async function mailApp(t: Teardown) {
  const tls = certificate(t);
  const smtp = await smtpServer(t, tls);
  const clock = new ManualClock(Date.parse('2026-12-01T09:00:00Z'));
  const api = await build(t, smtpEnv(smtp.port, tls), [], { clock });
  return { smtp, clock, api, workspace: api.tenant('Whitfield Roofing') };
}
