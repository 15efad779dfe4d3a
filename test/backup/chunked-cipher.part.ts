// The chunk format on its own: any change to the stored bytes — a flipped bit, chunks swapped,
// dropped or repeated, the object cut short (also exactly at a chunk boundary) or extended — or
// opening it as another object, another workspace or with another key fails; nothing else does.
import t from 'tap';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { ChunkAuthenticationError, decryptStream, encryptStream, HEADER_BYTES, type ObjectBinding } from '../../src/backup/chunked-cipher.js';

const CHUNK = 1024;
const SEALED = CHUNK + 16;
const key = randomBytes(32);
const binding: ObjectBinding = { objectId: 'runs/r/tenants/tn_a.db.gz.enc', tenantId: 'tn_a' };

const encrypt = (plain: Buffer, b = binding): Promise<Buffer> => buffer(Readable.from([plain]).pipe(encryptStream(key, 1, b, CHUNK)));
const decrypt = (sealed: Buffer, b = binding, k = key): Promise<Buffer> => {
  const out = decryptStream(() => k, b);
  // Fed in odd pieces, as a download arrives.
  const pieces: Buffer[] = [];
  for (let i = 0; i < sealed.length; i += 777) pieces.push(sealed.subarray(i, i + 777));
  return buffer(Readable.from(pieces).pipe(out));
};
const chunks = (sealed: Buffer): Buffer[] => {
  const body = sealed.subarray(HEADER_BYTES);
  const out: Buffer[] = [];
  for (let i = 0; i < body.length; i += SEALED) out.push(body.subarray(i, i + SEALED));
  return out;
};
const assemble = (sealed: Buffer, parts: Buffer[]): Buffer => Buffer.concat([sealed.subarray(0, HEADER_BYTES), ...parts]);

t.test('a sealed object opens to the same bytes, whatever its length', async (t) => {
  for (const length of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 5]) {
    const plain = randomBytes(length);
    const sealed = await encrypt(plain);
    t.equal(sealed.length, HEADER_BYTES + length + 16 * Math.max(1, Math.ceil(length / CHUNK)), `${length} bytes: framing as documented`);
    t.same(await decrypt(sealed), plain, `${length} bytes round trip`);
  }
  const a = await encrypt(Buffer.from('same'));
  const b = await encrypt(Buffer.from('same'));
  t.not(a.toString('hex'), b.toString('hex'), 'a fresh salt and nonce prefix per object');
});

t.test('whatever pieces the bytes arrive in: plaintext in 333-byte pieces or in whole chunks with empty pieces between, the sealed object in 7-byte pieces (the header split too) or in pieces of several chunks', async (t) => {
  const pieces = (bytes: Buffer, size: number): Buffer[] => Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
  const plain = randomBytes(5 * CHUNK + 123);
  const sealed = await buffer(Readable.from(pieces(plain, 333)).pipe(encryptStream(key, 1, binding, CHUNK)));
  t.equal(sealed.length, HEADER_BYTES + plain.length + 16 * 6, 'the same framing as one piece gives');
  for (const size of [7, SEALED - 1, SEALED, 3 * SEALED + 1]) {
    t.same(await buffer(Readable.from(pieces(sealed, size)).pipe(decryptStream(() => key, binding))), plain, `opened from ${size}-byte pieces`);
  }
  // Pieces that end exactly at chunk boundaries, with empty ones between: still whole chunks, the last one sealed as the last.
  const aligned = [...pieces(plain.subarray(0, 2 * CHUNK), CHUNK), Buffer.alloc(0), plain.subarray(2 * CHUNK, 4 * CHUNK), Buffer.alloc(0)];
  const sealedAligned = await buffer(Readable.from(aligned).pipe(encryptStream(key, 1, binding, CHUNK)));
  t.equal(sealedAligned.length, HEADER_BYTES + 4 * CHUNK + 16 * 4, 'four full chunks, no empty fifth');
  t.same(await decrypt(sealedAligned), plain.subarray(0, 4 * CHUNK), 'and they open');
  const cut = sealed.subarray(0, sealed.length - 1);
  await t.rejects(buffer(Readable.from(pieces(cut, 7)).pipe(decryptStream(() => key, binding))), ChunkAuthenticationError, 'a cut object still fails when it arrives in small pieces');
});

t.test('tampering with chunks is detected: flipped byte, swapped, dropped, repeated, truncated, appended', async (t) => {
  const plain = randomBytes(4 * CHUNK + 100);
  const sealed = await encrypt(plain);
  const [c0, c1, c2, c3, c4] = chunks(sealed) as [Buffer, Buffer, Buffer, Buffer, Buffer];
  const flipped = Buffer.from(sealed);
  flipped.writeUInt8(flipped.readUInt8(flipped.length >> 1) ^ 0x01, flipped.length >> 1);
  const headerFlipped = Buffer.from(sealed);
  headerFlipped.writeUInt8(headerFlipped.readUInt8(20) ^ 0x01, 20);
  const cases: Record<string, Buffer> = {
    'a byte flipped in the middle': flipped,
    'a byte flipped in the header': headerFlipped,
    'two chunks swapped': assemble(sealed, [c0, c2, c1, c3, c4]),
    'a chunk dropped': assemble(sealed, [c0, c1, c3, c4]),
    'a chunk repeated': assemble(sealed, [c0, c1, c1, c2, c3, c4]),
    'the last chunk cut off (ends at a chunk boundary)': assemble(sealed, [c0, c1, c2, c3]),
    'the last chunk truncated': sealed.subarray(0, sealed.length - 5),
    'a chunk appended after the last': assemble(sealed, [c0, c1, c2, c3, c4, c1]),
    'only the header': sealed.subarray(0, HEADER_BYTES),
    'less than a header': sealed.subarray(0, 10),
  };
  for (const [name, bytes] of Object.entries(cases)) {
    await t.rejects(decrypt(bytes), ChunkAuthenticationError, name);
  }
});

t.test('an object opens only as itself: another object id, workspace or key fails', async (t) => {
  const sealed = await encrypt(randomBytes(2 * CHUNK));
  await t.rejects(decrypt(sealed, { ...binding, objectId: 'runs/other/tenants/tn_a.db.gz.enc' }), ChunkAuthenticationError);
  await t.rejects(decrypt(sealed, { ...binding, tenantId: 'tn_b' }), ChunkAuthenticationError);
  await t.rejects(decrypt(sealed, binding, randomBytes(32)), ChunkAuthenticationError);
  // A chunk taken from another object of the same workspace and key does not fit either.
  const other = await encrypt(randomBytes(2 * CHUNK));
  await t.rejects(decrypt(assemble(sealed, [chunks(other)[0] as Buffer, ...chunks(sealed).slice(1)])), ChunkAuthenticationError);
});
