// Workspace search. What people type is never handed to FTS5 as syntax: each word becomes a quoted
// term matched also as a prefix, each "quoted phrase" a quoted phrase, every one required. So
// AND, NEAR(, col:, * and stray quotes are only words, a query cannot fail inside SQLite, and a
// query with no letter or digit at all is a clear 400.
import { isRole, roleHas, type Permission } from '../auth/permissions.js';
import { badRequest } from '../http/errors.js';
import { currentScope, tenantDb } from '../tenancy/context.js';
import { HIT_END, HIT_START, searchRows } from './search.repo.js';
import { SEARCH_KINDS, type SearchKind, type SearchQuery, type SearchResult } from './search.schemas.js';

/** Who may see each kind of result: the permission that reads the record itself. */
const READ_PERMISSION: Record<SearchKind, Permission> = {
  contact: 'contacts:read',
  lead: 'leads:read',
  estimate: 'estimates:read',
  mail: 'mail:read',
  transcript: 'transcripts:read',
  file: 'files:read',
  mail_in: 'mail:read',
  event: 'calendar:read',
};

const quoted = (text: string): string => `"${text.replace(/"/g, '""')}"`;
const hasWordCharacter = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);

/** The FTS5 expression for what was typed, or null when it holds nothing to look for. */
export function toMatchExpression(typed: string): string | null {
  const terms: string[] = [];
  for (const [, phrase, word] of typed.matchAll(/"([^"]*)"|(\S+)/g)) {
    if (phrase !== undefined) {
      if (hasWordCharacter(phrase)) terms.push(quoted(phrase));
    } else if (word !== undefined && hasWordCharacter(word)) {
      // One letter is a word, not a prefix: "a*" would match most of the workspace.
      const letters = [...word.replace(/[^\p{L}\p{N}]/gu, '')].length;
      terms.push(letters >= 2 ? `${quoted(word)}*` : quoted(word));
    }
  }
  return terms.length > 0 ? terms.join(' ') : null;
}

/** Splits marked text into pieces: plain, matched, plain … */
function pieces(marked: string): { text: string; hit: boolean }[] {
  const out: { text: string; hit: boolean }[] = [];
  for (const [, plain, hit] of marked.matchAll(new RegExp(`([^${HIT_START}]+)|${HIT_START}([^${HIT_END}]*)${HIT_END}?`, 'g'))) {
    if (plain) out.push({ text: plain, hit: false });
    else if (hit) out.push({ text: hit, hit: true });
  }
  return out;
}

export function search(query: SearchQuery): { items: SearchResult[]; nextCursor: null } {
  const match = toMatchExpression(query.q);
  if (match === null) throw badRequest('invalid_field', 'q must hold a letter or a digit to look for', 'q');
  const role = currentScope().actor?.role;
  const asked = query.types ? (query.types.split(',') as SearchKind[]) : SEARCH_KINDS;
  const kinds = asked.filter((kind) => isRole(role) && roleHas(role, READ_PERMISSION[kind]));
  const rows = kinds.length === 0 ? [] : searchRows(tenantDb(), match, kinds, query.limit ?? 20);
  return {
    items: rows.map((row) => {
      // A transcript's entries are its segments, `<transcript id>#<n>`.
      const [id, segment] = row.kind === 'transcript' ? (row.record_id.split('#') as [string, string]) : [row.record_id, null];
      return { kind: row.kind as SearchKind, id, title: pieces(row.title), snippet: pieces(row.snippet ?? ''), contactId: row.contact_id, leadId: row.lead_id, estimateId: row.estimate_id, segment: segment === null ? null : Number(segment) };
    }),
    nextCursor: null,
  };
}
