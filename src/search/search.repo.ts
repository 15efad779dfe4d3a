// SQL for workspace search: the FTS5 index (migrations/tenant/0020_search.sql keeps it in step
// with its records by triggers) and its rebuild from the view search_documents.
import type { TenantHandle } from '../tenancy/tenant-handle.js';

/** Marks a matched term in titles and snippets; private-use characters, so no text is taken for markup. */
export const HIT_START = '\uE000';
export const HIT_END = '\uE001';

export interface SearchRow {
  kind: string;
  record_id: string;
  title: string;
  snippet: string;
  /** For a message: the contact it was sent to. */
  contact_id: string | null;
}

/** Ranked matches (title hits weigh ten times body hits) of the kinds given. */
export function searchRows(db: TenantHandle, match: string, kinds: readonly string[], limit: number): SearchRow[] {
  return db
    .statement(
      `SELECT s.kind, s.record_id,
              highlight(search_index, 2, '${HIT_START}', '${HIT_END}') AS title,
              snippet(search_index, 3, '${HIT_START}', '${HIT_END}', '…', 16) AS snippet,
              m.contact_id
         FROM search_index s
         LEFT JOIN mail_messages m ON s.kind = 'mail' AND m.id = s.record_id
        WHERE search_index MATCH @match AND s.kind IN (SELECT value FROM json_each(@kinds))
        ORDER BY bm25(search_index, 0, 0, 10.0, 1.0)
        LIMIT @limit`,
    )
    .all({ match, kinds: JSON.stringify(kinds), limit }) as SearchRow[];
}

/** Derives the whole index again from its records; returns how many records it holds. */
export function rebuildSearchIndex(db: TenantHandle): number {
  return db.transaction(() => {
    db.statement('DELETE FROM search_index').run();
    return db.statement('INSERT INTO search_index (rowid, kind, record_id, title, body) SELECT rowid, kind, record_id, title, body FROM search_documents').run().changes;
  });
}
