// Blobs are now sealed in 256 KiB chunks (bench:files); a blob written earlier in 64 KiB chunks
// still opens and downloads byte for byte, because every reader takes the chunk size from the
// blob's header.
import { readFileSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import t from 'tap';
import { ChunkAuthenticationError, CHUNK_BYTES, COMPRESSION_NONE, encryptStream, parseHeader } from '../../src/backup/chunked-cipher.js';
import { BLOB_CHUNK_BYTES, blobPath, chunkCount, fileBinding, filesDir, readBlob } from '../../src/files/file-blobs.js';
import { build } from '../helpers/app.js';
import { pdf, upload } from './helpers.js';

t.test('new blobs are sealed in 256 KiB chunks; a blob of 64 KiB chunks (the earlier size) still opens and downloads', async (t) => {
  const api = await build(t);
  const workspace = api.tenant('Whitfield Roofing');
  const member = workspace.token('member', 'us_maria');
  const document = pdf('Site survey', 600_000);
  const res = await upload(api, member, document, 'survey.pdf');
  t.equal(res.statusCode, 201, res.body);
  const file = res.json() as { id: string; size: number };
  const path = blobPath(filesDir(api.config.dataDir, workspace.id), file.id);
  const sealed = readFileSync(path);
  t.equal(BLOB_CHUNK_BYTES, 256 * 1024);
  t.equal(parseHeader(sealed).chunkBytes, BLOB_CHUNK_BYTES, 'the header names the new chunk size');
  t.equal(sealed.length, 40 + document.length + 16 * chunkCount(document.length), 'header, then each chunk with its tag');
  t.equal(chunkCount(document.length), 4);

  // The same file as the earlier code wrote it: 64 KiB chunks, the same key and binding.
  const key = api.runtime.tenancy.run(workspace.id, { actor: null, requestId: null }, () => api.runtime.vault.fileKey());
  const legacy = await buffer(Readable.from([document]).pipe(encryptStream(key.key, key.version, fileBinding(workspace.id, file.id), CHUNK_BYTES, COMPRESSION_NONE)));
  t.equal(parseHeader(legacy).chunkBytes, 64 * 1024);
  writeFileSync(path, legacy);
  const opened = await buffer(await readBlob(path, key.key, fileBinding(workspace.id, file.id)));
  t.ok(opened.equals(document), 'readBlob opens it');
  const downloaded = await api.call({ method: 'GET', url: `/api/v1/files/${file.id}/content`, token: member });
  t.equal(downloaded.statusCode, 200);
  t.ok(downloaded.rawPayload.equals(document), 'and it downloads byte for byte');
  // Still bound to its file: the older size changes nothing about what opens it.
  await t.rejects(readBlob(path, key.key, fileBinding(workspace.id, 'fl_other')), ChunkAuthenticationError);
});
