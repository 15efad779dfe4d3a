// Files through the API as a member sees them: upload to a lead, download the same bytes, and every
// refusal (a name that tries to be a path or to hide its extension, a type that lies, too large,
// over the quota, an executable in disguise), with nothing left on disk after a refusal; the bytes
// on disk are not the plaintext, and a changed chunk or a blob moved to another file never opens.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import t from 'tap';
import { ChunkAuthenticationError } from '../../src/backup/chunked-cipher.js';
import { BLOB_CHUNK_BYTES, blobPath, fileBinding, filesDir, readBlob } from '../../src/files/file-blobs.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { build, type Teardown } from '../helpers/app.js';
import { multipartBody, multipartHeaders, pdf, png, upload, windowsExecutable } from './helpers.js';

const MAX_BYTES = 300_000;
const QUOTA = 700_000;

async function setup(t: Teardown) {
  const api = await build(t, { SPINNEY_FILE_MAX_BYTES: String(MAX_BYTES), SPINNEY_WORKSPACE_QUOTA_BYTES: String(QUOTA) });
  const workspace = api.tenant('Whitfield Roofing');
  const member = workspace.token('member', 'us_maria');
  const viewer = workspace.token('viewer', 'us_val');
  const post = async (url: string, payload: object) => {
    const res = await api.call({ method: 'POST', url, token: member, payload });
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string };
  };
  const contact = await post('/api/v1/contacts', { name: 'Dana Whitfield' });
  const lead = await post('/api/v1/leads', { title: 'Roof over the garage', contactId: contact.id, currency: 'USD' });
  const dir = filesDir(api.config.dataDir, workspace.id);
  const onDisk = () => (existsSync(dir) ? readdirSync(dir) : []);
  const rows = () => api.runtime.tenancy.run(workspace.id, { actor: null, requestId: null }, () => tenantDb().statement('SELECT count(*) FROM files').pluck().get() as number);
  return { api, workspace, member, viewer, contact, lead, dir, onDisk, rows };
}

t.test('a PDF uploaded to a lead downloads byte for byte, as an attachment with its checked type', async (t) => {
  const { api, workspace, member, viewer, lead, dir, onDisk } = await setup(t);
  const document = pdf('Quote for the garage roof', 150_000);
  const res = await upload(api, member, document, 'Quote – garage roof.pdf', `?leadId=${lead.id}`, { type: 'text/html' });
  t.equal(res.statusCode, 201, res.body);
  const file = res.json();
  t.match(file, { name: 'Quote – garage roof.pdf', type: 'application/pdf', size: document.length, sha256: createHash('sha256').update(document).digest('hex'), leadId: lead.id, contactId: null, createdBy: 'us_maria' });
  t.match(file.id, /^fl_[a-z2-7]{24}$/);
  t.same(onDisk(), [file.id], 'one blob, named by the id');

  const download = await api.call({ method: 'GET', url: `/api/v1/files/${file.id}/content`, token: viewer });
  t.equal(download.statusCode, 200, 'viewers download');
  t.ok(download.rawPayload.equals(document), 'the same bytes');
  t.equal(download.headers['content-type'], 'application/pdf');
  t.equal(download.headers['content-length'], String(document.length));
  t.equal(download.headers['x-content-type-options'], 'nosniff');
  t.equal(download.headers['content-disposition'], `attachment; filename="Quote _ garage roof.pdf"; filename*=UTF-8''Quote%20%E2%80%93%20garage%20roof.pdf`);

  const listed = await api.call({ method: 'GET', url: `/api/v1/files?leadId=${lead.id}`, token: viewer });
  t.same(listed.json().items.map((f: { id: string }) => f.id), [file.id]);
  t.same((await api.call({ method: 'GET', url: `/api/v1/files?contactId=${'ct_' + 'a'.repeat(24)}`, token: viewer })).json().items, []);
  t.same((await api.call({ method: 'GET', url: `/api/v1/files/${file.id}`, token: viewer })).json(), file);

  const blob = readFileSync(blobPath(dir, file.id));
  t.notOk(blob.includes(Buffer.from('Quote for the garage roof')), 'the bytes on disk are not the plaintext');
  t.notOk(blob.includes(document.subarray(0, 64)), 'not even its first bytes');
  t.ok(blob.length > document.length, 'sealed: header and a tag per chunk');

  const audit = api.runtime.tenancy.run(workspace.id, { actor: null, requestId: null }, () => tenantDb().statement("SELECT actor_id, after FROM audit_events WHERE action = 'file.uploaded'").get()) as { actor_id: string; after: string };
  t.equal(audit.actor_id, 'us_maria');
  t.match(JSON.parse(audit.after), { name: 'Quote – garage roof.pdf', type: 'application/pdf', size: document.length, lead_id: lead.id });

  t.equal((await upload(api, viewer, document, 'x.pdf')).statusCode, 403, 'viewers do not upload');
  t.equal((await api.call({ method: 'DELETE', url: `/api/v1/files/${file.id}`, token: viewer })).statusCode, 403, 'nor delete');
  t.equal((await api.call({ method: 'DELETE', url: `/api/v1/files/${file.id}`, token: member })).statusCode, 204);
  t.same(onDisk(), [], 'deleting removes the blob');
  t.equal((await api.call({ method: 'GET', url: `/api/v1/files/${file.id}/content`, token: member })).statusCode, 404);
});

t.test('names are cleaned for display and kept only in the database', async (t) => {
  const { api, member, onDisk } = await setup(t);
  const cases: [string, string][] = [
    ['../../../etc/passwd.txt', 'passwd.txt'],
    ['..\\..\\windows\\win.ini.txt', 'win.ini.txt'],
    ['report\u0000.exe.txt', 'report.exe.txt'],
    ['invoice\u202etxt.exe', 'invoicetxt.exe'],
    ['   .hidden  ', 'hidden'],
    ['', 'file'],
    [`${'a'.repeat(300)}.txt`, `${'a'.repeat(196)}.txt`],
  ];
  for (const [given, stored] of cases) {
    const res = await upload(api, member, Buffer.from('plain words\n'), given);
    t.equal(res.statusCode, 201, `${JSON.stringify(given)}: ${res.body}`);
    t.equal(res.json().name, stored, JSON.stringify(given));
    t.equal(res.json().type, 'text/plain; charset=utf-8');
    const download = await api.call({ method: 'GET', url: `/api/v1/files/${res.json().id}/content`, token: member });
    t.notMatch(download.headers['content-disposition'], /[\u0000-\u001f\u202e]|\.\.\//, 'nothing of it reaches the header');
  }
  t.ok(onDisk().every((name) => /^fl_[a-z2-7]{24}$/.test(name)), 'on disk, only ids');

  const empty = await upload(api, member, Buffer.alloc(0), 'empty.txt');
  t.match(empty.json(), { name: 'empty.txt', type: 'text/plain; charset=utf-8', size: 0 }, 'an empty file is plain text');
  const none = await api.call({ method: 'GET', url: `/api/v1/files/${empty.json().id}/content`, token: member });
  t.same([none.statusCode, none.rawPayload.length], [200, 0]);
});

t.test('the type is decided by the content: a PNG named .pdf is a PNG, an executable named .jpg is refused', async (t) => {
  const { api, member, onDisk, rows } = await setup(t);
  const image = await upload(api, member, png(), 'scan.pdf', '', { type: 'application/pdf' });
  t.equal(image.statusCode, 201);
  t.equal(image.json().type, 'image/png');
  const inline = await api.call({ method: 'GET', url: `/api/v1/files/${image.json().id}/inline`, token: member });
  t.equal(inline.statusCode, 200);
  t.equal(inline.headers['content-type'], 'image/png');
  t.match(inline.headers['content-disposition'], /^inline; /);
  t.equal(inline.headers['content-security-policy'], "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");

  const document = await upload(api, member, pdf('not an image'), 'photo.png');
  t.equal(document.json().type, 'application/pdf');
  const refusedInline = await api.call({ method: 'GET', url: `/api/v1/files/${document.json().id}/inline`, token: member });
  t.equal(refusedInline.statusCode, 415, 'only images are shown inline');
  t.equal(refusedInline.json().error.code, 'file_type_not_allowed');

  const before = { files: onDisk(), rows: rows() };
  for (const [content, name, declared] of [
    [windowsExecutable(), 'holiday.jpg', 'image/jpeg'],
    [Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(200)]), 'notes.txt', 'text/plain'],
    [Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]), 'archive.docx', 'application/zip'],
    [Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0]), 'data.txt', 'text/plain'],
  ] as [Buffer, string, string][]) {
    const res = await upload(api, member, content, name, '', { type: declared });
    t.equal(res.statusCode, 415, name);
    t.equal(res.json().error.code, 'file_type_not_allowed');
  }
  t.same({ files: onDisk(), rows: rows() }, before, 'a refused file leaves nothing, on disk or in the database');
});

t.test('the per-file limit and the workspace quota refuse while streaming, leaving nothing', async (t) => {
  const { api, member, onDisk, rows } = await setup(t);
  const tooLarge = await upload(api, member, pdf('big', MAX_BYTES), 'big.pdf');
  t.equal(tooLarge.statusCode, 413);
  t.equal(tooLarge.json().error.code, 'file_too_large');
  t.equal(tooLarge.headers.connection, 'close', 'the rest of the body is not read');
  // Without a Content-Length (a chunked upload), refused at the byte that crosses the limit.
  const chunked = await api.call({ method: 'POST', url: '/api/v1/files', token: member, headers: { ...multipartHeaders, 'transfer-encoding': 'chunked' }, payload: multipartBody(pdf('big', MAX_BYTES), 'big.pdf') });
  t.equal(chunked.statusCode, 413);
  t.equal(chunked.json().error.code, 'file_too_large');
  t.same(onDisk(), [], 'no blob, no part left');

  for (let i = 0; i < 2; i++) t.equal((await upload(api, member, pdf(`fits ${i}`, 200_000), `fits-${i}.pdf`)).statusCode, 201);
  const full = await upload(api, member, pdf('one too many', 200_000), 'over.pdf');
  t.equal(full.statusCode, 413);
  t.equal(full.json().error.code, 'quota_exceeded');
  t.equal(onDisk().length, 2);
  t.equal(rows(), 2);
  t.equal((await upload(api, member, Buffer.from('a small note\n'), 'note.txt')).statusCode, 201, 'what still fits is taken');
});

t.test('bad requests: no file part, a record of another workspace; a file attached to two records is listed under each', async (t) => {
  const { api, member, lead, contact, rows } = await setup(t);
  const wrongField = await upload(api, member, Buffer.from('x\n'), 'a.txt', '', { field: 'attachment' });
  t.equal(wrongField.statusCode, 400);
  t.equal(wrongField.json().error.code, 'invalid_upload');
  const json = await api.call({ method: 'POST', url: '/api/v1/files', token: member, payload: {} });
  t.equal(json.statusCode, 415);
  const unknownLead = await upload(api, member, Buffer.from('x\n'), 'a.txt', `?leadId=ld_${'a'.repeat(24)}`);
  t.same(unknownLead.json().error, { code: 'invalid_field', message: 'no such lead in this workspace', field: 'leadId' });
  const other = api.tenant('Elsewhere Ltd');
  const theirs = (await api.call({ method: 'POST', url: '/api/v1/contacts', token: other.token('member'), payload: { name: 'Someone' } })).json() as { id: string };
  const foreign = await upload(api, member, Buffer.from('x\n'), 'a.txt', `?contactId=${theirs.id}`);
  t.equal(foreign.statusCode, 400);
  t.same(foreign.json().error, { code: 'invalid_field', message: 'no such contact in this workspace', field: 'contactId' });
  t.equal(rows(), 0);
  t.equal((await api.call({ method: 'GET', url: `/api/v1/files/fl_${'a'.repeat(24)}`, token: member })).statusCode, 404);

  const both = (await upload(api, member, Buffer.from('site photo notes\n'), 'notes.txt', `?leadId=${lead.id}&contactId=${contact.id}`)).json() as { id: string; leadId: string; contactId: string };
  t.match(both, { leadId: lead.id, contactId: contact.id });
  const listed = async (query: string) => ((await api.call({ method: 'GET', url: `/api/v1/files${query}`, token: member })).json().items as { id: string }[]).map((f) => f.id);
  t.same(await listed(`?leadId=${lead.id}`), [both.id]);
  t.same(await listed(`?contactId=${contact.id}`), [both.id]);
  t.same(await listed(`?contactId=${contact.id}&leadId=ld_${'b'.repeat(24)}`), [], 'files attached to all records named');
});

t.test('a changed chunk, a blob moved to another file, or one of another workspace never opens', async (t) => {
  const { api, workspace, member, dir } = await setup(t);
  const document = pdf('two chunks', 200_000);
  t.ok(document.length > BLOB_CHUNK_BYTES, 'more than one chunk');
  const first = (await upload(api, member, document, 'one.pdf')).json() as { id: string };
  const second = (await upload(api, member, pdf('another'), 'two.pdf')).json() as { id: string };
  const path = blobPath(dir, first.id);
  const sealed = readFileSync(path);

  // A bit flipped in the first chunk: refused before anything is sent.
  const flipped = Buffer.from(sealed);
  flipped[100] = (flipped[100] as number) ^ 1;
  writeFileSync(path, flipped);
  const refused = await api.call({ method: 'GET', url: `/api/v1/files/${first.id}/content`, token: member });
  t.equal(refused.statusCode, 500);
  t.same(refused.json().error, { code: 'file_unreadable', message: 'the stored file does not decrypt; nothing of it was sent' });

  // A bit flipped in the last chunk: the stream fails there, never ends as if complete.
  const late = Buffer.from(sealed);
  late[late.length - 20] = (late[late.length - 20] as number) ^ 1;
  writeFileSync(path, late);
  const key = api.runtime.tenancy.run(workspace.id, { actor: null, requestId: null }, () => api.runtime.vault.fileKey().key);
  const read = async (blob: string, binding = fileBinding(workspace.id, first.id)) => {
    const chunks: Buffer[] = [];
    for await (const chunk of await readBlob(blob, key, binding)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  await t.rejects(read(path), ChunkAuthenticationError);
  // Cut short at a chunk boundary: the last chunk is missing.
  writeFileSync(path, sealed.subarray(0, 40 + BLOB_CHUNK_BYTES + 16));
  await t.rejects(read(path), ChunkAuthenticationError);

  writeFileSync(path, sealed);
  t.ok((await read(path)).equals(document), 'the original opens');
  await t.rejects(read(path, fileBinding(workspace.id, second.id)), ChunkAuthenticationError, 'not as another file');
  await t.rejects(read(path, fileBinding(api.tenant('Other').id, first.id)), ChunkAuthenticationError, 'not in another workspace');
  writeFileSync(blobPath(dir, second.id), sealed);
  t.equal((await api.call({ method: 'GET', url: `/api/v1/files/${second.id}/content`, token: member })).statusCode, 500, 'a blob copied over another file is refused');
  t.equal((await api.call({ method: 'GET', url: `/api/v1/files/${first.id}/content`, token: member })).statusCode, 200);
});
