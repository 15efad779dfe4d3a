// Reading a mailbox's INBOX over IMAP (imapflow), read-only: the INBOX is opened with EXAMINE, so
// nothing is ever deleted, moved or even marked seen on the server. TLS always (from the first
// byte, or a required STARTTLS); a server certificate must verify against the system's CAs or the
// mailbox's own CA. In production the host must resolve to public addresses only (never loopback or
// a private network: an admin cannot point the server inward), and the connection goes to the very
// address checked. Errors come back as one sentence that names the failure and never the password.
import { isIP } from 'node:net';
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import { connectAddress } from '../mail/smtp-account.js';
import { AddressRefused } from '../webhooks/address-policy.js';

export interface ImapAccount {
  host: string;
  port: number;
  security: 'tls' | 'starttls';
  username: string;
  password: string;
  caPem: string | null;
  /** Production: only public addresses (src/webhooks/address-policy.ts). */
  production: boolean;
}

/** A message on the server: its UID and raw source (its header only when larger than the import limit). */
export interface FetchedMessage {
  uid: number;
  size: number;
  source: Buffer;
  headersOnly: boolean;
}

export interface InboxBatch {
  uidValidity: number;
  messages: FetchedMessage[];
  /** More messages after this batch wait for the next sync. */
  more: boolean;
}

export class ImapFailure extends Error {
  override name = 'ImapFailure';
}

/** Messages larger than this are recorded by their headers only (never downloaded). */
export const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
const TIMEOUT_MS = 20_000;

function clientFor(account: ImapAccount, address: string): ImapFlow {
  const options: ImapFlowOptions = {
    host: address,
    // The certificate is checked against the name the admin gave (an IP literal names itself).
    servername: isIP(account.host) ? undefined : account.host,
    port: account.port,
    secure: account.security === 'tls',
    doSTARTTLS: account.security === 'starttls' ? true : undefined,
    auth: { user: account.username, pass: account.password },
    tls: { rejectUnauthorized: true, minVersion: 'TLSv1.2', ...(account.caPem ? { ca: [account.caPem] } : {}) },
    logger: false,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS * 3,
    disableAutoIdle: true,
  };
  const client = new ImapFlow(options);
  // A connection dropped later surfaces through the pending command; the event alone must not crash the process.
  client.on('error', () => undefined);
  return client;
}

/** One sentence for an admin, naming what failed; IMAP server text is kept short and never holds the password. */
export function describeImapError(err: unknown, account: Pick<ImapAccount, 'host' | 'port'>): string {
  const e = err as { code?: string; authenticationFailed?: boolean; tlsFailed?: boolean; responseText?: string; message?: string; mailboxMissing?: boolean };
  const where = `${account.host}:${account.port}`;
  if (e.authenticationFailed) return `the server at ${where} refused the login (wrong user name or password)`;
  if (e.mailboxMissing) return `the server at ${where} has no INBOX for this account`;
  const code = e.code ?? '';
  if (code === 'ECONNREFUSED') return `nothing answers at ${where} (connection refused)`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `the host name ${account.host} does not resolve`;
  if (/TIMEOUT/i.test(code)) return `the server at ${where} did not answer in time`;
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER') return `${where} does not speak TLS from the first byte (a STARTTLS port? choose starttls)`;
  if (e.tlsFailed || /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL/.test(code)) {
    return `TLS with ${where} failed: ${code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'SELF_SIGNED_CERT_IN_CHAIN' || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ? 'its certificate is not trusted (give its CA certificate)' : (code || 'the handshake did not complete')}`;
  }
  if (e.responseText) return `the server at ${where} answered: ${e.responseText.slice(0, 200)}`;
  if (code === 'MissingServerExtension') return `the server at ${where} does not offer STARTTLS`;
  return `the connection to ${where} failed${code ? ` (${code})` : ''}`;
}

async function withInbox<T>(account: ImapAccount, fn: (client: ImapFlow, uidValidity: number) => Promise<T>): Promise<T> {
  let address: string;
  try {
    address = await connectAddress(account.host, account.production);
  } catch (err) {
    if (err instanceof AddressRefused) throw new ImapFailure(err.reason, { cause: err });
    throw err;
  }
  const client = clientFor(account, address);
  try {
    await client.connect();
    const lock = await client.getMailboxLock('INBOX', { readOnly: true });
    try {
      const mailbox = client.mailbox;
      if (!mailbox) throw new ImapFailure('the INBOX did not open');
      return await fn(client, Number(mailbox.uidValidity));
    } finally {
      lock.release();
    }
  } catch (err) {
    throw new ImapFailure(describeImapError(err, account), { cause: err });
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** Connects, logs in and opens the INBOX read-only: what saving a mailbox checks. */
export async function checkInbox(account: ImapAccount): Promise<{ uidValidity: number }> {
  return withInbox(account, async (_client, uidValidity) => ({ uidValidity }));
}

/**
 * The INBOX's messages with a UID above `afterUid` (all of them after a UIDVALIDITY change), at most
 * `limit`, oldest first. `uidValidity` is what the caller last saw (null: never synced).
 */
export async function fetchNewMessages(account: ImapAccount, knownUidValidity: number | null, afterUid: number, limit: number): Promise<InboxBatch> {
  return withInbox(account, async (client, uidValidity) => {
    const from = knownUidValidity === uidValidity ? afterUid : 0;
    if (client.mailbox && client.mailbox.exists === 0) return { uidValidity, messages: [], more: false };
    // UID SEARCH lists the UIDs only; `n:*` also names the highest message when none is above n (RFC 3501), so filter.
    const found = (await client.search({ uid: `${from + 1}:*` }, { uid: true })) || [];
    const uids = found.filter((uid) => uid > from).sort((a, b) => a - b);
    const messages: FetchedMessage[] = [];
    for (const uid of uids.slice(0, limit)) {
      // Expunged meanwhile by another client: nothing to import.
      const sized = await client.fetchOne(String(uid), { size: true }, { uid: true });
      if (!sized) continue;
      const size = sized.size ?? 0;
      const headersOnly = size > MAX_MESSAGE_BYTES;
      const fetched = await client.fetchOne(String(uid), headersOnly ? { headers: true } : { source: true }, { uid: true });
      const source = fetched ? (headersOnly ? fetched.headers : fetched.source) : undefined;
      if (source) messages.push({ uid, size, source, headersOnly });
    }
    return { uidValidity, messages, more: uids.length > limit };
  });
}
