// Reading a workspace's audit log: a filtered, paginated list (newest first) and a download of
// every matching event in chain order as JSON lines or CSV, streamed in chunks.
import { AsyncResource } from 'node:async_hooks';
import { Readable } from 'node:stream';
import { badRequest } from '../http/errors.js';
import { tenantDb } from '../tenancy/context.js';
import type { AuditRow } from './audit-chain.js';
import { findAuditRowsInOrder, findAuditRowsNewestFirst, type AuditFilter } from './audit.repo.js';
import type { AuditDownloadQuery, AuditEvent, AuditListQuery } from './audit.schemas.js';

const parseJson = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export function toAuditEvent(row: AuditRow): AuditEvent {
  return {
    seq: row.seq,
    id: row.id,
    at: row.at,
    actor: { type: row.actor_type, id: row.actor_id, role: row.actor_role },
    action: row.action,
    target: row.target_type && row.target_id ? { type: row.target_type, id: row.target_id } : null,
    requestId: row.request_id,
    ip: row.ip,
    userAgent: row.user_agent,
    before: parseJson(row.before),
    after: parseJson(row.after),
    hash: row.hash,
  };
}

function toFilter(query: Omit<AuditDownloadQuery, 'format'>): AuditFilter {
  const time = (value: string | undefined, field: string): string | null => {
    if (value === undefined) return null;
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) throw badRequest('invalid_field', `${field} must be a date-time`, field);
    return date.toISOString(); // the stored format, so string comparison is time comparison
  };
  return {
    actor: query.actor ?? null,
    action: query.action ?? null,
    targetType: query.targetType ?? null,
    targetId: query.targetId ?? null,
    from: time(query.from, 'from'),
    to: time(query.to, 'to'),
  };
}

export function listAuditEvents(query: AuditListQuery): { items: AuditEvent[]; nextCursor: string | null } {
  const limit = query.limit ?? 50;
  const rows = findAuditRowsNewestFirst(tenantDb(), toFilter(query), query.cursor === undefined ? null : Number(query.cursor), limit + 1);
  const items = rows.slice(0, limit).map(toAuditEvent);
  return { items, nextCursor: rows.length > limit ? String(items[items.length - 1]?.seq) : null };
}

const CSV_COLUMNS = ['seq', 'id', 'at', 'actor_type', 'actor_id', 'actor_role', 'action', 'target_type', 'target_id', 'request_id', 'ip', 'user_agent', 'before', 'after', 'hash'] as const;

/**
 * One CSV cell, always quoted (RFC 4180): a spreadsheet that splits on `;` or tab instead of `,`
 * still reads one cell, so text after a `;` inside a value never becomes a cell of its own. A value
 * a spreadsheet would run as a formula (=, +, -, @, tab, CR, after any leading spaces) also gets a
 * leading apostrophe, so opening an export cannot execute what a client once typed.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '""';
  let text = String(value);
  if (typeof value === 'string' && /^[ ]*[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

const CHUNK = 500;

/**
 * Every matching event, oldest first, as a stream. Each chunk is read inside the request's tenant
 * scope (bound once, here), with a fresh handle and a short synchronous query: the stream never
 * holds a handle or an open statement while it waits for the client.
 */
export function downloadAuditEvents(query: AuditDownloadQuery): Readable {
  const filter = toFilter(query);
  const inScope = AsyncResource.bind(<T>(fn: () => T): T => fn());
  const csv = query.format === 'csv';
  async function* lines(): AsyncGenerator<string> {
    if (csv) yield `${CSV_COLUMNS.map(csvCell).join(',')}\r\n`;
    let after = 0;
    for (;;) {
      const rows = inScope(() => findAuditRowsInOrder(tenantDb(), filter, after, CHUNK));
      for (const row of rows) {
        yield csv ? `${CSV_COLUMNS.map((column) => csvCell(row[column])).join(',')}\r\n` : `${JSON.stringify(toAuditEvent(row))}\n`;
      }
      if (rows.length < CHUNK) return;
      after = (rows[rows.length - 1] as AuditRow).seq;
    }
  }
  return Readable.from(lines());
}
