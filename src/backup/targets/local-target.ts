// A backup target on a local (or mounted) file system. Each object is written beside its final
// name, flushed to disk, renamed into place and then read back: it counts as stored only when the
// bytes on disk have the size and SHA-256 that were sent.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, mkdir, open, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { digestFile } from '../object-files.js';
import { assertObjectName, ObjectMissing, TargetNotConfirmed, type BackupTarget, type ObjectDigest, type StoredObject } from './target.js';

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export class LocalTarget implements BackupTarget {
  readonly description: string;

  constructor(private readonly root: string) {
    this.description = `local directory ${root}`;
  }

  #path(name: string): string {
    assertObjectName(name);
    return join(this.root, ...name.split('/'));
  }

  async put(name: string, file: string, digest: ObjectDigest): Promise<void> {
    const path = this.#path(name);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const partial = `${path}.partial-${randomBytes(6).toString('hex')}`;
    try {
      await copyFile(file, partial, constants.COPYFILE_EXCL);
      await fsyncPath(partial);
      await rename(partial, path);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
    await fsyncPath(dirname(path));
    const stored = await digestFile(path);
    if (stored.size !== digest.size || stored.sha256 !== digest.sha256) {
      throw new TargetNotConfirmed(`${name}: the stored file has ${stored.size} bytes and another checksum than the ${digest.size} bytes written`);
    }
  }

  async get(name: string, file: string): Promise<void> {
    try {
      await copyFile(this.#path(name), file, constants.COPYFILE_EXCL);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new ObjectMissing(name);
      throw err;
    }
  }

  async list(prefix: string): Promise<StoredObject[]> {
    const found: StoredObject[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw err;
      }
      for (const entry of entries) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (entry.isFile() && !entry.name.includes('.partial-')) {
          const name = relative(this.root, path).split(sep).join('/');
          if (name.startsWith(prefix)) found.push({ name, size: (await stat(path)).size });
        }
      }
    };
    await walk(this.root);
    return found.sort((a, b) => a.name.localeCompare(b.name));
  }

  async delete(name: string): Promise<void> {
    const path = this.#path(name);
    await rm(path, { force: true });
    // Empty run directories go with their last object.
    for (let dir = dirname(path); dir.startsWith(`${this.root}${sep}`); dir = dirname(dir)) {
      try {
        await rmdir(dir);
      } catch {
        break;
      }
    }
  }

  close(): void {}
}
