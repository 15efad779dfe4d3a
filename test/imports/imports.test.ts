// CSV imports through the API, as a client sees them: upload, preview, run, progress, rejected rows.
// Every bad file is refused with its code and changes nothing; a run imports exactly the good rows.
import t from 'tap';
import { newId } from '../../src/http/ids.js';
import { insertMember } from '../../src/members/members.repo.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { build, type Teardown } from '../helpers/app.js';
import { runScenarios } from '../helpers/scenario.js';

interface ImportBody {
  id: string;
  status: string;
  header: string[];
  sample: string[][];
  rowCount: number;
  suggestedMapping: (string | null)[];
  processed: number;
  imported: number;
  failed: number;
  skipped: number;
}
interface PreviewBody {
  rowCount: number;
  valid: number;
  invalid: number;
  duplicates: number;
  errors: { row: number; field: string | null; message: string }[];
  duplicateRows: { row: number; email: string; existingContactId: string | null; earlierRow: number | null }[];
}

async function setup(t: Teardown, env: Record<string, string> = {}) {
  const api = await build(t, env);
  const workspace = api.tenant();
  const token = workspace.token('member', 'us_maria');
  const sql = <T>(query: string, ...params: unknown[]): T[] => api.runtime.tenancy.run(workspace.id, { actor: null, requestId: null }, () => tenantDb().statement(query).all(...params) as T[]);
  const upload = (csv: string | Buffer, kind = 'contacts') =>
    api.call({ method: 'POST', url: '/api/v1/imports', query: { kind, fileName: 'people.csv' }, token, headers: { 'content-type': 'text/csv' }, payload: csv });
  const uploaded = async (csv: string | Buffer, kind = 'contacts'): Promise<ImportBody> => {
    const res = await upload(csv, kind);
    if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
    return res.json() as ImportBody;
  };
  const post = (id: string, step: 'preview' | 'run', body: unknown) => api.call({ method: 'POST', url: `/api/v1/imports/${id}/${step}`, token, payload: body as Record<string, unknown> });
  const counts = () => ({
    contacts: sql<{ n: number }>('SELECT count(*) AS n FROM contacts')[0]?.n,
    leads: sql<{ n: number }>('SELECT count(*) AS n FROM leads')[0]?.n,
    imports: sql<{ n: number }>('SELECT count(*) AS n FROM imports')[0]?.n,
  });
  return { api, workspace, token, sql, upload, uploaded, post, counts };
}

t.test('who may import, and whose imports they reach', async (t) => {
  const { api, workspace, uploaded } = await setup(t);
  const other = api.tenant('Elsewhere');
  const mine = await uploaded('name,email\nDana,dana@example.com\n');
  const csv = { 'content-type': 'text/csv' };
  await runScenarios(t, api, { workspace, other }, [
    { name: 'no token: 401', role: null, method: 'POST', url: '/api/v1/imports', headers: csv, body: 'name\nx\n', expect: { status: 401, body: { error: { code: 'unauthenticated' } } } },
    { name: 'a viewer cannot upload', role: 'viewer', method: 'POST', url: '/api/v1/imports', headers: csv, body: 'name\nx\n', expect: { status: 403, body: { error: { code: 'forbidden' } } } },
    { name: 'a viewer cannot run', role: 'viewer', method: 'POST', url: `/api/v1/imports/${mine.id}/run`, body: { mapping: ['name', 'email'] }, expect: { status: 403, body: { error: { code: 'forbidden' } } } },
    { name: 'a viewer cannot read an import', role: 'viewer', method: 'GET', url: `/api/v1/imports/${mine.id}`, expect: { status: 403, body: { error: { code: 'forbidden' } } } },
    { name: "another workspace's import: 404", role: 'admin', as: 'other workspace', method: 'GET', url: `/api/v1/imports/${mine.id}`, expect: { status: 404, body: { error: { code: 'not_found' } } } },
    { name: "another workspace cannot run it", role: 'admin', as: 'other workspace', method: 'POST', url: `/api/v1/imports/${mine.id}/run`, body: { mapping: ['name', 'email'] }, expect: { status: 404, body: { error: { code: 'not_found' } } } },
    { name: 'a member reads it', role: 'member', method: 'GET', url: `/api/v1/imports/${mine.id}`, expect: { status: 200, body: { id: mine.id, status: 'uploaded', rowCount: 1 } } },
  ]);
});

t.test('an upload answers the header, the first rows, the row count and a suggested mapping', async (t) => {
  const { uploaded, sql } = await setup(t);
  // A UTF-8 BOM (Excel's "CSV UTF-8") is dropped, not read as part of the first column's name.
  const body = await uploaded(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Full Name,E-mail,Phone Number,Zip,Favourite colour\nDana Whitfield,dana@example.com,+1 555 0100,62704,red\nMarcus Lee,,,,\n')]));
  t.same(body.header, ['Full Name', 'E-mail', 'Phone Number', 'Zip', 'Favourite colour']);
  t.same(body.suggestedMapping, ['name', 'email', 'phone', 'postal.postcode', null]);
  t.equal(body.rowCount, 2);
  t.same(body.sample[0], ['Dana Whitfield', 'dana@example.com', '+1 555 0100', '62704', 'red']);
  t.match(sql('SELECT kind, status, file_name, row_count FROM imports'), [{ kind: 'contacts', status: 'uploaded', file_name: 'people.csv', row_count: 2 }]);
});

t.test('bad files are refused with a code naming the problem, and change nothing', async (t) => {
  const { upload, uploaded, post, counts, api, token } = await setup(t);
  const before = counts();
  const refused = async (name: string, res: Awaited<ReturnType<typeof upload>>, status: number, code: string, message: RegExp, field?: string) => {
    t.equal(res.statusCode, status, `${name}: status`);
    const error = (res.json() as { error: { code: string; message: string; field?: string } }).error;
    t.equal(error.code, code, `${name}: code`);
    t.match(error.message, message, `${name}: the message says what is wrong`);
    if (field) t.equal(error.field, field, `${name}: the field`);
    t.same(counts(), before, `${name}: nothing was stored`);
  };

  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name,email\r\nDana,dana@example.com\r\n', 'utf16le')]);
  await refused('UTF-16', await upload(utf16), 400, 'csv_encoding', /UTF-16/);
  const latin1 = Buffer.from('name,email\nRen\xe9e,renee@example.com\n', 'latin1');
  await refused('Latin-1', await upload(latin1), 400, 'csv_encoding', /not UTF-8 text \(line 2, byte 14/);
  await refused('an unclosed quote', await upload('name,email\n"Dana,dana@example.com\n'), 400, 'csv_invalid', /cannot be read as CSV/);
  await refused('no header', await upload('\n\n'), 400, 'csv_invalid', /no header row/);

  // A million rows (under the byte limit) is refused while parsing: the parser stops after the limit.
  const million = `name\n${'x\n'.repeat(1_000_000)}`;
  const started = Date.now();
  await refused('a million rows', await upload(million), 413, 'too_many_rows', /more than 100,000 rows/);
  t.ok(Date.now() - started < 10_000, `refused in ${Date.now() - started} ms`);

  // A mapping that maps nothing to a field every row needs: refused before any row is looked at.
  const file = await uploaded('Email,Phone\ndana@example.com,+1 555 0100\n');
  const afterUpload = counts();
  for (const step of ['preview', 'run'] as const) {
    const res = await post(file.id, step, { mapping: ['email', 'phone'] });
    t.equal(res.statusCode, 400);
    t.match(res.json(), { error: { code: 'missing_column', field: 'name', message: /no column is mapped to name/ } }, `${step}: the missing column is named`);
  }
  const wrongLength = await post(file.id, 'run', { mapping: ['name'] });
  t.match(wrongLength.json(), { error: { code: 'invalid_field', field: 'mapping' } }, 'a mapping must have one entry per column');
  const unknownField = await post(file.id, 'run', { mapping: ['name', 'shoe size'] });
  t.match(unknownField.json(), { error: { code: 'invalid_field', field: 'mapping.1' } }, 'a field the kind does not have is named');
  t.same(counts(), afterUpload, 'the refused runs stored nothing');
  t.match((await api.call({ method: 'GET', url: `/api/v1/imports/${file.id}`, token })).json(), { status: 'uploaded', processed: 0 }, 'the import is still waiting for a run');
});

t.test('a file larger than the import body limit is a 413 (its own limit, not the JSON one)', async (t) => {
  const { upload, counts } = await setup(t, { SPINNEY_IMPORT_BODY_LIMIT_BYTES: '4096' });
  t.equal((await upload(`name\n${'x\n'.repeat(1000)}`)).statusCode, 201, 'a 2 KB file passes (the JSON limit would too)');
  const res = await upload(`name\n${'x\n'.repeat(3000)}`);
  t.equal(res.statusCode, 413);
  t.match(res.json(), { error: { code: 'payload_too_large' } });
  t.equal(counts().imports, 1);
});

t.test('a half-failing file imports exactly its good rows; the rest come back as CSV, formulas guarded', async (t) => {
  const { api, token, uploaded, post, sql } = await setup(t);
  const csv = [
    'name,email,country,tags',
    'Good One,one@example.com,US,roofing',
    ',nobody@example.com,US,', // no name
    'Good Two,two@example.com,,',
    'Bad Email,not-an-email,,',
    '=HYPERLINK("http://evil.example"),formula@example.com,GB,', // stored as typed
    'Bad Country,three@example.com,XX,',
    'Ragged,row', // 2 cells, header has 4
    '"=1+1",,ZZ,', // rejected: its cells come back guarded
    'Good Three,,,repeat; roofing',
  ].join('\n');
  const file = await uploaded(csv);
  const mapping = ['name', 'email', 'postal.country', 'tags'];
  const preview = (await post(file.id, 'preview', { mapping })).json() as PreviewBody;
  t.match(preview, { rowCount: 9, valid: 4, invalid: 5, duplicates: 0 });
  t.same(
    preview.errors.map((e) => [e.row, e.field]),
    [[3, 'name'], [5, 'email'], [7, 'postal.country'], [8, null], [9, 'postal.country']],
    'each bad row is named by its spreadsheet row and field',
  );
  t.match(preview.errors[3]?.message, /2 cells; the header has 4/);
  t.equal(sql('SELECT * FROM contacts').length, 0, 'a preview writes nothing');

  const run = await post(file.id, 'run', { mapping });
  t.equal(run.statusCode, 200);
  t.match(run.json(), { status: 'done', processed: 9, imported: 4, failed: 5, skipped: 0 });
  t.same(
    sql<{ name: string }>('SELECT name FROM contacts ORDER BY name').map((r) => r.name),
    ['=HYPERLINK("http://evil.example")', 'Good One', 'Good Three', 'Good Two'],
    'exactly the good rows, a formula kept as the text typed',
  );
  t.match(sql('SELECT source, tags, postal_country FROM contacts WHERE name = ?', 'Good One'), [{ source: 'import', tags: '["roofing"]', postal_country: 'US' }]);
  t.match(sql('SELECT tags FROM contacts WHERE name = ?', 'Good Three'), [{ tags: '["repeat","roofing"]' }]);
  t.same(sql("SELECT action FROM audit_events WHERE action LIKE 'contact.%' OR action LIKE 'import.%'"), [{ action: 'import.completed' }], 'one audit line for the run, none per row');
  t.match(JSON.parse((sql<{ after: string }>("SELECT after FROM audit_events WHERE action = 'import.completed'")[0] as { after: string }).after), { kind: 'contacts', rows: 9, imported: 4, failed: 5 });

  const rejected = await api.call({ method: 'GET', url: `/api/v1/imports/${file.id}/rejected`, token });
  t.equal(rejected.statusCode, 200);
  t.match(rejected.headers['content-type'], /^text\/csv/);
  t.match(rejected.headers['content-disposition'], /attachment; filename="rejected-rows-im_/);
  const lines = rejected.body.trimEnd().split('\r\n');
  t.equal(lines[0], '"row","field","problem","name","email","country","tags"');
  t.equal(lines.length, 6, 'the header and the five rejected rows');
  t.match(lines[5], /^"9","postal.country",".*","'=1\+1","","ZZ",""$/, 'a formula cell is written with a leading apostrophe');

  const again = await post(file.id, 'run', { mapping });
  t.match(again.json(), { status: 'done', imported: 4 }, 'a second run answers the import as it stands');
  t.equal(sql('SELECT * FROM contacts').length, 4, 'and imports nothing twice');
  t.match((await post(file.id, 'preview', { mapping })).json(), { error: { code: 'conflict' } }, 'a run import cannot be previewed');
});

t.test('duplicates by email are flagged, then skipped or created, never merged', async (t) => {
  const { api, token, uploaded, post, sql } = await setup(t);
  const existing = (await api.call({ method: 'POST', url: '/api/v1/contacts', token, payload: { name: 'Dana Whitfield', email: 'Dana@Example.com', phone: '+1 555 0100' } })).json() as { id: string };
  const csv = 'name,email,phone\nDana W.,dana@example.com,+1 555 0199\nMarcus Lee,marcus@example.com,\nMarcus L.,MARCUS@example.com,\nNew Person,new@example.com,\n';
  const mapping = ['name', 'email', 'phone'];
  const skip = await uploaded(csv);
  const preview = (await post(skip.id, 'preview', { mapping })).json() as PreviewBody;
  t.match(preview, { valid: 2, invalid: 0, duplicates: 2 });
  t.same(preview.duplicateRows, [
    { row: 2, email: 'dana@example.com', existingContactId: existing.id, earlierRow: null },
    { row: 4, email: 'MARCUS@example.com', existingContactId: null, earlierRow: 3 },
  ]);
  t.match((await post(skip.id, 'run', { mapping, duplicates: 'skip' })).json(), { imported: 2, skipped: 2, failed: 0 });
  t.match(sql('SELECT name, phone FROM contacts WHERE id = ?', existing.id), [{ name: 'Dana Whitfield', phone: '+1 555 0100' }], 'the existing contact is untouched');
  const rejected = (await api.call({ method: 'GET', url: `/api/v1/imports/${skip.id}/rejected`, token })).body;
  t.match(rejected, new RegExp(`"2","email","skipped: a contact with this email exists \\(${existing.id}\\)"`));
  t.match(rejected, /"4","email","skipped: the same email is on row 3"/);

  const create = await uploaded(csv);
  t.match((await post(create.id, 'run', { mapping, duplicates: 'create' })).json(), { imported: 4, skipped: 0 });
  t.equal(sql("SELECT * FROM contacts WHERE lower(email) = 'dana@example.com'").length, 2, 'created anyway: a separate contact, nothing merged');
  t.equal(sql("SELECT * FROM contacts WHERE lower(email) = 'marcus@example.com'").length, 3, 'both rows of the file, beside the one the skipping run made');
});

t.test('leads: contact by email, stage by name in the pipeline, value in the currency, owner by email', async (t) => {
  const { api, workspace, token, uploaded, post, sql } = await setup(t);
  const contact = (await api.call({ method: 'POST', url: '/api/v1/contacts', token, payload: { name: 'Dana', email: 'dana@example.com' } })).json() as { id: string };
  const stages = sql<{ id: string; name: string }>('SELECT id, name FROM pipeline_stages ORDER BY position');
  const csv = [
    'Title,Contact Email,Amount,Currency,Stage,Expected close',
    'New roof,DANA@example.com,"2,500.50",usd,site visit,2027-03-01',
    'Gutters,dana@example.com,120,USD,,',
    'Unknown contact,ghost@example.com,1,USD,,',
    'Unknown stage,dana@example.com,1,USD,Negotiation,',
    'Too precise,dana@example.com,1.005,USD,,',
    'Bad currency,dana@example.com,1,XYZ,,',
    'Bad date,dana@example.com,1,USD,,2027-13-01',
    'No contact,,1,USD,,',
    'No currency,dana@example.com,1,,,',
  ].join('\n');
  const file = await uploaded(csv, 'leads');
  t.same(file.suggestedMapping, ['title', 'contactEmail', 'value', 'currency', 'stage', 'expectedCloseDate']);
  const preview = (await post(file.id, 'preview', { mapping: file.suggestedMapping })).json() as PreviewBody;
  t.same(preview.errors.map((e) => [e.row, e.field]), [[4, 'contactEmail'], [5, 'stage'], [6, 'value'], [7, 'currency'], [8, 'expectedCloseDate'], [9, 'contactEmail'], [10, 'currency']]);
  t.match(preview.errors.slice(-2).map((e) => e.message), ['contactEmail is required', 'currency is required'], 'an empty cell of a required column is a row error');
  t.match((await post(file.id, 'run', { mapping: file.suggestedMapping })).json(), { imported: 2, failed: 7 });
  t.match(sql('SELECT title, contact_id, value_minor, currency, stage_id, expected_close_date FROM leads ORDER BY title'), [
    { title: 'Gutters', contact_id: contact.id, value_minor: 12000, currency: 'USD', stage_id: stages[0]?.id, expected_close_date: null },
    { title: 'New roof', contact_id: contact.id, value_minor: 250050, currency: 'USD', stage_id: stages.find((s) => s.name === 'Site visit')?.id, expected_close_date: '2027-03-01' },
  ]);
  t.equal(sql('SELECT * FROM lead_stage_changes').length, 2, 'each lead has its first stage in its history');
  // Owners by email: an active member of this workspace, case ignored; anyone else is a row error.
  const ownerId = newId('membership');
  insertMember(api.runtime.control, { id: ownerId, tenantId: workspace.id, email: 'sam@acme.example', identityId: null, role: 'member', now: new Date().toISOString(), createdBy: 'us_test', updatedBy: 'us_test' });
  const owned = await uploaded('Title,Email,Currency,Owner\nOwned,dana@example.com,EUR,Sam@Acme.example\nStranger,dana@example.com,EUR,someone@else.example\n', 'leads');
  t.same(owned.suggestedMapping, ['title', 'contactEmail', 'currency', 'ownerEmail']);
  const ownedRun = (await post(owned.id, 'run', { mapping: owned.suggestedMapping })).json() as ImportBody;
  t.match(ownedRun, { imported: 1, failed: 1 });
  t.match(sql('SELECT owner_id FROM leads WHERE title = ?', 'Owned'), [{ owner_id: ownerId }]);
  t.match((await api.call({ method: 'GET', url: `/api/v1/imports/${owned.id}/rejected`, token })).body, /"3","ownerEmail","someone@else.example is not an active member of this workspace"/);
  const missing = await uploaded('Title,Currency\nx,USD\n', 'leads');
  t.match((await post(missing.id, 'run', { mapping: ['title', 'currency'] })).json(), { error: { code: 'missing_column', field: 'contactEmail' } });
});

t.test('50,000 contacts import whole, with progress readable while they do', async (t) => {
  const { api, token, uploaded, post, sql } = await setup(t);
  const rows = Array.from({ length: 50_000 }, (_, i) => `Person ${i},person${i}@example.com,+1 555 ${String(i).padStart(5, '0')},Company ${i % 100},tag${i % 7}`);
  const file = await uploaded(`name,email,phone,company,tags\n${rows.join('\n')}\n`);
  t.equal(file.rowCount, 50_000);
  const started = Date.now();
  const running = post(file.id, 'run', { mapping: ['name', 'email', 'phone', 'company', 'tags'] });
  const seen: number[] = [];
  let done = false;
  void running.then(() => (done = true));
  while (!done) {
    const progress = (await api.call({ method: 'GET', url: `/api/v1/imports/${file.id}`, token })).json() as ImportBody;
    seen.push(progress.processed);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const result = (await running).json() as ImportBody;
  t.comment(`50,000 rows imported in ${Date.now() - started} ms`);
  t.match(result, { status: 'done', processed: 50_000, imported: 50_000, failed: 0, skipped: 0 });
  t.ok(seen.some((n) => n > 0 && n < 50_000), `progress was visible part-way (${seen.length} reads)`);
  t.ok(seen.every((n) => n % 1000 === 0), 'progress moves by whole committed batches');
  t.equal(sql<{ n: number }>('SELECT count(*) AS n FROM contacts')[0]?.n, 50_000);
  t.match(sql('SELECT name, email FROM contacts WHERE email = ?', 'person49999@example.com'), [{ name: 'Person 49999' }]);
});
