// SQL for imports: the upload and its counts, the rows a run rejected, and the look-ups a run needs
// (contact emails, stages by name). The tenant handle is the scope.
import type { TenantHandle } from '../tenancy/tenant-handle.js';
import type { ImportKind } from './import-fields.js';

export interface ImportRow {
  id: string;
  kind: ImportKind;
  status: 'uploaded' | 'running' | 'done';
  file_name: string | null;
  header: string;
  sample: string;
  row_count: number;
  processed: number;
  imported: number;
  failed: number;
  skipped: number;
  finished_at: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface RejectionRow {
  row_number: number;
  field: string | null;
  message: string;
  cells: string;
}

export function insertImport(db: TenantHandle, row: Omit<ImportRow, 'processed' | 'imported' | 'failed' | 'skipped' | 'finished_at'> & { csv: string }): void {
  db.statement(
    `INSERT INTO imports (id, kind, status, file_name, header, sample, csv, row_count, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @kind, @status, @file_name, @header, @sample, @csv, @row_count, @created_at, @created_by, @updated_at, @updated_by)`,
  ).run(row);
}

/** The import without its file (polled for progress: the file may be megabytes). */
export function findImport(db: TenantHandle, id: string): ImportRow | undefined {
  return db
    .statement('SELECT id, kind, status, file_name, header, sample, row_count, processed, imported, failed, skipped, finished_at, created_at, created_by, updated_at, updated_by FROM imports WHERE id = ?')
    .get(id) as ImportRow | undefined;
}

/** The uploaded file's text ('' once the import has run). */
export function importCsv(db: TenantHandle, id: string): string {
  return (db.statement('SELECT csv FROM imports WHERE id = ?').get(id) as { csv: string } | undefined)?.csv ?? '';
}

/** Claims an uploaded import for one run; false when it is already running or done. */
export function markRunning(db: TenantHandle, id: string, at: string, by: string): boolean {
  return db.statement("UPDATE imports SET status = 'running', updated_at = ?, updated_by = ? WHERE id = ? AND status = 'uploaded'").run(at, by, id).changes === 1;
}

/** Adds one committed batch to the counts (in the batch's transaction, so the counts never run ahead of the rows). */
export function addProgress(db: TenantHandle, id: string, batch: { processed: number; imported: number; failed: number; skipped: number }): void {
  db.statement('UPDATE imports SET processed = processed + @processed, imported = imported + @imported, failed = failed + @failed, skipped = skipped + @skipped WHERE id = @id').run({ id, ...batch });
}

/** The run is over: the uploaded text is no longer needed (the rejected rows keep their cells). */
export function markDone(db: TenantHandle, id: string, at: string): void {
  db.statement("UPDATE imports SET status = 'done', csv = '', sample = '[]', finished_at = ?, updated_at = ? WHERE id = ?").run(at, at, id);
}

export function insertRejection(db: TenantHandle, importId: string, row: RejectionRow): void {
  db.statement('INSERT INTO import_rejections (import_id, row_number, field, message, cells) VALUES (?, ?, ?, ?, ?)').run(importId, row.row_number, row.field, row.message, row.cells);
}

export function listRejections(db: TenantHandle, importId: string): RejectionRow[] {
  return db.statement('SELECT row_number, field, message, cells FROM import_rejections WHERE import_id = ? ORDER BY row_number').all(importId) as RejectionRow[];
}

/** Every contact's email, folded to lower case, with the id of the first contact holding it. */
export function contactEmails(db: TenantHandle): Map<string, string> {
  const rows = db.statement('SELECT id, lower(email) AS email FROM contacts WHERE email IS NOT NULL ORDER BY created_at, id').all() as { id: string; email: string }[];
  const emails = new Map<string, string>();
  for (const row of rows) if (!emails.has(row.email)) emails.set(row.email, row.id);
  return emails;
}

/** How many leads each stage holds (a new lead goes last). */
export function leadCountsByStage(db: TenantHandle): Map<string, number> {
  const rows = db.statement('SELECT stage_id, count(*) AS n FROM leads GROUP BY stage_id').all() as { stage_id: string; n: number }[];
  return new Map(rows.map((row) => [row.stage_id, row.n]));
}
