// SQL for the files table. Every function takes the tenant handle: the handle is the workspace.
import type { Position } from '../http/pagination.js';
import type { TenantHandle } from '../tenancy/tenant-handle.js';

export interface FileRow {
  id: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  chunk_count: number;
  contact_id: string | null;
  lead_id: string | null;
  estimate_id: string | null;
  event_id: string | null;
  mail_id: string | null;
  /** The received message it was kept from (mail_in), when it came as an attachment. */
  inbound_message_id: string | null;
  created_at: string;
  created_by: string;
}

/** The record kinds a file attaches to, by the column that names them. */
export type LinkColumn = 'contact_id' | 'lead_id' | 'estimate_id' | 'event_id' | 'mail_id';
export type Links = Partial<Record<LinkColumn, string>>;

const LINK_COLUMNS: readonly LinkColumn[] = ['contact_id', 'lead_id', 'estimate_id', 'event_id', 'mail_id'];

export function insertFile(db: TenantHandle, row: FileRow): void {
  db.statement(
    `INSERT INTO files (id, name, type, size, sha256, chunk_count, contact_id, lead_id, estimate_id, event_id, mail_id, inbound_message_id, created_at, created_by)
     VALUES (@id, @name, @type, @size, @sha256, @chunk_count, @contact_id, @lead_id, @estimate_id, @event_id, @mail_id, @inbound_message_id, @created_at, @created_by)`,
  ).run(row);
}

export function findFile(db: TenantHandle, id: string): FileRow | undefined {
  return db.statement('SELECT * FROM files WHERE id = ?').get(id) as FileRow | undefined;
}

export function deleteFileRow(db: TenantHandle, id: string): boolean {
  return db.statement('DELETE FROM files WHERE id = ?').run(id).changes === 1;
}

/** The bytes (plaintext sizes) of every file the workspace holds: what its quota counts. */
export function storedBytes(db: TenantHandle): number {
  return (db.statement('SELECT coalesce(sum(size), 0) AS bytes FROM files').get() as { bytes: number }).bytes;
}

const LINK_FILTER = LINK_COLUMNS.map((column) => `(@${column} IS NULL OR ${column} = @${column})`).join(' AND ');

/** Newest first; `links` narrows to the files attached to every record it names. */
export function listFileRows(db: TenantHandle, filter: { links: Links; before: Position | null; limit: number }): FileRow[] {
  const links = Object.fromEntries(LINK_COLUMNS.map((column) => [column, filter.links[column] ?? null]));
  return db
    .statement(
      `SELECT * FROM files
       WHERE ${LINK_FILTER}
         AND (@beforeAt IS NULL OR (created_at, id) < (@beforeAt, @beforeId))
       ORDER BY created_at DESC, id DESC LIMIT @limit`,
    )
    .all({ ...links, beforeAt: filter.before?.createdAt ?? null, beforeId: filter.before?.id ?? null, limit: filter.limit }) as FileRow[];
}

/** Whether a record a file would attach to exists in this workspace (by its table). */
export function recordExists(db: TenantHandle, table: 'contacts' | 'leads' | 'estimates' | 'mail_messages' | 'calendar_events', id: string): boolean {
  return db.statement(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
}

/** Every file, oldest first (the export's files/ entries). */
export function allFileRows(db: TenantHandle): FileRow[] {
  return db.statement('SELECT * FROM files ORDER BY created_at, id').all() as FileRow[];
}
