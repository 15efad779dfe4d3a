// Shared by the backup tests: a real app whose backups go to a directory of the test, contacts
// made through the API, and readers for what lands on the target.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { openManifest, type Manifest } from '../../src/backup/manifest.js';
import { manifestName } from '../../src/backup/layout.js';
import { newId } from '../../src/http/ids.js';
import { tenantDb } from '../../src/tenancy/context.js';
import type { TestApp } from '../helpers/app.js';

export const contactNames = async (api: TestApp, token: string): Promise<string[]> => {
  const res = await api.call({ method: 'GET', url: '/api/v1/contacts?limit=100', token });
  return (res.json().items as { name: string }[]).map((c) => c.name).sort();
};

export async function addContact(api: TestApp, token: string, name: string): Promise<string> {
  const res = await api.call({ method: 'POST', url: '/api/v1/contacts', token, payload: { name, notes: `notes of ${name}` } });
  if (res.statusCode !== 201) throw new Error(`contact not created: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

/** Every file under the local target, by object name. */
export function storedObjects(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(d, entry.name));
      else out.push(relative(dir, join(d, entry.name)));
    }
  };
  walk(dir);
  return out.sort();
}

export function readManifest(api: TestApp, runId: string): Manifest {
  return openManifest(api.config, runId, readFileSync(join(api.config.backup.dir, manifestName(runId))));
}

/** Rows of random (incompressible) notes, straight into the workspace's database: objects of several chunks. */
export function seedBulk(api: TestApp, tenantId: string, rows: number, notesChars = 5000): void {
  api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, () => {
    const db = tenantDb();
    const insert = db.statement(`INSERT INTO contacts (id, name, notes, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, 'us_seed', ?, 'us_seed')`);
    db.transaction(() => {
      for (let i = 0; i < rows; i += 1) {
        const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
        insert.run(newId('contact'), `Bulk ${i}`, randomBytes(Math.ceil((notesChars * 3) / 4)).toString('base64').slice(0, notesChars), at, at);
      }
    });
  });
}

/** The root keys as files in `dir` (settings for build()), so a test can rotate one as an operator does (`spinney keys rotate`). */
export function rootKeyFiles(dir: string): Record<string, string> {
  const files = { signing: join(dir, 'signing.key'), app: join(dir, 'app.key'), sensitive: join(dir, 'sensitive.key') };
  writeFileSync(files.signing, 'signing-root-key-version-one-0123456789abcdef\n');
  writeFileSync(files.app, 'app-root-key-version-one-0123456789abcdef0123\n');
  writeFileSync(files.sensitive, 'sensitive-root-key-version-one-0123456789abcd\n');
  return {
    SPINNEY_TOKEN_SIGNING_KEY: '',
    SPINNEY_APP_SECRETS_KEY: '',
    SPINNEY_SENSITIVE_FIELDS_KEY: '',
    SPINNEY_TOKEN_SIGNING_KEY_FILE: files.signing,
    SPINNEY_APP_SECRETS_KEY_FILE: files.app,
    SPINNEY_SENSITIVE_FIELDS_KEY_FILE: files.sensitive,
  };
}
