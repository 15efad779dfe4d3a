// Names of the objects on a target (docs/backup-format.md) and the working directory in the data
// dir's tmp/ where copies are made and objects opened.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';

export const RUNS_PREFIX = 'runs/';
/** The one keyring copy per target: rewritten by every run and by every purge. */
export const KEYRING_OBJECT = 'keyring/keyring.db.gz.enc';

export const runPrefix = (runId: string): string => `${RUNS_PREFIX}${runId}/`;
export const manifestName = (runId: string): string => `${runPrefix(runId)}manifest.json`;
export const controlObjectName = (runId: string): string => `${runPrefix(runId)}control.db.gz.enc`;
export const tenantObjectName = (runId: string, tenantId: string): string => `${runPrefix(runId)}tenants/${tenantId}.db.gz.enc`;

const RUN_ID = /^\d{8}T\d{9}Z-[a-z2-7]{6}$/;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** Run ids sort by the time they were made (to the millisecond), then by a random suffix. */
export function newRunId(nowMs: number): string {
  const stamp = new Date(nowMs).toISOString().replace(/[-:.]/g, '');
  const suffix = [...randomBytes(6)].map((b) => BASE32[b & 31]).join('');
  return `${stamp}-${suffix}`;
}

export const isRunId = (value: string): boolean => RUN_ID.test(value);

/** A fresh directory for one operation's temporary files, owner-only, inside <data dir>/tmp/. */
export function makeWorkDir(dataDir: string, label: string): string {
  const tmp = join(dataDir, 'tmp');
  mkdirSync(tmp, { recursive: true, mode: 0o700 });
  return mkdtempSync(join(tmp, `${label}-`));
}
