// A workspace's files in a backup run: one object beside its database, a tar of the file blobs as
// they are on disk (each already encrypted with the workspace's sensitive data key, bound to it and
// to its file id), encrypted again in the backup format with the workspace's backup key. So a
// purge that destroys the backup key makes the files of every run unreadable with the database,
// and restoring needs both keys, as the live server does. The blobs are not compressed (they are
// ciphertext); the tar is checked entry by entry when it is read back.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { isId } from '../http/ids.js';
import { ChunkAuthenticationError, COMPRESSION_NONE, decryptStream, encryptStream, LARGE_CHUNK_BYTES } from './chunked-cipher.js';
import { BackupRefused } from './errors.js';
import type { ManifestFiles } from './manifest.js';
import { digestFile, digesting } from './object-files.js';
import { ObjectMissing, type BackupTarget } from './targets/target.js';

export interface StoreFilesInput {
  name: string;
  tenantId: string;
  /** The live files directory (tenants/<id>/files). */
  dir: string;
  /** The files the database copy holds: their blobs are what the object carries. */
  fileIds: readonly string[];
  key: Buffer;
  keyVersion: number;
}

/**
 * Packs, encrypts and stores the blobs of the files the database copy names; null when it names
 * none. A blob deleted since the copy was taken (its file deleted meanwhile) is left out.
 */
export async function storeFiles(target: BackupTarget, workDir: string, input: StoreFilesInput): Promise<ManifestFiles | null> {
  if (input.fileIds.length === 0) return null;
  const sealed = join(workDir, `${input.tenantId}.files.tar.enc`);
  const pack = tar.pack();
  let count = 0;
  const packing = (async () => {
    for (const id of input.fileIds) {
      const path = join(input.dir, id);
      let size: number;
      try {
        size = (await stat(path)).size;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw err;
      }
      await pipeline(createReadStream(path), pack.entry({ name: id, size, mode: 0o600 }));
      count += 1;
    }
    pack.finalize();
  })();
  packing.catch((err: Error) => pack.destroy(err));
  const { stream, digest } = digesting();
  try {
    await Promise.all([
      packing,
      pipeline(pack, encryptStream(input.key, input.keyVersion, { objectId: input.name, tenantId: input.tenantId }, LARGE_CHUNK_BYTES, COMPRESSION_NONE), stream, createWriteStream(sealed, { flags: 'wx', mode: 0o600 })),
    ]);
    const stored = digest();
    await target.put(input.name, sealed, stored);
    return { name: input.name, size: stored.size, sha256: stored.sha256, count };
  } finally {
    await rm(sealed, { force: true });
  }
}

/**
 * Downloads a files object, checks it against the manifest and unpacks its blobs into `intoDir`
 * (created, mode 0700). Every chunk must authenticate and every entry must be a file named by a
 * file id; anything else refuses, leaving no directory behind. Returns how many blobs it wrote.
 */
export async function fetchFiles(target: BackupTarget, files: ManifestFiles, binding: { tenantId: string }, key: Buffer, sealedPath: string, intoDir: string): Promise<number> {
  let count = 0;
  try {
    try {
      await target.get(files.name, sealedPath);
    } catch (err) {
      if (err instanceof ObjectMissing) throw new BackupRefused(`${files.name} is missing from ${target.description}`);
      throw err;
    }
    const stored = await digestFile(sealedPath);
    if (stored.size !== files.size || stored.sha256 !== files.sha256) {
      throw new BackupRefused(`${files.name} does not match its checksum in the manifest (${stored.size} bytes stored, ${files.size} recorded): tampered, truncated or replaced`);
    }
    await mkdir(intoDir, { recursive: true, mode: 0o700 });
    const extract = tar.extract();
    const reading = pipeline(createReadStream(sealedPath), decryptStream(() => key, { objectId: files.name, tenantId: binding.tenantId }), extract);
    reading.catch(() => {}); // its failure also ends the loop below, and is awaited after it
    for await (const entry of extract) {
      const name = entry.header.name;
      if (entry.header.type !== 'file' || !isId('file', name)) throw new BackupRefused(`${files.name} holds an entry that is not a file blob (${JSON.stringify(name).slice(0, 60)})`);
      await pipeline(entry, createWriteStream(join(intoDir, name), { flags: 'wx', mode: 0o600 }));
      count += 1;
    }
    await reading;
    if (count !== files.count) throw new BackupRefused(`${files.name} holds ${count} files, the manifest ${files.count}`);
    return count;
  } catch (err) {
    await rm(intoDir, { recursive: true, force: true });
    if (err instanceof ChunkAuthenticationError) throw new BackupRefused(`${files.name} does not decrypt: ${err.message}`);
    throw err;
  } finally {
    await rm(sealedPath, { force: true });
  }
}
