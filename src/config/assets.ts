// The one place that knows where Spinney's own files come from: the repository (package.json,
// migrations/, web/dist/) when run from a checkout, or the single executable's SEA assets when run as
// the release built by tools/release/build.mjs (which also writes the manifest read here).
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as sea from 'node:sea';
import { fileURLToPath } from 'node:url';

/** What tools/release/build.mjs packs as the asset `manifest.json`: every asset's key and SHA-256. */
export interface ReleaseManifest {
  assets: Record<string, string>;
}

let manifest: ReleaseManifest | undefined;

/** True when running as the single executable. */
export function isPackaged(): boolean {
  return sea.isSea();
}

function releaseManifest(): ReleaseManifest {
  manifest ??= JSON.parse(Buffer.from(sea.getAsset('manifest.json')).toString('utf8')) as ReleaseManifest;
  return manifest;
}

// Only evaluated outside the executable (inside, import.meta.url names the executable itself).
// src/config/ and dist/config/ are both two levels below the project root.
function repositoryPath(path: string): string {
  return join(fileURLToPath(new URL('../../', import.meta.url)), path);
}

/** A file by its path from the project root, e.g. `migrations/control/0001_init.sql`. */
export function readAsset(path: string): Buffer {
  if (!isPackaged()) return readFileSync(repositoryPath(path));
  if (!(path in releaseManifest().assets)) throw Object.assign(new Error(`${path} is not part of this release`), { code: 'ENOENT' });
  return Buffer.from(sea.getAsset(path));
}

/** The names of the files directly in a folder (`web/dist/assets`); a missing folder throws ENOENT either way. */
export function listAssets(dir: string): string[] {
  if (!isPackaged()) return readdirSync(repositoryPath(dir), { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  const prefix = `${dir}/`;
  const names = Object.keys(releaseManifest().assets)
    .filter((key) => key.startsWith(prefix) && !key.slice(prefix.length).includes('/'))
    .map((key) => key.slice(prefix.length));
  if (names.length === 0) throw Object.assign(new Error(`${dir} is not part of this release`), { code: 'ENOENT' });
  return names;
}

/**
 * Writes bytes to a fresh private (0700) directory under the OS temp dir, reads them back and checks
 * them against `sha256`. Returns the file and its directory (the caller removes it); when the bytes
 * on disk differ, removes the directory and throws, so nothing unchecked is ever loaded.
 */
export function writeVerifiedFile(name: string, bytes: Uint8Array, sha256: string): { file: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'spinney-addon-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, bytes, { mode: 0o700, flag: 'wx' });
    const actual = createHash('sha256').update(readFileSync(file)).digest('hex');
    if (actual !== sha256) throw new Error(`${name} written to ${dir} does not match this release (sha256 ${actual}, expected ${sha256})`);
    return { file, dir };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** Loads a native addon packed in the executable, checked by writeVerifiedFile, then removes the file (a loaded library stays mapped). */
export function loadPackagedAddon(key: string): unknown {
  const expected = releaseManifest().assets[key];
  if (!expected) throw new Error(`${key} is not part of this release`);
  const { file, dir } = writeVerifiedFile(key, new Uint8Array(sea.getAsset(key)), expected);
  try {
    const addon = { exports: {} };
    process.dlopen(addon, file);
    return addon.exports;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
