// Writing to a contact: templates with {{variables}} (filled in as text, never expanded twice, the
// HTML escaped), the rules on who and what, Reply-To the sending member, the outbox list by state;
// and a workspace's own SMTP account, tested against a real SMTP server before it is saved.
import t, { type Test } from 'tap';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mailHandler } from '../../src/mail/mail.handler.js';
import { connectAddress } from '../../src/mail/smtp-account.js';
import { insertMember } from '../../src/members/members.repo.js';
import { runOutboxPass } from '../../src/outbox/worker.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { ManualClock } from '../../src/time/clock.js';
import { requireTools } from '../deploy/tools.js';
import { build } from '../helpers/app.js';
import { certificate, SMTP_PASSWORD, SMTP_USER, smtpEnv, smtpServer } from './smtp.js';

const skip = requireTools(t, ['openssl']);

async function setup(t: Test, env: Record<string, string> = {}) {
  const clock = new ManualClock(Date.parse('2026-12-01T09:00:00Z'));
  const api = await build(t, env, [], { clock });
  const workspace = api.tenant('Whitfield Roofing');
  insertMember(api.runtime.control, { id: 'mb_maria', tenantId: workspace.id, email: 'maria@whitfield.test', identityId: null, role: 'member', now: '2026-12-01T08:00:00.000Z', createdBy: 'system', updatedBy: 'system' });
  const token = workspace.token('member', 'mb_maria');
  const admin = workspace.token('admin', 'us_ada');
  const viewer = workspace.token('viewer', 'us_vera');
  const post = async (url: string, payload: unknown, as = token) => api.call({ method: 'POST', url, token: as, payload: payload as Record<string, unknown> });
  const contact = (await post('/api/v1/contacts', { name: '{{lead.title}} <script>Dana</script> Whitfield', email: 'dana@customer.test', company: 'Whitfield & Sons' })).json() as { id: string };
  const inWorkspace = <T>(fn: () => T): T => api.runtime.tenancy.run(workspace.id, { actor: null, requestId: null }, fn);
  const audit = (action: string) => inWorkspace(() => tenantDb().statement('SELECT after FROM audit_events WHERE action = ? ORDER BY seq').all(action) as { after: string }[]);
  const pass = () => runOutboxPass(api.runtime, [mailHandler({ timeoutMs: 5_000 })]);
  return { api, workspace, token, admin, viewer, post, contact, audit, pass, inWorkspace };
}

t.test('templates: variables checked when saved, names unique, members keep them, viewers only read', async (t) => {
  const s = await setup(t);
  const unknown = await s.post('/api/v1/mail-templates', { name: 'Follow-up', subject: 'Hello', body: 'Hi {{contact.nickname}}' });
  t.equal(unknown.statusCode, 400);
  t.match(unknown.json(), { error: { code: 'unknown_variable', field: 'body', message: /\{\{contact\.nickname\}\} is not a variable.*\{\{contact\.firstName\}\}/ } });
  const created = await s.post('/api/v1/mail-templates', { name: 'Follow-up', subject: 'Your {{lead.title}} with {{ workspace.name }}', body: 'Hello {{contact.firstName}},\n\nThanks for your time today.\nMaria' });
  t.equal(created.statusCode, 201, created.body);
  const template = created.json() as { id: string };
  t.match(template, { id: /^mt_/, name: 'Follow-up', createdBy: 'mb_maria' });
  t.equal((await s.post('/api/v1/mail-templates', { name: 'Follow-up', subject: 'x', body: 'y' })).json().error.code, 'conflict', 'one name, one template');
  t.equal((await s.post('/api/v1/mail-templates', { name: 'Other', subject: 'x', body: 'y' }, s.viewer)).statusCode, 403, 'viewers do not write templates');
  await s.post('/api/v1/mail-templates', { name: 'Arrival window', subject: 'We arrive tomorrow', body: 'Between 8 and 10.' });
  const list = (await s.api.call({ method: 'GET', url: '/api/v1/mail-templates', token: s.viewer })).json() as { items: { name: string }[] };
  t.same(list.items.map((i) => i.name), ['Arrival window', 'Follow-up'], 'viewers read them, by name');
  const patched = await s.api.call({ method: 'PATCH', url: `/api/v1/mail-templates/${template.id}`, token: s.token, payload: { subject: 'About {{lead.bogus}}' } });
  t.match(patched.json(), { error: { code: 'unknown_variable', field: 'subject' } });
  const renamed = await s.api.call({ method: 'PATCH', url: `/api/v1/mail-templates/${template.id}`, token: s.token, payload: { name: 'After a visit' } });
  t.match(renamed.json(), { name: 'After a visit', subject: 'Your {{lead.title}} with {{ workspace.name }}' });
  t.equal((await s.api.call({ method: 'DELETE', url: `/api/v1/mail-templates/${template.id}`, token: s.token })).statusCode, 204);
  t.equal((await s.api.call({ method: 'DELETE', url: `/api/v1/mail-templates/${template.id}`, token: s.token })).statusCode, 404);
  t.same(
    ['mail_template.created', 'mail_template.updated', 'mail_template.deleted'].map((action) => s.audit(action).length),
    [2, 1, 1],
    'every change is audited',
  );
});

t.test('composing to a contact: variables filled in once, as text; the HTML escaped; Reply-To the member; queued, then sent', async (t) => {
  const s = await setup(t);
  const lead = (await s.post('/api/v1/leads', { title: 'Barn roof', contactId: s.contact.id, currency: 'USD' })).json() as { id: string };
  const message = { contactId: s.contact.id, leadId: lead.id, subject: 'Your {{lead.title}} with {{workspace.name}}', body: 'Hello {{contact.firstName}},\n\nAbout {{contact.name}} of {{contact.company}}:\nsee you Monday.\n\n{{sender.email}}' };
  const preview = await s.post('/api/v1/mail/preview', message);
  t.equal(preview.statusCode, 200, preview.body);
  const shown = preview.json() as { subject: string; text: string; html: string; replyTo: string; to: string };
  t.equal(shown.subject, 'Your Barn roof with Whitfield Roofing');
  t.equal(shown.text, 'Hello {{lead.title}},\n\nAbout {{lead.title}} <script>Dana</script> Whitfield of Whitfield & Sons:\nsee you Monday.\n\nmaria@whitfield.test', "a value that looks like a variable is the contact's name, not filled in again");
  t.notOk(shown.html.includes('<script>'), 'no markup from a value reaches the HTML');
  t.ok(shown.html.includes('About {{lead.title}} &#60;script&#62;Dana&#60;/script&#62; Whitfield of Whitfield &#38; Sons:<br>see you Monday.'), shown.html);
  t.match(shown, { to: 'dana@customer.test', replyTo: 'maria@whitfield.test' });

  const sent = await s.post('/api/v1/mail', message);
  t.equal(sent.statusCode, 201, sent.body);
  const mail = sent.json() as { id: string; state: string };
  t.match(mail, { kind: 'message', state: 'queued', contactId: s.contact.id, leadId: lead.id, to: 'dana@customer.test', subject: shown.subject });
  t.match(s.audit('mail.composed').map((row) => JSON.parse(row.after)), [{ to: 'dana@customer.test', subject: shown.subject, leadId: lead.id }], 'audited: to whom and the subject, not the body');
  t.same(
    ((await s.api.call({ method: 'GET', url: '/api/v1/mail?state=queued', token: s.viewer })).json() as { items: { id: string }[] }).items.map((m) => m.id),
    [mail.id],
    'the outbox lists it as queued',
  );
  await s.pass();
  const eml = join(s.api.config.dataDir, 'dev-mail', `${mail.id}.eml`);
  t.ok(existsSync(eml));
  const raw = readFileSync(eml, 'utf8');
  t.match(raw, /^Reply-To: maria@whitfield\.test\r?$/m, 'replies go to the member who wrote');
  t.match(raw, /^Subject: Your Barn roof with Whitfield Roofing\r?$/m);
  t.equal(((await s.api.call({ method: 'GET', url: '/api/v1/mail?state=queued', token: s.token })).json() as { items: unknown[] }).items.length, 0);
  t.equal(((await s.api.call({ method: 'GET', url: '/api/v1/mail?state=sent', token: s.token })).json() as { items: unknown[] }).items.length, 1);
  const timeline = (await s.api.call({ method: 'GET', url: `/api/v1/leads/${lead.id}/timeline`, token: s.token })).json() as { items: { kind: string; subject?: string; state?: string }[] };
  t.match(timeline.items.filter((i) => i.kind === 'mail'), [{ subject: shown.subject, state: 'sent' }], "the lead's timeline has it");
});

t.test('composing: refused and nothing queued for a contact without email, a lead of another contact, an unknown template or variable, a viewer', async (t) => {
  const s = await setup(t);
  const other = (await s.post('/api/v1/contacts', { name: 'No Mail' })).json() as { id: string };
  const otherLead = (await s.post('/api/v1/leads', { title: 'Shed', contactId: other.id, currency: 'USD' })).json() as { id: string };
  const base = { contactId: s.contact.id, subject: 'Hi', body: 'Hello' };
  const cases: [string, Record<string, unknown>, string, number, string, string][] = [
    ['no email', { ...base, contactId: other.id }, s.token, 409, 'no_email_address', 'contactId'],
    ["another contact's lead", { ...base, leadId: otherLead.id }, s.token, 400, 'invalid_field', 'leadId'],
    ['an unknown variable', { ...base, subject: 'Hi {{contact.email}}' }, s.token, 400, 'unknown_variable', 'subject'],
    ['an unknown template', { ...base, templateId: 'mt_aaaaaaaaaaaaaaaaaaaaaaaa' }, s.token, 404, 'not_found', ''],
    ['a header in the subject', { ...base, subject: 'Hi\r\nBcc: all@example.com' }, s.token, 400, 'invalid_field', 'subject'],
  ];
  for (const [what, payload, token, status, code, field] of cases) {
    const res = await s.post('/api/v1/mail', payload, token);
    t.equal(res.statusCode, status, `${what}: ${res.body}`);
    t.match(res.json(), { error: { code, ...(field ? { field } : {}) } }, what);
  }
  t.equal((await s.post('/api/v1/mail', base, s.viewer)).statusCode, 403, 'viewers do not write mail');
  t.equal(((await s.api.call({ method: 'GET', url: '/api/v1/mail', token: s.token })).json() as { items: unknown[] }).items.length, 0, 'nothing was queued');
});

t.test("a workspace's own SMTP account: tested before it is saved, sealed, used instead of the server's, removable", { skip }, async (t) => {
  const tls = certificate(t);
  const serverSmtp = await smtpServer(t, tls);
  const workspaceSmtp = await smtpServer(t, tls);
  const s = await setup(t, smtpEnv(serverSmtp.port, tls));
  const put = (smtp: unknown, token = s.admin) => s.api.call({ method: 'PUT', url: '/api/v1/settings/mail', token, payload: { smtp } as Record<string, unknown> });
  const account = { host: '127.0.0.1', port: workspaceSmtp.port, secure: 'starttls', user: SMTP_USER, from: 'Whitfield Roofing <office@whitfield.test>' };
  t.match((await s.api.call({ method: 'GET', url: '/api/v1/settings/mail', token: s.admin })).json(), { smtp: null, sendsThrough: 'server' });

  const wrongPassword = await put({ ...account, password: 'not-it' });
  t.equal(wrongPassword.statusCode, 422);
  t.match(wrongPassword.json(), { error: { code: 'smtp_test_failed', field: 'password', message: /refused the user name or password/ } });
  const nobody = await put({ ...account, port: serverSmtp.port + 1 === workspaceSmtp.port ? serverSmtp.port + 2 : serverSmtp.port + 1, password: SMTP_PASSWORD });
  t.match(nobody.json(), { error: { code: 'smtp_test_failed', field: 'host', message: /could not reach/ } });
  t.equal((await put({ ...account })).json().error.field, 'smtp.password', 'a new account needs its password');
  t.equal((await put({ ...account, password: SMTP_PASSWORD }, s.token)).statusCode, 403, 'members do not change it');
  t.match((await s.api.call({ method: 'GET', url: '/api/v1/settings/mail', token: s.admin })).json(), { smtp: null }, 'nothing was saved');

  const saved = await put({ ...account, password: SMTP_PASSWORD });
  t.equal(saved.statusCode, 200, saved.body);
  t.same(saved.json().smtp, { host: '127.0.0.1', port: workspaceSmtp.port, secure: 'starttls', user: SMTP_USER, from: 'Whitfield Roofing <office@whitfield.test>', passwordSet: true });
  t.equal(saved.json().sendsThrough, 'workspace');
  const setEvents = s.audit('mail.smtp_set');
  t.equal(setEvents.length, 1);
  t.notOk(setEvents[0]?.after.includes(SMTP_PASSWORD), 'the audit line has no password');
  const dir = join(s.api.config.dataDir, 'tenants', s.workspace.id);
  t.notOk(readdirSync(dir).some((file) => readFileSync(join(dir, file)).includes(Buffer.from(SMTP_PASSWORD))), 'the password is sealed in the database and its WAL');
  t.equal((await put({ ...account, port: workspaceSmtp.port, from: 'Office <office@whitfield.test>' })).statusCode, 200, 'same host and user: the stored password is kept');

  const sent = (await s.post('/api/v1/mail', { contactId: s.contact.id, subject: 'Hi', body: 'Hello' })).json() as { id: string; messageId: string };
  t.match(sent.messageId, /@whitfield\.test>$/, "the Message-ID is of the workspace's domain");
  t.match(await s.pass(), { delivered: 1 });
  t.equal(serverSmtp.received.length, 0, "nothing through the server's SMTP");
  t.equal(workspaceSmtp.received.length, 1, "sent through the workspace's own");
  t.equal(workspaceSmtp.received[0]?.from, 'office@whitfield.test');

  t.equal((await put(null)).statusCode, 200);
  t.match(s.audit('mail.smtp_removed'), [{}], 'removal is audited');
  await s.post('/api/v1/mail', { contactId: s.contact.id, subject: 'Again', body: 'Hello' });
  await s.pass();
  t.equal(serverSmtp.received.length, 1, "back to the server's SMTP");
});

t.test('in production a workspace SMTP host must be public: loopback and private addresses are refused', async (t) => {
  await t.rejects(connectAddress('127.0.0.1', true), /loopback/);
  await t.rejects(connectAddress('10.1.2.3', true), /private/);
  await t.rejects(connectAddress('no-such-host.invalid', true), /does not resolve/);
  t.equal(await connectAddress('127.0.0.1', false), '127.0.0.1', 'outside production, loopback is fine (tests, development)');
});
