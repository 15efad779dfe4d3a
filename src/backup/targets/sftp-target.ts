// A backup target in a directory on a backup host, over SFTP (ssh2). The host key is pinned by its
// SHA-256 fingerprint and the client signs in with a key only. Each object is uploaded beside its
// final name, flushed to the host's disk (fsync@openssh.com), renamed into place atomically
// (posix-rename@openssh.com) and then read back in full: SFTP has no checksum request, so the
// object counts as stored only when the bytes the host returns have the size and SHA-256 sent.
// That read-back doubles the traffic of a run; it is the price of "confirmed by the target".
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { posix } from 'node:path';
import { pipeline } from 'node:stream/promises';
import ssh2, { type SFTPWrapper, type Stats } from 'ssh2';
import type { BackupSftpConfig } from '../../config/config.js';
import { assertObjectName, ObjectMissing, TargetNotConfirmed, type BackupTarget, type ObjectDigest, type StoredObject } from './target.js';

/** SFTP status codes (draft-ietf-secsh-filexfer-02, as OpenSSH speaks it). */
const NO_SUCH_FILE = 2;
const isMissing = (err: unknown): boolean => (err as { code?: unknown }).code === NO_SUCH_FILE;

/** The host key's fingerprint as `ssh-keygen -lf` prints it. */
export function hostKeyFingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** Runs one callback-style SFTP call as a promise. */
function call<T = void>(run: (done: (err: Error | null | undefined, value?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => run((err, value) => (err ? reject(err) : resolve(value as T))));
}

export class SftpTarget implements BackupTarget {
  readonly description: string;
  #session: Promise<{ client: ssh2.Client; sftp: SFTPWrapper }> | null = null;

  constructor(private readonly config: BackupSftpConfig) {
    this.description = `sftp://${config.username}@${config.host}:${config.port}${config.path}`;
  }

  /** One connection per target, opened on first use and again after the host closed it. */
  #sftp(): Promise<SFTPWrapper> {
    if (this.#session) return this.#session.then((session) => session.sftp);
    const session = new Promise<{ client: ssh2.Client; sftp: SFTPWrapper }>((resolve, reject) => {
      const client = new ssh2.Client();
      const forget = (): void => {
        if (this.#session === session) this.#session = null;
      };
      let refusedKey: string | null = null;
      // Errors keep a listener for the connection's whole life: one after ready (a lost
      // connection) fails the call in progress and the next call reconnects.
      client.on('error', (err) => {
        forget();
        reject(refusedKey ? new Error(`the backup host ${this.config.host} presented the host key ${refusedKey}, not SPINNEY_BACKUP_SFTP_HOST_FINGERPRINT`) : err);
      });
      client.once('close', forget);
      client.once('ready', () => {
        client.sftp((err, sftp) => {
          if (err) {
            client.end();
            forget();
            reject(err);
          } else resolve({ client, sftp });
        });
      });
      client.connect({
        host: this.config.host,
        port: this.config.port,
        username: this.config.username,
        privateKey: this.config.privateKey,
        ...(this.config.passphrase ? { passphrase: this.config.passphrase } : {}),
        hostVerifier: (key: Buffer) => {
          const presented = hostKeyFingerprint(key);
          if (presented === this.config.hostFingerprint) return true;
          refusedKey = presented;
          return false;
        },
        readyTimeout: 20_000,
        keepaliveInterval: 15_000,
      });
    });
    this.#session = session;
    return session.then(({ sftp }) => sftp);
  }

  #path(name: string): string {
    assertObjectName(name);
    return posix.join(this.config.path, name);
  }

  /** mkdir -p, each new directory 0700; one that already exists (or appeared meanwhile) is fine. */
  async #makeDirs(sftp: SFTPWrapper, dir: string): Promise<void> {
    const missing: string[] = [];
    for (let at = dir; at !== '/'; at = posix.dirname(at)) {
      try {
        if ((await call<Stats>((done) => sftp.stat(at, done))).isDirectory()) break;
      } catch (err) {
        if (!isMissing(err)) throw err;
      }
      missing.unshift(at);
    }
    for (const path of missing) {
      await call((done) => sftp.mkdir(path, { mode: 0o700 }, done)).catch(async (err: unknown) => {
        const made = await call<Stats>((done) => sftp.stat(path, done)).catch(() => null);
        if (!made?.isDirectory()) throw err;
      });
    }
  }

  async put(name: string, file: string, digest: ObjectDigest): Promise<void> {
    const path = this.#path(name);
    const sftp = await this.#sftp();
    await this.#makeDirs(sftp, posix.dirname(path));
    const partial = `${path}.partial-${randomBytes(6).toString('hex')}`;
    try {
      await call((done) => sftp.fastPut(file, partial, { mode: 0o600 }, done));
      // fsync flushes the file's data whichever descriptor it is called on.
      const handle = await call<Buffer>((done) => sftp.open(partial, 'r', done));
      try {
        await call((done) => sftp.ext_openssh_fsync(handle, done));
      } finally {
        await call((done) => sftp.close(handle, done));
      }
      await call((done) => sftp.ext_openssh_rename(partial, path, done));
    } catch (err) {
      await call((done) => sftp.unlink(partial, done)).catch(() => undefined);
      throw err;
    }
    const stored = await this.#digest(sftp, path);
    if (stored.size !== digest.size || stored.sha256 !== digest.sha256) {
      throw new TargetNotConfirmed(`${name}: the backup host returned ${stored.size} bytes and another checksum than the ${digest.size} bytes sent`);
    }
  }

  async #digest(sftp: SFTPWrapper, path: string): Promise<{ size: number; sha256: string }> {
    const hash = createHash('sha256');
    let size = 0;
    await pipeline(sftp.createReadStream(path), async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        size += chunk.length;
        hash.update(chunk);
      }
    });
    return { size, sha256: hash.digest('hex') };
  }

  async get(name: string, file: string): Promise<void> {
    const path = this.#path(name);
    const sftp = await this.#sftp();
    // Asked first, so a missing object leaves no empty local file behind.
    await call<Stats>((done) => sftp.stat(path, done)).catch((err: unknown) => {
      throw isMissing(err) ? new ObjectMissing(name) : err;
    });
    await pipeline(sftp.createReadStream(path), createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  }

  async list(prefix: string): Promise<StoredObject[]> {
    const sftp = await this.#sftp();
    const found: StoredObject[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await call<ssh2.FileEntryWithStats[]>((done) => sftp.readdir(dir, done));
      } catch (err) {
        if (isMissing(err)) return;
        throw err;
      }
      for (const entry of entries) {
        const path = posix.join(dir, entry.filename);
        if (entry.attrs.isDirectory()) await walk(path);
        else if (entry.attrs.isFile() && !entry.filename.includes('.partial-')) {
          const name = posix.relative(this.config.path, path);
          if (name.startsWith(prefix)) found.push({ name, size: entry.attrs.size });
        }
      }
    };
    await walk(this.config.path);
    return found.sort((a, b) => a.name.localeCompare(b.name));
  }

  async delete(name: string): Promise<void> {
    const path = this.#path(name);
    const sftp = await this.#sftp();
    await call((done) => sftp.unlink(path, done)).catch((err: unknown) => {
      if (!isMissing(err)) throw err;
    });
    // Empty run directories go with their last object.
    for (let dir = posix.dirname(path); dir.startsWith(`${this.config.path}/`); dir = posix.dirname(dir)) {
      const removed = await call((done) => sftp.rmdir(dir, done)).then(
        () => true,
        () => false,
      );
      if (!removed) break;
    }
  }

  close(): void {
    const session = this.#session;
    this.#session = null;
    void session?.then(({ client }) => client.end()).catch(() => undefined);
  }
}
