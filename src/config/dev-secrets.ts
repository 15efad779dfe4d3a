// Development and test only: secrets generated once into <dataDir>/dev-secrets/ so a fresh clone
// starts without setup and keeps its tokens valid across restarts. Production never calls this.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function ensureDevSecret(dataDir: string, name: string): { value: Buffer; path: string; created: boolean } {
  const dir = join(dataDir, 'dev-secrets');
  const path = join(dir, name);
  try {
    return { value: Buffer.from(readFileSync(path, 'utf8').trim(), 'utf8'), path, created: false };
  } catch {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const value = randomBytes(48).toString('base64url');
    // 'wx' fails if another process created it first; then read theirs.
    try {
      writeFileSync(path, `${value}\n`, { mode: 0o600, flag: 'wx' });
    } catch {
      return { value: Buffer.from(readFileSync(path, 'utf8').trim(), 'utf8'), path, created: false };
    }
    return { value: Buffer.from(value, 'utf8'), path, created: true };
  }
}
