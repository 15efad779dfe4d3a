// Shared by the backup tests: a real app whose backups go to a directory of the test, contacts
// made through the API, and readers for what lands on the target.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { openManifest, type Manifest } from '../../src/backup/manifest.js';
import { manifestName } from '../../src/backup/layout.js';
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
