// Shared by the job tests: a real app on a ManualClock, a captured job log, and job_runs rows.
import { Writable } from 'node:stream';
import pino from 'pino';
import type { JobLogger } from '../../src/jobs/job.js';
import type { JobRunRow } from '../../src/jobs/job-runs.repo.js';
import type { Runtime } from '../../src/runtime.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { ManualClock } from '../../src/time/clock.js';
import { build, type Teardown, type TestApp } from '../helpers/app.js';

export const DAY = 86_400_000;
export const NOW = Date.parse('2026-06-01T12:00:00.000Z');

export async function jobApp(t: Teardown): Promise<{ api: TestApp; clock: ManualClock }> {
  const clock = new ManualClock(NOW);
  const api = await build(t, {}, [], { clock });
  return { api, clock };
}

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** A pino logger whose lines are kept as parsed objects. */
export function captureLog(): { log: JobLogger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
      callback();
    },
  });
  return { log: pino({ level: 'debug' }, stream), lines };
}

export const inTenant = <T>(runtime: Runtime, tenantId: string, fn: () => T): T => runtime.tenancy.run(tenantId, { actor: null, requestId: null }, fn);

/** Counts rows in one table of a tenant database. */
export const tenantRows = (runtime: Runtime, tenantId: string, table: string): number =>
  inTenant(runtime, tenantId, () => tenantDb().statement(`SELECT count(*) FROM ${table}`).pluck().get() as number);

export const jobRuns = (runtime: Runtime, job: string): JobRunRow[] =>
  runtime.control.statement('SELECT * FROM job_runs WHERE job = ? ORDER BY started_at, rowid').all(job) as JobRunRow[];

export const at = (ms: number): string => new Date(ms).toISOString();
