// The hash chain of an audit log. Each row's hash is SHA-256 over a canonical encoding of its
// content and the previous row's hash; the first row chains to GENESIS. Verification walks the
// rows in seq order and reports the first one that does not fit.
import { createHash } from 'node:crypto';

export const GENESIS = '0'.repeat(64);

/** One audit row as stored (JSON columns as text). */
export interface AuditRow {
  seq: number;
  id: string;
  at: string;
  actor_type: string;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  tenant_id: string | null;
  request_id: string | null;
  ip: string | null;
  user_agent: string | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

const HASHED_FIELDS = [
  'seq', 'id', 'at', 'actor_type', 'actor_id', 'actor_role', 'action', 'target_type', 'target_id',
  'tenant_id', 'request_id', 'ip', 'user_agent', 'before', 'after', 'prev_hash',
] as const satisfies readonly (keyof AuditRow)[];

/** Canonical: a JSON array of the fields in a fixed order, so no key order or spacing matters. */
export function hashAuditRow(row: Omit<AuditRow, 'hash'>): string {
  return createHash('sha256').update(JSON.stringify(HASHED_FIELDS.map((field) => row[field] ?? null))).digest('hex');
}

export interface ChainReport {
  ok: boolean;
  rows: number;
  /** The first row that breaks the chain, and why. */
  broken?: { seq: number; reason: string };
}

export function verifyAuditChain(rows: Iterable<AuditRow>): ChainReport {
  let previous = GENESIS;
  let expectedSeq = 1;
  let count = 0;
  for (const row of rows) {
    count += 1;
    if (row.seq !== expectedSeq) return { ok: false, rows: count, broken: { seq: row.seq, reason: `expected row ${expectedSeq} next (rows missing or reordered)` } };
    if (row.prev_hash !== previous) return { ok: false, rows: count, broken: { seq: row.seq, reason: 'does not chain to the row before it (a row was removed or reordered)' } };
    if (hashAuditRow(row) !== row.hash) return { ok: false, rows: count, broken: { seq: row.seq, reason: 'content does not match its hash (the row was edited)' } };
    previous = row.hash;
    expectedSeq += 1;
  }
  return { ok: true, rows: count };
}
