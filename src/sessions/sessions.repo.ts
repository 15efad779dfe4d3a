// SQL for sessions and their refresh-token families, in the current tenant's database.
import { tenantDb } from '../tenancy/context.js';

export interface SessionRow {
  id: string;
  user_id: string;
  role: string;
  provider: string;
  client_kind: 'browser' | 'native';
  device: string | null;
  ip: string | null;
  created_at: string;
  /** The last proof of presence for sensitive routes: the sign-in, a step-up, or a sensitive request inside the window. */
  authenticated_at: string;
  last_seen_at: string;
  expires_at: string;
  ended_at: string | null;
  end_reason: string | null;
}

export interface RefreshTokenRow {
  token_hash: Buffer;
  session_id: string;
  generation: number;
  issued_at: string;
  rotated_at: string | null;
}

export function insertSession(row: Omit<SessionRow, 'ended_at' | 'end_reason'>): void {
  tenantDb()
    .statement(
      `INSERT INTO sessions (id, user_id, role, provider, client_kind, device, ip, created_at, authenticated_at, last_seen_at, expires_at)
       VALUES (@id, @user_id, @role, @provider, @client_kind, @device, @ip, @created_at, @authenticated_at, @last_seen_at, @expires_at)`,
    )
    .run(row);
}

export function findSession(id: string): SessionRow | undefined {
  return tenantDb().statement('SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined;
}

/**
 * The session as findSession reads it, from the handle's memory while nothing has been committed
 * to the file since (any process): a sign-out, revocation or role change elsewhere is seen at once.
 * Frozen: read it, never change it.
 */
export function findSessionForCheck(id: string): Readonly<SessionRow> | undefined {
  return tenantDb().remembered(`session:${id}`, () => findSession(id));
}

export function touchSession(id: string, at: string): void {
  tenantDb().statement('UPDATE sessions SET last_seen_at = ? WHERE id = ? AND ended_at IS NULL').run(at, id);
}

export function markPresence(id: string, at: string): void {
  tenantDb().statement('UPDATE sessions SET authenticated_at = ? WHERE id = ? AND ended_at IS NULL').run(at, id);
}

/** Ends a live session; returns false if it had already ended. */
export function endSessionRow(id: string, at: string, reason: string): boolean {
  return tenantDb().statement('UPDATE sessions SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL').run(at, reason, id).changes === 1;
}

export function liveSessions(): SessionRow[] {
  return tenantDb().statement('SELECT * FROM sessions WHERE ended_at IS NULL').all() as SessionRow[];
}

export function liveSessionsOf(userId: string): SessionRow[] {
  return tenantDb().statement('SELECT * FROM sessions WHERE user_id = ? AND ended_at IS NULL').all(userId) as SessionRow[];
}

/** Sessions not ended and not past their absolute end, newest first. */
export function listLiveSessions(userId: string | null, nowIso: string): SessionRow[] {
  return tenantDb()
    .statement(
      `SELECT * FROM sessions WHERE ended_at IS NULL AND expires_at > @now AND (@userId IS NULL OR user_id = @userId)
       ORDER BY created_at DESC, id DESC LIMIT 500`,
    )
    .all({ userId, now: nowIso }) as SessionRow[];
}

export function insertRefreshToken(row: Omit<RefreshTokenRow, 'rotated_at'>): void {
  tenantDb()
    .statement('INSERT INTO refresh_tokens (token_hash, session_id, generation, issued_at) VALUES (@token_hash, @session_id, @generation, @issued_at)')
    .run(row);
}

export function findRefreshToken(hash: Buffer): RefreshTokenRow | undefined {
  return tenantDb().statement('SELECT * FROM refresh_tokens WHERE token_hash = ?').get(hash) as RefreshTokenRow | undefined;
}

export function findRefreshGeneration(sessionId: string, generation: number): RefreshTokenRow | undefined {
  return tenantDb().statement('SELECT * FROM refresh_tokens WHERE session_id = ? AND generation = ?').get(sessionId, generation) as RefreshTokenRow | undefined;
}

export function markRotated(hash: Buffer, at: string): void {
  tenantDb().statement('UPDATE refresh_tokens SET rotated_at = ? WHERE token_hash = ?').run(at, hash);
}
