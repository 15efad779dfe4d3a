// Versioned root keys (docs/architecture.md, "Keys"). Each of the three root keys is a
// set of versions: the newest seals (or signs) everything new, older ones stay so what they sealed
// still opens, until `spinney keys rewrap` has moved everything and `spinney keys retire` drops them.
//
// A key given the old way — one secret in the variable or file — is version 1. `spinney keys
// rotate` turns a key file into a key set file:
//
//   # spinney root key set v1
//   1 - <key>
//   2 2026-11-23T10:00:00.000Z <key>
//
// one version per line: number, when it was added ("-" if unknown), the key (no whitespace; its
// UTF-8 bytes are the key, exactly like a single-key file).
//
// Several processes share the files (the server under PM2, the CLI). A process re-reads the file
// when asked for a version it does not know (the CLI rewrapped with a version the server has not
// seen) and, at most once a second, when asked for the newest one (the CLI rotated), so no restart
// is needed for either.
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { SettingNameOf } from '../config/settings.js';

export type RootKeyName = 'signing' | 'app' | 'sensitive';
export const ROOT_KEY_NAMES: readonly RootKeyName[] = ['signing', 'app', 'sensitive'];

export const ROOT_KEY_VARIABLES: Record<RootKeyName, SettingNameOf<'secret'>> = {
  signing: 'SPINNEY_TOKEN_SIGNING_KEY',
  app: 'SPINNEY_APP_SECRETS_KEY',
  sensitive: 'SPINNEY_SENSITIVE_FIELDS_KEY',
};

export interface RootKeyVersion {
  readonly version: number;
  readonly key: Buffer;
  /** When `spinney keys rotate` added it; null for a key from before versions were recorded. */
  readonly addedAt: string | null;
}

const HEADER = '# spinney root key set v1';
const LINE = /^(\d{1,9}) (-|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z) (\S+)$/;
/** A process re-reads its key files at most this often when asked for the newest version. */
export const RECHECK_MS = 1000;

export class KeySetError extends Error {
  override name = 'KeySetError';
}

/** A single key (any bytes) is version 1; a key set file lists its versions. */
export function parseKeySet(bytes: Buffer): RootKeyVersion[] {
  const text = bytes.toString('utf8');
  if (!text.startsWith(HEADER)) return [{ version: 1, key: bytes, addedAt: null }];
  const versions: RootKeyVersion[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = LINE.exec(line);
    if (!match) throw new KeySetError(`line ${i + 1} is not "<version> <added-at|-> <key>"`);
    const version = Number(match[1]);
    if (version < 1 || versions.some((v) => v.version === version)) throw new KeySetError(`line ${i + 1}: version ${version} is not a new positive number`);
    versions.push({ version, key: Buffer.from(match[3] as string, 'utf8'), addedAt: match[2] === '-' ? null : (match[2] as string) });
  }
  if (versions.length === 0) throw new KeySetError('the key set has no versions');
  return versions.sort((a, b) => a.version - b.version);
}

function formatKeySet(versions: readonly RootKeyVersion[]): string {
  const lines = versions.map((v) => {
    const text = v.key.toString('utf8');
    if (!/^\S+$/.test(text) || !Buffer.from(text, 'utf8').equals(v.key)) {
      throw new KeySetError(`version ${v.version} is not printable text without spaces; replace the key file by a key set by hand (see docs/operations.md)`);
    }
    return `${v.version} ${v.addedAt ?? '-'} ${text}`;
  });
  return `${HEADER}\n# One version per line: number, added at, key. The newest seals and signs; older ones only open.\n${lines.join('\n')}\n`;
}

/** Where a key set came from: a file (re-read when it changes, rewritable) or the environment (fixed). */
export type KeySource = { kind: 'file'; path: string } | { kind: 'env'; variable: string };

export class RootKeySet {
  readonly name: RootKeyName;
  readonly source: KeySource;
  #versions: RootKeyVersion[];
  #fileStamp = '';
  #checkedAt = 0;

  constructor(name: RootKeyName, source: KeySource, versions: RootKeyVersion[]) {
    this.name = name;
    this.source = source;
    this.#versions = versions;
    if (source.kind === 'file') this.#fileStamp = stampOf(source.path);
    this.#checkedAt = performance.now();
  }

  /** The version that seals and signs now. */
  current(): RootKeyVersion {
    if (performance.now() - this.#checkedAt > RECHECK_MS) this.#reloadIfChanged();
    return this.#versions.at(-1) as RootKeyVersion;
  }

  /** A version's key, or undefined if this set does not have (or no longer has) it. */
  get(version: number): Buffer | undefined {
    let found = this.#versions.find((v) => v.version === version);
    if (!found) {
      this.#reloadIfChanged();
      found = this.#versions.find((v) => v.version === version);
    }
    return found?.key;
  }

  versions(): readonly RootKeyVersion[] {
    return this.#versions;
  }

  /** When the key file last changed (ms since the epoch); null for a key from the environment or a missing file. */
  fileChangedAt(): number | null {
    if (this.source.kind !== 'file') return null;
    try {
      return statSync(this.source.path).mtimeMs;
    } catch {
      return null;
    }
  }

  /** Re-reads the file if it changed. A file that no longer parses is ignored (the last good set stays). */
  #reloadIfChanged(): void {
    this.#checkedAt = performance.now();
    if (this.source.kind !== 'file') return;
    const stamp = stampOf(this.source.path);
    if (stamp === this.#fileStamp) return;
    try {
      this.#versions = parseKeySet(readKeyFile(this.source.path));
      this.#fileStamp = stamp;
    } catch {
      // Keep signing and opening with what we had; `spinney keys status` shows the file's problem.
    }
  }

  /** Adds a new random version to the key file; the newest version seals and signs from now on. */
  addVersion(now: string): RootKeyVersion {
    const path = this.#writablePath();
    const versions = parseKeySet(readKeyFile(path));
    const added: RootKeyVersion = { version: (versions.at(-1) as RootKeyVersion).version + 1, key: Buffer.from(randomBytes(48).toString('base64url'), 'utf8'), addedAt: now };
    this.#write(path, [...versions, added]);
    return added;
  }

  /** Removes a version from the key file (the caller has checked nothing uses it). */
  removeVersion(version: number): void {
    const path = this.#writablePath();
    const versions = parseKeySet(readKeyFile(path));
    if (!versions.some((v) => v.version === version)) throw new KeySetError(`version ${version} is not in ${path}`);
    if ((versions.at(-1) as RootKeyVersion).version === version) throw new KeySetError(`version ${version} is the newest; rotate first`);
    this.#write(path, versions.filter((v) => v.version !== version));
  }

  #writablePath(): string {
    if (this.source.kind === 'env') {
      throw new KeySetError(`${this.source.variable} is set in the environment, which spinney cannot change; put the key in a file named by ${this.source.variable}_FILE to rotate it`);
    }
    return this.source.path;
  }

  /** Writes a sibling file and renames it over the old one: a reader sees the old set or the new, never half. */
  #write(path: string, versions: readonly RootKeyVersion[]): void {
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, formatKeySet(versions), { mode: 0o600, flag: 'w' });
    renameSync(temporary, path);
    this.#versions = [...versions];
    this.#fileStamp = stampOf(path);
  }
}

/** Raw bytes without one trailing newline (LF or CRLF), so `openssl rand -base64 48 > key` works. */
export function readKeyFile(path: string): Buffer {
  const bytes = readFileSync(path);
  const end = bytes.at(-1) === 0x0a ? (bytes.at(-2) === 0x0d ? bytes.length - 2 : bytes.length - 1) : bytes.length;
  return bytes.subarray(0, end);
}

/**
 * Identifies one state of a key file. The inode changes with every write spinney makes (write and
 * rename), where the modification time alone could repeat within the file system's granularity.
 */
function stampOf(path: string): string {
  try {
    const { ino, size, mtimeMs } = statSync(path);
    return `${ino}:${size}:${mtimeMs}`;
  } catch {
    return 'missing';
  }
}
