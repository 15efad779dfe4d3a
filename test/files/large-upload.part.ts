// A 1 GB upload against the default 25 MB limit, over a real socket and without a Content-Length:
// refused soon after the limit, without the server reading (or holding) the rest. Nothing of 1 GB
// is ever written or held: the body is made as it is sent.
import { request, type ClientRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readdirSync } from 'node:fs';
import t from 'tap';
import { filesDir } from '../../src/files/file-blobs.js';
import { build, type Teardown } from '../helpers/app.js';
import { BOUNDARY, pdf } from './helpers.js';

const GIGABYTE = 1024 ** 3;
const LIMIT = 25 * 1024 * 1024;

/** The app on a loopback port with one workspace, and a member's chunked multipart upload to it (no Content-Length), begun. */
async function listeningApp(t: Teardown, name: string) {
  const api = await build(t);
  const workspace = api.tenant(name);
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = api.app.server.address() as AddressInfo;
  const startUpload = (): ClientRequest =>
    request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/v1/files',
      headers: { authorization: `Bearer ${workspace.token('member')}`, 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'transfer-encoding': 'chunked' },
    });
  return { api, workspace, startUpload };
}

/** The start of the multipart body: the file part's headers. */
const partHeader = (filename: string): Buffer => Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`);

t.test('a 1 GB upload is refused once past the limit, with memory flat and nothing on disk', async (t) => {
  const { api, workspace, startUpload } = await listeningApp(t, 'Big Files Ltd');
  t.equal(api.config.files.maxBytes, LIMIT, 'the default limit');

  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const block = Buffer.alloc(256 * 1024, 0x20);
  let sent = 0;
  const outcome = await new Promise<{ status: number; body: string; sentAtAnswer: number }>((resolve, reject) => {
    const req = startUpload();
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      const sentAtAnswer = sent;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), sentAtAnswer }));
      res.on('error', reject);
    });
    // Once the server has answered and closed, writing fails: that is expected.
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    const write = (chunk: Buffer): Promise<void> => new Promise((done) => (req.write(chunk) ? done() : req.once('drain', done)));
    void (async () => {
      await write(partHeader('huge.pdf'));
      await write(pdf('a large document'));
      while (sent < GIGABYTE && !answered && !req.destroyed) {
        await write(block);
        sent += block.length;
        if (sent % (8 * 1024 * 1024) === 0) rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      }
      if (!answered) req.end(`\r\n--${BOUNDARY}--\r\n`);
    })().catch(() => {});
  });
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  t.equal(outcome.status, 413);
  t.equal(JSON.parse(outcome.body).error.code, 'file_too_large');
  t.ok(outcome.sentAtAnswer < LIMIT + 16 * 1024 * 1024, `answered after ${(outcome.sentAtAnswer / 1024 / 1024).toFixed(1)} MB of 1024 MB sent`);
  t.ok(sent < LIMIT + 32 * 1024 * 1024, `the client could send only ${(sent / 1024 / 1024).toFixed(1)} MB in all`);
  t.ok(rssPeak - rssBefore < 96 * 1024 * 1024, `memory grew by ${((rssPeak - rssBefore) / 1024 / 1024).toFixed(1)} MB`);
  const dir = filesDir(api.config.dataDir, workspace.id);
  t.same(existsSync(dir) ? readdirSync(dir) : [], [], 'no blob and no part left');
});

t.test('a client that goes away mid-upload leaves no part behind', async (t) => {
  const { api, workspace, startUpload } = await listeningApp(t, 'Flaky Network Ltd');
  const dir = filesDir(api.config.dataDir, workspace.id);
  const req = startUpload();
  req.on('error', () => {});
  req.write(partHeader('half.pdf'));
  req.write(pdf('half a document', 2 * 1024 * 1024));
  // Wait until the server has begun writing the part, then cut the connection.
  for (let i = 0; i < 100 && !(existsSync(dir) && readdirSync(dir).length > 0); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  t.ok(existsSync(dir) && readdirSync(dir).some((name) => name.endsWith('.part')), 'the upload was being written');
  req.destroy();
  for (let i = 0; i < 100 && readdirSync(dir).length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  t.same(readdirSync(dir), [], 'the part is removed');
});
