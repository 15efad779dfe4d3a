// A workspace's own SMTP account, used instead of the server's for everything the workspace sends.
// It is one sealed system secret in the workspace's vault (host, port, security, user, password,
// From), saved only after a real connection and sign-in to it succeeded. The host is resolved and
// checked here and the connection goes to that very address (the name is kept for TLS), so in
// production a workspace cannot point the server at loopback or a private network.
import { lookup } from 'node:dns/promises';
import type { Transporter } from 'nodemailer';
import { recordTenantEvent } from '../audit/audit.service.js';
import { fromDomainOf, type MailConfig } from '../config/config.js';
import { AppError } from '../http/errors.js';
import type { Runtime } from '../runtime.js';
import { tenantDb } from '../tenancy/context.js';
import { AddressRefused, classifyAddress } from '../webhooks/address-policy.js';
import type { MailSettingsInput, WorkspaceSmtpInput } from './mail.schemas.js';

const SECRET = 'mail:smtp:account';

export interface WorkspaceSmtp {
  host: string;
  port: number;
  secure: 'tls' | 'starttls';
  user: string;
  password: string;
  from: string;
}

/** The workspace's account, or null when it sends through the server's SMTP. */
export function workspaceSmtp(runtime: Runtime): WorkspaceSmtp | null {
  const stored = runtime.vault.getSystem(SECRET);
  return stored === undefined ? null : (JSON.parse(stored) as WorkspaceSmtp);
}

/** The address to connect to: the host's first address, refused in production unless public. */
export async function connectAddress(host: string, production: boolean): Promise<string> {
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true });
  } catch {
    throw new AddressRefused(`the host ${host} does not resolve`);
  }
  if (production) {
    for (const { address } of addresses) {
      const kind = classifyAddress(address);
      if (kind !== 'public') throw new AddressRefused(`the host ${host} has the address ${address}, ${kind === 'reserved' ? 'a reserved one' : `a ${kind} one`}, not a public one`);
    }
  }
  const first = addresses[0];
  if (!first) throw new AddressRefused(`the host ${host} does not resolve`);
  return first.address;
}

/** The account as the transport's settings: the checked address, the name for TLS, the server's trusted CA. */
export function accountTransportConfig(account: WorkspaceSmtp, address: string, serverMail: MailConfig | null): MailConfig & { servername: string } {
  return {
    host: address,
    servername: account.host,
    port: account.port,
    secure: account.secure,
    user: account.user,
    password: account.password,
    from: account.from,
    fromDomain: fromDomainOf(account.from) ?? '',
    dkim: null,
    ca: serverMail?.ca ?? null,
  };
}

type SmtpError = Error & { code?: string; responseCode?: number; response?: string };

/** Connects, negotiates TLS and signs in; a refusal names the field to fix. */
async function verify(runtime: Runtime, account: WorkspaceSmtp, transport: (config: MailConfig & { servername: string }) => Transporter): Promise<void> {
  let address: string;
  try {
    address = await connectAddress(account.host, runtime.config.env === 'production');
  } catch (err) {
    throw new AppError(422, 'smtp_test_failed', (err as Error).message, 'host');
  }
  const transporter = transport(accountTransportConfig(account, address, runtime.config.mail));
  try {
    await transporter.verify();
  } catch (err) {
    const smtp = err as SmtpError;
    const answer = (smtp.response ?? smtp.message).slice(0, 200);
    if (smtp.code === 'EAUTH') throw new AppError(422, 'smtp_test_failed', `the server refused the user name or password: ${answer}`, 'password');
    if (smtp.code === 'ETLS' || /certificate|TLS|SSL/i.test(smtp.message)) throw new AppError(422, 'smtp_test_failed', `no trusted TLS connection to ${account.host}:${account.port}: ${answer}`, 'secure');
    throw new AppError(422, 'smtp_test_failed', `could not reach an SMTP server at ${account.host}:${account.port}: ${answer}`, 'host');
  } finally {
    transporter.close();
  }
}

/** Saves (after a successful test) or removes the workspace's account; audited without the password. */
export async function saveMailSettings(runtime: Runtime, input: MailSettingsInput, transport: (config: MailConfig & { servername: string }) => Transporter): Promise<void> {
  const before = workspaceSmtp(runtime);
  if (input.smtp === null) {
    if (before === null) return;
    runtime.vault.deleteSystem(SECRET);
    recordTenantEvent('mail.smtp_removed', { type: 'setting', id: 'mail.smtp' }, { before: describe(before) });
    return;
  }
  const account = withPassword(input.smtp, before);
  if (fromDomainOf(account.from) === null) throw new AppError(400, 'invalid_field', 'from must be an address (office@example.com or Name <office@example.com>)', 'smtp.from');
  await verify(runtime, account, transport);
  const db = tenantDb();
  db.transaction(() => {
    runtime.vault.putSystem(SECRET, JSON.stringify(account));
    recordTenantEvent('mail.smtp_set', { type: 'setting', id: 'mail.smtp' }, { ...(before ? { before: describe(before) } : {}), after: describe(account) });
  });
}

/** A new password is required unless the host and user are the ones the stored password is for. */
function withPassword(input: WorkspaceSmtpInput, before: WorkspaceSmtp | null): WorkspaceSmtp {
  const { password, ...rest } = input;
  if (password !== undefined) return { ...rest, password };
  if (before && before.host === input.host && before.user === input.user) return { ...rest, password: before.password };
  throw new AppError(400, 'missing_field', 'smtp.password is required for a new host or user', 'smtp.password');
}

const describe = (account: WorkspaceSmtp): Omit<WorkspaceSmtp, 'password'> => ({ host: account.host, port: account.port, secure: account.secure, user: account.user, from: account.from });

export function mailSettingsView(runtime: Runtime): { smtp: (Omit<WorkspaceSmtp, 'password'> & { passwordSet: true }) | null; sendsThrough: 'workspace' | 'server' | 'files' } {
  const account = workspaceSmtp(runtime);
  if (account) return { smtp: { ...describe(account), passwordSet: true }, sendsThrough: 'workspace' };
  return { smtp: null, sendsThrough: runtime.config.mail ? 'server' : 'files' };
}
