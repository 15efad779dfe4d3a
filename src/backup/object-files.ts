// Files on their way to and from a target: a database copy is gzip'd and encrypted into an object
// file (size and checksums taken from the bytes as written), and an object file is decrypted and
// gunzipped back into a database file. Everything streams: no object is held whole in memory.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { decryptStream, encryptStream, type ObjectBinding } from './chunked-cipher.js';
import type { ObjectDigest } from './targets/target.js';

/** Counts and hashes what passes through. */
export function digesting(): { stream: Transform; digest(): ObjectDigest } {
  const sha256 = createHash('sha256');
  const md5 = createHash('md5');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      sha256.update(chunk);
      md5.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  return { stream, digest: () => ({ size, sha256: sha256.digest('hex'), md5: md5.digest('hex') }) };
}

export async function digestFile(path: string): Promise<ObjectDigest> {
  const sha256 = createHash('sha256');
  const md5 = createHash('md5');
  let size = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    sha256.update(chunk);
    md5.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: sha256.digest('hex'), md5: md5.digest('hex') };
}

/** Compresses and encrypts a file into a new object file (mode 0600); returns what the target must confirm. */
export async function sealFile(plainPath: string, objectPath: string, key: Buffer, keyVersion: number, binding: ObjectBinding): Promise<ObjectDigest> {
  const { stream, digest } = digesting();
  try {
    await pipeline(createReadStream(plainPath), createGzip({ level: 6 }), encryptStream(key, keyVersion, binding), stream, createWriteStream(objectPath, { flags: 'wx', mode: 0o600 }));
  } catch (err) {
    await rm(objectPath, { force: true });
    throw err;
  }
  return digest();
}

/**
 * Decrypts and decompresses an object file into a new file (mode 0600). Rejects, leaving no file,
 * at the first chunk that does not authenticate, or when the object ends early.
 */
export async function openSealedFile(objectPath: string, plainPath: string, keyFor: (version: number) => Buffer, binding: ObjectBinding): Promise<void> {
  try {
    await pipeline(createReadStream(objectPath), decryptStream(keyFor, binding), createGunzip(), createWriteStream(plainPath, { flags: 'wx', mode: 0o600 }));
  } catch (err) {
    await rm(plainPath, { force: true });
    throw err;
  }
}
