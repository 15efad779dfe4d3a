// Workspace search: what a person types finds contacts, leads, estimates and mail (diacritics and
// case folded, words as prefixes, "quoted phrases"), title matches first, matched terms marked as data; the
// index follows every change in the same transaction; hostile queries are words or a clear 400,
// never a 5xx; another workspace's records are never found; `spinney search rebuild` derives it again.
import t, { type Test } from 'tap';
import { tenantDb } from '../../src/tenancy/context.js';
import { toMatchExpression } from '../../src/search/search.service.js';
import { newId } from '../../src/http/ids.js';
import { insertInboundMessage } from '../../src/mailbox/mailbox.repo.js';
import { build, TEST_KEYS } from '../helpers/app.js';
import { pdf, upload } from '../files/helpers.js';
import { spinneyInProcess } from '../helpers/cli-in-process.js';

type Result = { kind: string; id: string; title: { text: string; hit: boolean }[]; snippet: { text: string; hit: boolean }[]; contactId: string | null };

async function setup(t: Test) {
  const api = await build(t);
  const workspace = api.tenant('Whitfield Roofing');
  const token = workspace.token('member', 'us_maria');
  const post = async <T>(url: string, payload: Record<string, unknown>): Promise<T> => {
    const res = await api.call({ method: 'POST', url, token, payload });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
    return res.json() as T;
  };
  const find = async (q: string, extra = '', as = token) => {
    const res = await api.call({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}${extra}`, token: as });
    return { status: res.statusCode, body: res.json() as { items: Result[]; error?: { code: string; field?: string } } };
  };
  const ids = async (q: string, extra = '') => (await find(q, extra)).body.items.map((r) => `${r.kind}:${r.id}`);
  const dana = await post<{ id: string }>('/api/v1/contacts', { name: 'Dana Müller', email: 'dana@farm.example', company: 'Müller Farms', notes: 'Prefers calls after 4pm' });
  const ada = await post<{ id: string }>('/api/v1/contacts', { name: 'Ada Brook', company: 'Brook Builders', tags: ['gutters', 'repeat customer'] });
  const lead = await post<{ id: string }>('/api/v1/leads', { title: 'Barn roof', contactId: dana.id, currency: 'USD', notes: 'Leaking skylight over the hay loft' });
  const estimate = await post<{ id: string }>('/api/v1/estimates', { title: 'Barn roofing replacement', contactId: dana.id, content: { currency: 'USD', sections: [{ title: 'Roof', showOnlySectionTotal: false, items: [] }] } });
  return { api, workspace, token, post, find, ids, dana, ada, lead, estimate };
}

t.test('finds what was typed: folded, prefixes, phrases, title matches first, matched terms marked as data', async (t) => {
  const s = await setup(t);
  t.same(await s.ids('muller'), [`contact:${s.dana.id}`, `estimate:${s.estimate.id}`], 'diacritics and case folded; the contact by name first, the estimate by its customer');
  const roof = await s.find('roo');
  t.same(roof.body.items.map((r) => r.kind).sort(), ['estimate', 'lead'], 'a word matches as a prefix');
  t.same(await s.ids('"leaking skylight"'), [`lead:${s.lead.id}`], 'a phrase');
  t.same(await s.ids('"skylight leaking"'), [], 'a phrase is in order');
  t.same(await s.ids('barn skylight'), [`lead:${s.lead.id}`], 'every word must match');
  t.same(await s.ids('"repeat customer"'), [`contact:${s.ada.id}`], 'tags, as words');
  t.same(await s.ids('gutters'), [`contact:${s.ada.id}`]);
  const marked = (await s.find('dana')).body.items[0]!;
  t.same(marked.title, [{ text: 'Dana', hit: true }, { text: ' Müller', hit: false }], 'the matched term marked in the title');
  const bySnippet = (await s.find('skylight')).body.items[0]!;
  t.ok(bySnippet.snippet.some((p) => p.hit && p.text === 'skylight'), 'and in the snippet');
  t.same(await s.ids('roof', '&types=lead'), [`lead:${s.lead.id}`], 'a type filter');
  const unknownType = await s.find('roof', '&types=lead,invoice');
  t.equal(unknownType.status, 400);
  t.match(unknownType.body.error, { code: 'invalid_field', field: 'types' }, 'an unknown type is a 400 naming types');

  // Mail: found by subject, pointing at its contact.
  await s.post('/api/v1/mail', { contactId: s.dana.id, subject: 'Your skylight quote', body: 'Hello' });
  const mail = (await s.find('quote')).body.items;
  t.match(mail, [{ kind: 'mail', contactId: s.dana.id }], 'a message by its subject, with the contact it went to');
});

t.test('the index follows every change, in the same transaction', async (t) => {
  const s = await setup(t);
  const patch = (url: string, payload: Record<string, unknown>) => s.api.call({ method: 'PATCH', url, token: s.token, payload });
  t.equal((await patch(`/api/v1/contacts/${s.dana.id}`, { name: 'Dana Whitfield' })).statusCode, 200);
  t.same(await s.ids('müller farms'), [`contact:${s.dana.id}`], 'the company still finds her');
  t.same(await s.ids('"dana muller"'), [], 'the old name does not');
  t.same(await s.ids('whitfield'), [`contact:${s.dana.id}`, `estimate:${s.estimate.id}`], "the new name, and her estimate by its customer's new name");
  t.equal((await s.api.call({ method: 'DELETE', url: `/api/v1/leads/${s.lead.id}`, token: s.token })).statusCode, 204);
  t.same(await s.ids('skylight'), [], 'a deleted lead is gone');
  // A change that fails is rolled back with its index entry: a stale version leaves both as they were.
  const stale = await patch(`/api/v1/contacts/${s.ada.id}`, { name: 'Ada Renamed', version: 0 } as Record<string, unknown>);
  t.ok(stale.statusCode >= 400);
  t.same(await s.ids('ada brook'), [`contact:${s.ada.id}`]);
  t.same(await s.ids('renamed'), []);
});

t.test('hostile queries are only words, or a clear 400; never a 5xx; another workspace is never found', async (t) => {
  const s = await setup(t);
  for (const q of ['AND', 'OR NOT', 'NEAR(barn roof, 2)', 'title:barn', "') OR 1=1 --", 'barn*', '^barn', '"unclosed barn', '{body}: roof', 'a', 'x'.repeat(200), '💥 roof']) {
    const res = await s.find(q);
    t.equal(res.status, 200, `${q.slice(0, 30)}: ${JSON.stringify(res.body).slice(0, 120)}`);
  }
  t.same(await s.ids('title:barn'), await s.ids('title barn'), 'column syntax is just the words');
  for (const [q, why] of [['***', 'no letter'], ['"', 'a lone quote'], ['" "', 'an empty phrase'], ['-- ()', 'only punctuation']] as const) {
    const res = await s.find(q);
    t.equal(res.status, 400, why);
    t.match(res.body.error, { code: 'invalid_field', field: 'q' }, why);
  }
  t.equal((await s.find('x'.repeat(201))).status, 400, 'over 200 characters');
  t.equal(toMatchExpression('NEAR(a b) "x""y" c*'), '"NEAR(a"* "b)" "x" "y" "c*"', 'operators become quoted words; one letter is not a prefix');

  const other = s.api.tenant('Brook Builders');
  const otherToken = other.token('admin', 'us_other');
  t.same((await s.find('muller', '', otherToken)).body.items, [], "another workspace's search finds nothing of this one");
  t.equal((await s.api.call({ method: 'GET', url: '/api/v1/search?q=muller' })).statusCode, 401, 'no token, no search');
  t.same((await s.find('muller', '', s.workspace.token('viewer', 'us_vera'))).body.items.length, 2, 'viewers search too');
});

t.test('spinney search rebuild: the index derived again from the records, for one workspace or all', async (t) => {
  const s = await setup(t);
  s.api.runtime.tenancy.run(s.workspace.id, { actor: null, requestId: null }, () => tenantDb().statement('DELETE FROM search_index').run());
  t.same(await s.ids('muller'), [], 'an emptied index finds nothing');
  const env = { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: s.api.config.dataDir, SPINNEY_LOG_LEVEL: 'silent', ...TEST_KEYS };
  const one = await spinneyInProcess(['search', 'rebuild', '--tenant', s.workspace.id], env);
  t.equal(one.code, 0, one.stderr);
  t.match(one.stdout, /^whitfield-roofing \(tn_\w+\): 4 records indexed in \d+ ms\n$/, 'two contacts, a lead, an estimate');
  t.same(await s.ids('muller'), [`contact:${s.dana.id}`, `estimate:${s.estimate.id}`], 'found again');
  const all = await spinneyInProcess(['search', 'rebuild', '--all', '--json'], env);
  t.match(JSON.parse(all.stdout), [{ tenant: s.workspace.id, records: 4 }]);
  const neither = await spinneyInProcess(['search', 'rebuild'], env);
  t.equal(neither.code, 1);
  t.match(neither.stderr, /--tenant.*--all/);
});

t.test('file names, calendar events and received mail filed to a contact are found; unfiled mail is not', async (t) => {
  const s = await setup(t);
  const uploaded = await upload(s.api, s.token, pdf('survey'), 'Roof survey — Müller barn.pdf', `?leadId=${s.lead.id}`);
  t.equal(uploaded.statusCode, 201, uploaded.body);
  const file = uploaded.json() as { id: string };
  const event = await s.api.call({ method: 'POST', url: '/api/v1/calendar/events', token: s.token, payload: { title: 'Chimney inspection', timeZone: 'Europe/Berlin', start: '2027-03-02T09:00', end: '2027-03-02T10:00', location: 'Old Mill Lane 4', attendees: [] } });
  t.equal(event.statusCode, 201, event.body);
  const eventId = (event.json() as { event: { id: string } }).event.id;
  const received = (contactId: string | null, subject: string) =>
    s.api.runtime.tenancy.run(s.workspace.id, { actor: null, requestId: null }, () => {
      const id = newId('inboundMessage');
      insertInboundMessage(tenantDb(), {
        id, mailbox_id: newId('mailbox'), uidvalidity: 1, uid: Math.floor(Math.random() * 1e6), message_id: `<${id}@farm.example>`, in_reply_to: null,
        from_address: 'dana@farm.example', from_name: 'Dana Müller', to_addresses: '[]', subject, sent_at: null, received_at: new Date().toISOString(),
        text_sealed: s.api.runtime.vault.sealField('inbound_messages', id, 'text', 'hello'), html_sealed: null, contact_id: contactId, lead_id: null, in_reply_to_mail_id: null, attachments: '[]', size: 10,
      });
      return id;
    });
  const filed = received(s.dana.id, 'Re: gutter quote');
  received(null, 'Cheap gutter offers');
  const found = async (q: string) => (await s.find(q)).body.items as (Result & { leadId: string | null })[];
  t.match(await found('survey barn'), [{ kind: 'file', id: file.id, leadId: s.lead.id }], 'a file by its name, pointing at its lead');
  t.match(await found('chimney'), [{ kind: 'event', id: eventId }], 'an event by its title');
  t.match(await found('"old mill"'), [{ kind: 'event', id: eventId }], 'and its place');
  t.match(await found('gutter quote'), [{ kind: 'mail_in', id: filed, contactId: s.dana.id }], 'received mail in a thread, pointing at its contact');
  t.same(await found('cheap offers'), [], 'unfiled mail (admins only) is not searched');
  t.same((await s.find('chimney', '', s.workspace.token('viewer', 'us_vera'))).body.items.length, 1, 'viewers read the calendar, so they find events');
  t.equal((await s.api.call({ method: 'DELETE', url: `/api/v1/files/${file.id}`, token: s.token })).statusCode, 204);
  t.same(await found('survey barn'), [], 'a deleted file is gone from search');
});
