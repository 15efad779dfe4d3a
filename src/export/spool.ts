// A temporary file for an export's workspace.json. A tar entry needs its size in the header before
// its first byte, and the manifest needs the file's SHA-256, so workspace.json is written here once
// (row by row, never whole in memory) and then read back once into the archive.
// The file's name is removed the moment it is created: its bytes (decrypted fields included) exist
// only while this process holds it open, so a finished, abandoned or crashed export (kill -9
// included) leaves nothing on disk. Linux and macOS allow this; Windows is not a target.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

const BLOCK_BYTES = 64 * 1024;

export interface SpoolDigest {
  bytes: number;
  sha256: string;
}

export class Spool {
  readonly #handle: FileHandle;
  readonly #hash = createHash('sha256');
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  #written = 0;
  #reader: Readable | null = null;
  #closed: Promise<void> | null = null;

  private constructor(handle: FileHandle) {
    this.#handle = handle;
  }

  /** A new, already unlinked file in `dir` (created owner-only if missing). */
  static async create(dir: string): Promise<Spool> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const path = join(dir, `export-${randomBytes(8).toString('hex')}.json`);
    const handle = await open(path, 'wx+', 0o600);
    try {
      await unlink(path);
    } catch (err) {
      await handle.close();
      throw err;
    }
    return new Spool(handle);
  }

  /** Appends text; the disk is written in blocks, so awaiting this keeps pace with the disk. */
  async write(text: string): Promise<void> {
    const chunk = Buffer.from(text, 'utf8');
    this.#hash.update(chunk);
    this.#pending.push(chunk);
    this.#pendingBytes += chunk.length;
    if (this.#pendingBytes >= BLOCK_BYTES) await this.#flush();
  }

  async #flush(): Promise<void> {
    const block = Buffer.concat(this.#pending, this.#pendingBytes);
    this.#pending = [];
    this.#pendingBytes = 0;
    let offset = 0;
    while (offset < block.length) {
      const { bytesWritten } = await this.#handle.write(block, offset, block.length - offset, this.#written + offset);
      offset += bytesWritten;
    }
    this.#written += block.length;
  }

  /** Writes what is still buffered; the size and SHA-256 of everything written. Call once, last. */
  async finish(): Promise<SpoolDigest> {
    await this.#flush();
    return { bytes: this.#written, sha256: this.#hash.digest('hex') };
  }

  /** Everything written, from the first byte. One reader per spool. */
  read(): Readable {
    if (this.#reader) throw new Error('a spool is read once');
    this.#reader = this.#handle.createReadStream({ start: 0, end: Math.max(this.#written - 1, 0), autoClose: false });
    return this.#reader;
  }

  /** Releases the file (and with it its bytes); safe to call more than once. */
  close(): Promise<void> {
    this.#closed ??= (async () => {
      this.#reader?.destroy();
      await this.#handle.close();
    })();
    return this.#closed;
  }
}
