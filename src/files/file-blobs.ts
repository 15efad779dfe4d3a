// A file's bytes on disk: <data dir>/tenants/<tenant id>/files/<file id>, encrypted in the chunked
// AES-256-GCM format of backup objects (src/backup/chunked-cipher.ts; uncompressed here) with a key
// derived per file from the workspace's sensitive data key, each chunk bound to the workspace, the
// file id, its index and whether it is the last. So a blob copied to another file or workspace, a
// chunk changed, moved, dropped or cut off all fail to open. Nothing is decrypted to disk.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pipeline as pipelineCallback } from 'node:stream';
import { ChunkSealer, COMPRESSION_NONE, decryptStream, encryptStream, HEADER_BYTES, LARGE_CHUNK_BYTES, parseHeader, type ObjectBinding } from '../backup/chunked-cipher.js';

export const PART_SUFFIX = '.part';

/** The directory of a workspace's file blobs (removed with the workspace's directory at its purge). */
export const filesDir = (dataDir: string, tenantId: string): string => join(dataDir, 'tenants', tenantId, 'files');
export const blobPath = (dir: string, fileId: string): string => join(dir, fileId);

export const fileBinding = (tenantId: string, fileId: string): ObjectBinding => ({ objectId: fileId, tenantId });

/** The chunk size of blobs written now; blobs of 64 KiB chunks (written before 2026-12) open as well (the size is in each header). */
export const BLOB_CHUNK_BYTES = LARGE_CHUNK_BYTES;

/** How many chunks a plaintext of `size` bytes is sealed in (an empty file is one empty last chunk). */
export const chunkCount = (size: number): number => Math.max(1, Math.ceil(size / BLOB_CHUNK_BYTES));

export interface SealedBlob {
  size: number;
  sha256: string;
}

/** Writes buffers in order at the file's current position, in one writev call when the file takes them all at once. */
async function writeAll(handle: FileHandle, buffers: Buffer[]): Promise<void> {
  let rest = buffers;
  while (rest.length > 0) {
    let { bytesWritten } = await handle.writev(rest);
    // A short write (rare for a regular file): carry on from where it stopped.
    const next: Buffer[] = [];
    for (const buffer of rest) {
      if (bytesWritten >= buffer.length) bytesWritten -= buffer.length;
      else {
        next.push(bytesWritten > 0 ? buffer.subarray(bytesWritten) : buffer);
        bytesWritten = 0;
      }
    }
    rest = next;
  }
}

/** How much an upload writes between two early flushes (writeBlob). */
const EARLY_FLUSH_BYTES = 4 * 1024 * 1024;

/**
 * Encrypts a plaintext into <dir>/<file id>: written under a `.part` name (mode 0600), synced and
 * renamed only once complete, so a blob's final name always holds a whole file. On any failure
 * (the source errs: too large, not allowed, the client gone) the part is removed and nothing is left.
 * One loop, no stream stages: each piece is hashed and handed to the sealer, and each sealed chunk
 * is written in one call (an upload's cost is mostly per piece and per byte: bench:files).
 */
export async function writeBlob(source: AsyncIterable<Buffer> | Iterable<Buffer>, dir: string, fileId: string, key: { version: number; key: Buffer }, binding: ObjectBinding): Promise<SealedBlob> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const part = `${blobPath(dir, fileId)}${PART_SUFFIX}`;
  const sealer = new ChunkSealer(key.key, key.version, binding, BLOB_CHUNK_BYTES, COMPRESSION_NONE);
  const sha256 = createHash('sha256');
  let size = 0;
  const handle = await open(part, 'wx', 0o600);
  let closed = false;
  try {
    let header = [sealer.header]; // written with the first chunk
    // The disk starts writing back while the upload goes on: a flush every few MiB, on the libuv
    // pool, so the sync before the rename has only the last few MiB left to wait for.
    // A failed flush is kept and thrown: a later fsync may no longer report it (Linux clears the error).
    let flushing: Promise<void> | null = null;
    let flushFailure: unknown = null;
    let flushedUpTo = 0;
    for await (const piece of source) {
      if (flushFailure) throw flushFailure;
      sha256.update(piece);
      size += piece.length;
      const sealed = sealer.add(piece);
      if (sealed.length > 0) {
        await writeAll(handle, [...header, ...sealed.flat()]);
        header = [];
        if (size - flushedUpTo >= EARLY_FLUSH_BYTES && flushing === null) {
          flushedUpTo = size;
          flushing = handle.datasync().then(
            () => void (flushing = null),
            (err: unknown) => void ((flushFailure = err), (flushing = null)),
          );
        }
      }
    }
    await writeAll(handle, [...header, ...sealer.end()]);
    await flushing;
    if (flushFailure) throw flushFailure;
    await handle.sync();
    closed = true;
    await handle.close();
    await rename(part, blobPath(dir, fileId));
  } catch (err) {
    if (!closed) await handle.close().catch(() => {});
    await rm(part, { force: true });
    throw err;
  }
  return { size, sha256: sha256.digest('hex') };
}

/** The data-key version a blob's header names (to pick its key before reading it). */
export async function blobKeyVersion(path: string): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(header, 0, HEADER_BYTES, 0);
    return parseHeader(header.subarray(0, bytesRead)).keyVersion;
  } finally {
    await handle.close();
  }
}

/**
 * The plaintext of a blob, as a stream that has already produced (and so authenticated) its first
 * chunk: a blob whose start is changed rejects here, before anything is sent. A later chunk that
 * does not authenticate destroys the stream with ChunkAuthenticationError mid-way.
 */
export async function readBlob(path: string, key: Buffer, binding: ObjectBinding): Promise<Readable> {
  // Reads of one sealed chunk (of the size blobs are written in now): a quarter of the reads and joins of 64 KiB ones.
  const plaintext = pipelineCallback(createReadStream(path, { highWaterMark: BLOB_CHUNK_BYTES + 16 }), decryptStream(() => key, binding), () => {});
  // Whoever sends it listens too; this one keeps a failure between here and there from being unhandled.
  plaintext.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    const done = (err?: Error) => {
      plaintext.off('readable', onReadable);
      plaintext.off('error', done);
      if (err) reject(err);
      else resolve();
    };
    const onReadable = () => done();
    plaintext.once('readable', onReadable);
    plaintext.once('error', done);
  });
  return plaintext;
}

/** Decrypts a blob sealed for one binding and seals it again for another (restore --as: a new workspace id), written beside it as `to`. */
export async function resealBlob(from: string, to: string, keys: { open: Buffer; seal: { version: number; key: Buffer } }, bindings: { from: ObjectBinding; to: ObjectBinding }): Promise<void> {
  const part = `${to}${PART_SUFFIX}`;
  try {
    await pipeline(createReadStream(from), decryptStream(() => keys.open, bindings.from), encryptStream(keys.seal.key, keys.seal.version, bindings.to, BLOB_CHUNK_BYTES, COMPRESSION_NONE), createWriteStream(part, { flags: 'wx', mode: 0o600 }));
    await rename(part, to);
  } catch (err) {
    await rm(part, { force: true });
    throw err;
  }
}
