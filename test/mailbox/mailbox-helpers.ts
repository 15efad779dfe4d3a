// Shared set-up of the mailbox tests: a private Dovecot with the workspace's mailbox account, the
// app, a workspace with a contact, a lead and an estimate sent to the contact (its Message-ID is
// what a reply names), and raw messages as a customer's mail program would write them.
import type { Test } from 'tap';
import { randomBytes } from 'node:crypto';
import { build, type TestApp } from '../helpers/app.js';
import { startDovecot, type Dovecot, type DovecotAccount } from '../helpers/dovecot.js';

export const OFFICE = { user: 'office@whitfield.test', password: 'imap-secret-4711' };

export interface MailboxSetup {
  dovecot: Dovecot;
  account: DovecotAccount;
  api: TestApp;
  tenantId: string;
  admin: string;
  member: string;
  viewer: string;
  contactId: string;
  leadId: string;
  /** The Message-ID of the estimate mail sent to the contact. */
  estimateMessageId: string;
  estimateMailId: string;
  connect(overrides?: Record<string, unknown>): Promise<{ statusCode: number; json: () => unknown; body: string }>;
  sync(): Promise<{ imported: number; skipped: number; more: boolean; mailbox: { status: string; lastError: string | null; lastErrorAt: string | null; lastSuccessAt: string | null; importedCount: number } }>;
  received(query?: string, token?: string): Promise<ReceivedItem[]>;
  unfiled(): Promise<ReceivedItem[]>;
}

export interface ReceivedItem {
  id: string;
  from: string;
  subject: string;
  contactId: string | null;
  leadId: string | null;
  inReplyToMailId: string | null;
  messageId: string | null;
  attachments: { name: string | null; type: string; size: number; fileId: string | null; refused: string | null }[];
}

export function rawMessage(m: { from: string; subject: string; body?: string; html?: string; inReplyTo?: string; references?: string; messageId?: string | null; to?: string }): string {
  const headers = [
    `From: ${m.from}`,
    `To: ${m.to ?? OFFICE.user}`,
    `Subject: ${m.subject}`,
    'Date: Tue, 01 Dec 2026 10:00:00 +0000',
    ...(m.messageId === null ? [] : [`Message-ID: ${m.messageId ?? `<${randomBytes(9).toString('hex')}@customer.test>`}`]),
    ...(m.inReplyTo ? [`In-Reply-To: ${m.inReplyTo}`] : []),
    ...(m.references ? [`References: ${m.references}`] : []),
    'MIME-Version: 1.0',
  ];
  if (!m.html) return `${headers.join('\r\n')}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${m.body ?? 'Hello'}\r\n`;
  const boundary = 'b-spinney-test';
  return `${headers.join('\r\n')}\r\nContent-Type: multipart/alternative; boundary="${boundary}"\r\n\r\n--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${m.body ?? 'Hello'}\r\n--${boundary}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${m.html}\r\n--${boundary}--\r\n`;
}

/** A multipart/mixed message: a text part, then each attachment (base64, the name RFC 2231-encoded as UTF-8). */
export function messageWithAttachments(m: { from: string; subject: string; body: string; inReplyTo?: string; messageId?: string }, attachments: { name: string; type: string; content: Buffer }[]): string {
  const boundary = 'mixed-spinney-test';
  const headers = [`From: ${m.from}`, `To: ${OFFICE.user}`, `Subject: ${m.subject}`, 'Date: Tue, 01 Dec 2026 10:00:00 +0000', `Message-ID: ${m.messageId ?? `<${randomBytes(9).toString('hex')}@customer.test>`}`, ...(m.inReplyTo ? [`In-Reply-To: ${m.inReplyTo}`] : []), 'MIME-Version: 1.0', `Content-Type: multipart/mixed; boundary="${boundary}"`];
  const parts = attachments.map((a) =>
    [`--${boundary}`, `Content-Type: ${a.type}`, `Content-Disposition: attachment; filename*=UTF-8''${encodeURIComponent(a.name)}`, 'Content-Transfer-Encoding: base64', '', a.content.toString('base64').replace(/.{76}/g, '$&\r\n')].join('\r\n'),
  );
  return [...headers, '', `--${boundary}`, 'Content-Type: text/plain; charset=utf-8', '', m.body, ...parts, `--${boundary}--`, ''].join('\r\n');
}

/** The app (built on `dataDir` when given: a restart), a workspace and a connected mailbox. */
export async function mailboxSetup(t: Test, options: { dovecot?: Dovecot; connect?: boolean; env?: Record<string, string> } = {}): Promise<MailboxSetup> {
  const dovecot = options.dovecot ?? (await startDovecot(t));
  const account = dovecot.addUser(OFFICE.user, OFFICE.password);
  const api = await build(t, options.env ?? {});
  const workspace = api.tenant('Whitfield Roofing');
  const admin = workspace.token('admin', 'us_ada');
  const member = workspace.token('member', 'us_maria');
  const viewer = workspace.token('viewer', 'us_vic');
  const contact = (await api.call({ method: 'POST', url: '/api/v1/contacts', token: member, payload: { name: 'Dana Whitfield', email: 'Dana@Customer.test' } })).json() as { id: string };
  const lead = (await api.call({ method: 'POST', url: '/api/v1/leads', token: member, payload: { title: 'Barn roof', contactId: contact.id, currency: 'USD' } })).json() as { id: string };
  const content = { currency: 'USD', sections: [{ title: 'Roof', showOnlySectionTotal: false, items: [{ id: 'a', description: 'Tiles', quantity: '2', unit: 'm²', unitPrice: 12345, taxRateBp: 0 }] }] };
  const estimate = (await api.call({ method: 'POST', url: '/api/v1/estimates', token: member, payload: { title: 'Barn roof', contactId: contact.id, leadId: lead.id, content } })).json() as { id: string };
  const sent = await api.call({ method: 'POST', url: `/api/v1/estimates/${estimate.id}/send`, token: member });
  t.equal(sent.statusCode, 200, sent.body);
  const { mailId } = sent.json() as { mailId: string };
  const mail = (await api.call({ method: 'GET', url: `/api/v1/mail/${mailId}`, token: member })).json() as { messageId: string };

  const setup: MailboxSetup = {
    dovecot,
    account,
    api,
    tenantId: workspace.id,
    admin,
    member,
    viewer,
    contactId: contact.id,
    leadId: lead.id,
    estimateMessageId: mail.messageId,
    estimateMailId: mailId,
    connect: (overrides = {}) =>
      api.call({ method: 'PUT', url: '/api/v1/mailbox', token: admin, payload: { host: '127.0.0.1', port: dovecot.port, security: 'tls', username: OFFICE.user, password: OFFICE.password, caCertificate: dovecot.cert, ...overrides } }),
    async sync() {
      const response = await api.call({ method: 'POST', url: '/api/v1/mailbox/sync', token: admin });
      t.equal(response.statusCode, 200, response.body);
      return response.json() as Awaited<ReturnType<MailboxSetup['sync']>>;
    },
    async received(query = '', token = member) {
      const response = await api.call({ method: 'GET', url: `/api/v1/received-mail${query}`, token });
      t.equal(response.statusCode, 200, response.body);
      return (response.json() as { items: ReceivedItem[] }).items;
    },
    async unfiled() {
      const response = await api.call({ method: 'GET', url: '/api/v1/mailbox/unfiled', token: admin });
      t.equal(response.statusCode, 200, response.body);
      return (response.json() as { items: ReceivedItem[] }).items;
    },
  };
  if (options.connect !== false) {
    const connected = await setup.connect();
    t.equal(connected.statusCode, 200, connected.body);
  }
  return setup;
}
