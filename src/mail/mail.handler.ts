// The outbox handler for mail (kind 'mail'): sends a queued message over the configured SMTP server
// (nodemailer; TLS required either from the first byte or by STARTTLS; DKIM-signed when configured),
// with the Message-ID fixed when it was queued. Without an SMTP server (never in production) each
// message is written as an .eml file under <data dir>/dev-mail/ instead, so a developer can open it.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import type { MailConfig } from '../config/config.js';
import type { AttemptOutcome, OutboxHandler } from '../outbox/worker.js';
import { tenantDb } from '../tenancy/context.js';
import type { Runtime } from '../runtime.js';
import { fileForReading, readFileBytes, type ReadableFile } from '../files/files.service.js';
import { findMailMessage } from './mail.repo.js';
import { accountTransportConfig, connectAddress, workspaceSmtp, type WorkspaceSmtp } from './smtp-account.js';
import { MAIL_BODY_COLUMN, MAIL_KIND, type MailAttachment, type MailBody } from './mail.service.js';

/** Waits before the 2nd, 3rd, … attempt: a server that is down for a few hours still gets the mail. */
export const MAIL_RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 8 * 3600_000];
const TIMEOUT_MS = 30_000;

/** A transport to `mail.host`; `servername` is the name TLS checks when `host` is an address already resolved. */
export function transportFor(mail: MailConfig & { servername?: string }, timeoutMs: number): Transporter {
  const tls = { ...(mail.ca !== null ? { ca: [mail.ca] } : {}), ...(mail.servername ? { servername: mail.servername } : {}) };
  return nodemailer.createTransport({
    host: mail.host,
    port: mail.port,
    secure: mail.secure === 'tls',
    // STARTTLS is required, never optional: a server that does not offer it gets no mail in clear.
    requireTLS: mail.secure === 'starttls',
    ...(mail.user !== null && mail.password !== null ? { auth: { user: mail.user, pass: mail.password } } : {}),
    ...(Object.keys(tls).length > 0 ? { tls } : {}),
    ...(mail.dkim !== null ? { dkim: { domainName: mail.dkim.domain, keySelector: mail.dkim.selector, privateKey: mail.dkim.privateKey } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
}

type SmtpError = Error & { code?: string; responseCode?: number; response?: string };

/** The handler; tests shorten its delays and timeout. */
interface LoadedMail {
  message: SendMailOptions;
  /** The workspace's own SMTP account, when it has one; else the server's SMTP (or files). */
  account: WorkspaceSmtp | null;
  /** Its attachments, each with its key resolved (or why it cannot be read): decrypted at the attempt, outside the workspace's scope. */
  attachments: { name: string; type: string; file: ReadableFile }[];
}

/** The attachments' bytes, or why the message cannot go out as it was queued (a file deleted or changed meanwhile). */
async function attachmentParts(attachments: LoadedMail['attachments']): Promise<{ parts: NonNullable<SendMailOptions['attachments']> } | { error: string }> {
  const parts: NonNullable<SendMailOptions['attachments']> = [];
  for (const { name, type, file } of attachments) {
    if ('error' in file) return { error: `attachment_unavailable: ${file.error}` };
    try {
      parts.push({ filename: name, contentType: type, content: await readFileBytes(file), contentDisposition: 'attachment' });
    } catch {
      return { error: `attachment_unreadable: ${name} does not decrypt or match its record` };
    }
  }
  return { parts };
}

export function mailHandler(options: { retryDelaysMs?: readonly number[]; timeoutMs?: number } = {}): OutboxHandler<LoadedMail | null> {
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  let transport: { config: MailConfig; transporter: Transporter } | null = null;
  return {
    kind: MAIL_KIND,
    retryDelaysMs: options.retryDelaysMs ?? MAIL_RETRY_DELAYS_MS,
    concurrency: 4,
    batch: 20,
    timeoutMs,
    load(item, runtime) {
      const row = findMailMessage(tenantDb(), item.id);
      if (!row) return null;
      const body = JSON.parse(runtime.vault.openField(MAIL_BODY_COLUMN.table, row.id, MAIL_BODY_COLUMN.column, row.body_sealed)) as MailBody;
      const account = workspaceSmtp(runtime);
      const message: SendMailOptions = {
        from: account?.from ?? runtime.config.mail?.from ?? 'Spinney <mail@spinney.invalid>',
        to: row.to_name ? { name: row.to_name, address: row.to_address } : row.to_address,
        ...(body.replyTo ? { replyTo: body.replyTo } : {}),
        subject: row.subject,
        text: body.text,
        html: body.html,
        messageId: row.message_id,
        date: new Date(row.created_at),
        // nodemailer adds it as a text/calendar alternative (and an .ics attachment) with the method.
        ...(body.calendar ? { icalEvent: { method: body.calendar.method, content: body.calendar.ics, filename: 'invite.ics' } } : {}),
      };
      const attachments = (JSON.parse(row.attachments) as MailAttachment[]).map((a) => ({ name: a.name, type: a.type, file: fileForReading(runtime, a.fileId, a) }));
      return { message, account, attachments };
    },
    async send(item, loaded, runtime) {
      const started = performance.now();
      const done = (outcome: Omit<AttemptOutcome, 'durationMs'>): AttemptOutcome => ({ ...outcome, durationMs: Math.round(performance.now() - started) });
      if (loaded === null) return done({ delivered: false, giveUp: true, status: null, error: 'message_deleted' });
      const { account } = loaded;
      // Read at every attempt (never kept beside the message): a file changed or deleted since it was queued fails the message, with the reason.
      const attached = await attachmentParts(loaded.attachments);
      if ('error' in attached) return done({ delivered: false, giveUp: true, status: null, error: attached.error });
      const message: SendMailOptions = attached.parts.length > 0 ? { ...loaded.message, attachments: attached.parts } : loaded.message;
      if (account !== null) return done(await sendThrough(account, message, runtime, timeoutMs));
      const mail = runtime.config.mail;
      if (mail === null) {
        const raw = await nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail(message);
        const dir = join(runtime.config.dataDir, 'dev-mail');
        await mkdir(dir, { recursive: true, mode: 0o700 });
        await writeFile(join(dir, `${item.id}.eml`), raw.message as Buffer, { mode: 0o600 });
        return done({ delivered: true, status: null, error: null });
      }
      if (transport?.config !== mail) transport = { config: mail, transporter: transportFor(mail, timeoutMs) };
      try {
        return done(await attempt(transport.transporter, message));
      } catch (err) {
        return done(failure(err));
      }
    },
  };
}

async function attempt(transporter: Transporter, message: SendMailOptions): Promise<Omit<AttemptOutcome, 'durationMs'>> {
  const info = (await transporter.sendMail(message)) as { response?: string };
  return { delivered: true, status: Number.parseInt(info.response ?? '250', 10) || 250, error: null };
}

function failure(err: unknown): Omit<AttemptOutcome, 'durationMs'> {
  const smtp = err as SmtpError;
  const reason = [smtp.code, smtp.response ?? smtp.message].filter(Boolean).join(': ').slice(0, 300);
  // A permanent refusal (5xx: no such mailbox, authentication failed) is not retried.
  const permanent = typeof smtp.responseCode === 'number' && smtp.responseCode >= 500;
  return { delivered: false, giveUp: permanent, status: smtp.responseCode ?? null, error: reason };
}

/** One attempt through the workspace's own account: its host checked again (DNS may have changed), one connection. */
async function sendThrough(account: WorkspaceSmtp, message: SendMailOptions, runtime: Runtime, timeoutMs: number): Promise<Omit<AttemptOutcome, 'durationMs'>> {
  let address: string;
  try {
    address = await connectAddress(account.host, runtime.config.env === 'production');
  } catch (err) {
    return { delivered: false, giveUp: false, status: null, error: `address_not_allowed: ${(err as Error).message}` };
  }
  const transporter = transportFor(accountTransportConfig(account, address, runtime.config.mail), timeoutMs);
  try {
    return await attempt(transporter, message);
  } catch (err) {
    return failure(err);
  } finally {
    transporter.close();
  }
}
