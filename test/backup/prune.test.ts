// Retention: every run of the last 48 hours, one a day for 30 days, never the newest run nor the
// newest run of a workspace that still exists; failed runs go after 48 hours; runs whose manifest
// does not authenticate stay for a person to look at.
import t from 'tap';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBackup } from '../../src/backup/backup-run.js';
import type { RunEntry } from '../../src/backup/catalog.js';
import { newRunId, runPrefix } from '../../src/backup/layout.js';
import type { Manifest } from '../../src/backup/manifest.js';
import { pruneBackups, runsToDelete } from '../../src/backup/prune.js';
import { restoreTenant } from '../../src/backup/restore.js';
import { ManualClock } from '../../src/time/clock.js';
import { build, TEST_KEYS } from '../helpers/app.js';
import { spinney } from '../helpers/cli.js';
import { addContact, contactNames, storedObjects } from './helpers.js';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-23T12:30:00Z');
const retention = { keepAllHours: 48, keepDailyDays: 30 };

const complete = (at: number, tenants = ['tn_a']): RunEntry => {
  const runId = newRunId(at);
  const manifest = { runId, startedAt: new Date(at).toISOString(), objects: tenants.map((tenantId) => ({ kind: 'tenant', tenantId })) } as unknown as Manifest;
  return { runId, status: 'complete', manifest, keyVersion: 1, bytes: 1 };
};

t.test('retention keeps every run of 48 hours, the newest of each day for 30 days, and deletes the rest', async (t) => {
  const runs = Array.from({ length: 40 * 24 }, (_, i) => complete(NOW - i * HOUR)).reverse();
  const deleted = new Set(runsToDelete(runs, NOW, retention, new Set(['tn_a'])));
  const kept = runs.filter((r) => !deleted.has(r.runId));
  const keptTimes = kept.map((r) => (r.status === 'complete' ? Date.parse(r.manifest.startedAt) : 0));
  t.equal(keptTimes.filter((at) => NOW - at <= 48 * HOUR).length, 49, 'all 49 runs of the last 48 hours');
  const older = keptTimes.filter((at) => NOW - at > 48 * HOUR);
  const days = new Set(older.map((at) => new Date(at).toISOString().slice(0, 10)));
  t.equal(days.size, older.length, 'one run per day beyond that');
  t.ok(older.every((at) => NOW - at <= 30 * 24 * HOUR), 'none older than 30 days');
  const day = (at: number): string => new Date(at).toISOString().slice(0, 10);
  const allOlder = runs.map((r) => (r.status === 'complete' ? Date.parse(r.manifest.startedAt) : 0)).filter((at) => NOW - at > 48 * HOUR);
  t.ok(older.every((at) => allOlder.every((other) => day(other) !== day(at) || other <= at)), 'the newest run of each day');
  t.equal(kept.length + deleted.size, runs.length);
});

t.test('the newest run, and the newest run of each live workspace, are never deleted; failed runs go after 48 hours; unauthenticated ones stay', async (t) => {
  const old = NOW - 90 * 24 * HOUR;
  const onlyB = complete(old - HOUR, ['tn_b']);
  const onlyGone = complete(old - 2 * HOUR, ['tn_gone']);
  const newest = complete(old, ['tn_a']);
  const failedOld: RunEntry = { runId: newRunId(NOW - 49 * HOUR), status: 'incomplete', bytes: 5 };
  const failedRecent: RunEntry = { runId: newRunId(NOW - HOUR), status: 'incomplete', bytes: 5 };
  const forged: RunEntry = { runId: newRunId(old - 3 * HOUR), status: 'unauthenticated', reason: 'edited', bytes: 5 };
  const deleted = runsToDelete([forged, onlyGone, onlyB, newest, failedOld, failedRecent], NOW, retention, new Set(['tn_a', 'tn_b']));
  t.same(deleted.sort(), [onlyGone.runId, failedOld.runId].sort());
});

t.test('spinney backup prune deletes what retention lets go, and what is left still restores', async (t) => {
  const clock = new ManualClock(Date.parse('2026-11-01T10:00:00Z'));
  const api = await build(t, {}, [], { clock });
  const tenant = api.tenant();
  await addContact(api, tenant.token(), 'First');
  const first = await runBackup(api.runtime, { actor: 'operator' });
  clock.advance(HOUR);
  await addContact(api, tenant.token(), 'Second');
  const second = await runBackup(api.runtime, { actor: 'operator' });
  clock.advance(5 * 24 * HOUR);

  const stored = storedObjects(api.config.backup.dir);
  const dry = await pruneBackups(api.runtime, { actor: 'operator', dryRun: true });
  t.match(dry, { dryRun: true, runs: 2, deleted: [first.runId] }, 'a dry run names the run that would go');
  t.same(storedObjects(api.config.backup.dir), stored, 'and deletes nothing');
  t.equal(api.runtime.control.statement(`SELECT count(*) FROM audit_events WHERE action = 'backup.pruned'`).pluck().get(), 0, 'nor records a prune');

  const summary = await pruneBackups(api.runtime, { actor: 'operator' });
  t.same(summary.deleted, [first.runId], 'the older run of the same day goes');
  t.equal(summary.dryRun, false);
  t.same(summary.bytesByRun, dry.bytesByRun, 'the bytes the dry run announced');
  t.equal(summary.bytesFreed, dry.bytesFreed);
  t.equal(summary.bytesFreed, summary.bytesByRun[first.runId]);
  t.equal(summary.runs, 2);
  t.ok(summary.bytesFreed > 0);
  t.notOk(existsSync(join(api.config.backup.dir, runPrefix(first.runId))), 'its directory is gone');
  t.ok(existsSync(join(api.config.backup.dir, runPrefix(second.runId))));
  const event = api.runtime.control.statement(`SELECT after FROM audit_events WHERE action = 'backup.pruned'`).pluck().get() as string;
  t.match(JSON.parse(event), { deleted: [first.runId], kept: 1 });

  await restoreTenant(api.runtime, { tenantId: tenant.id, runId: second.runId, settleMs: 0 });
  t.same(await contactNames(api, tenant.token()), ['First', 'Second']);
  t.same((await pruneBackups(api.runtime, { actor: 'operator' })).deleted, [], 'the newest run stays however old');
});

t.test('spinney backup prune --dry-run lists the runs that would go and their size, and deletes nothing', async (t) => {
  const api = await build(t);
  api.tenant();
  const env = { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: api.config.dataDir, ...TEST_KEYS };
  const kept = await runBackup(api.runtime, { actor: 'operator' });
  // A run cut short three days ago (objects, no manifest): retention lets it go after 48 hours.
  const failed = newRunId(Date.now() - 72 * HOUR);
  mkdirSync(join(api.config.backup.dir, runPrefix(failed), 'tenants'), { recursive: true });
  writeFileSync(join(api.config.backup.dir, runPrefix(failed), 'control.db.gz.enc'), Buffer.alloc(3000, 1));
  writeFileSync(join(api.config.backup.dir, runPrefix(failed), 'tenants', 'tn_x.db.gz.enc'), Buffer.alloc(2120, 2));
  const stored = storedObjects(api.config.backup.dir);

  const dry = await spinney(['backup', 'prune', '--dry-run'], env);
  t.equal(dry.code, 0, dry.stderr);
  t.equal(dry.stdout, `would delete ${failed}  5.0 KiB\ndry run: would delete 1 of 2 run(s), 5.0 KiB; nothing deleted\n`);
  const json = await spinney(['backup', 'prune', '--dry-run', '--json'], env);
  t.same(JSON.parse(json.stdout), { dryRun: true, runs: 2, deleted: [failed], bytesByRun: { [failed]: 5120 }, bytesFreed: 5120, unauthenticated: [] });
  t.same(storedObjects(api.config.backup.dir), stored, 'every object is still there');
  t.equal(api.runtime.control.statement(`SELECT count(*) FROM audit_events WHERE action = 'backup.pruned'`).pluck().get(), 0);

  const real = await spinney(['backup', 'prune'], env);
  t.equal(real.stdout, 'deleted 1 of 2 run(s), 5.0 KiB freed\n');
  t.notOk(existsSync(join(api.config.backup.dir, runPrefix(failed), 'control.db.gz.enc')));
  t.ok(existsSync(join(api.config.backup.dir, runPrefix(kept.runId), 'manifest.json')));
});
