// Sessions: start one at sign-in, rotate its refresh token, check it on every request, end it.
// Every method works on the current tenant (it must run inside a tenant scope); the session and
// its token family live in that tenant's database.
//
// Lifetimes (config.sessions): an absolute end (8 h), an idle end (30 min without a request or a
// refresh) and a re-authentication window for sensitive routes (10 min since the sign-in, a
// step-up re-sign-in, or the last request to a sensitive route). All times come from the injected
// clock, so tests move time instead of sleeping.
import { AccessTokens } from '../auth/access-token.js';
import { DerivedKeys } from '../auth/derived-keys.js';
import type { Role } from '../auth/permissions.js';
import { recordTenantEvent } from '../audit/audit.service.js';
import type { Config } from '../config/config.js';
import { AppError, type ErrorCode } from '../http/errors.js';
import { newId } from '../http/ids.js';
import { currentTenantId, tenantDb } from '../tenancy/context.js';
import { isoAt, type Clock } from '../time/clock.js';
import { formatRefreshToken, hashRefreshSecret, newRefreshSecret, nextRefreshSecret, ROTATION_KEY_INFO, type ParsedRefreshToken } from './refresh-token.js';
import {
  endSessionRow,
  findRefreshGeneration,
  findRefreshToken,
  findSession,
  findSessionForCheck,
  insertRefreshToken,
  insertSession,
  listLiveSessions,
  liveSessions,
  liveSessionsOf,
  markPresence,
  markRotated,
  touchSession,
  type SessionRow,
} from './sessions.repo.js';

export type ClientKind = 'browser' | 'native';

export type EndReason = 'signed_out' | 'revoked' | 'refresh_reused' | 'idle' | 'expired' | 'member_removed' | 'role_changed' | 'transport_mismatch' | 'workspace_deleted';

export interface SessionStart {
  userId: string;
  role: Role;
  provider: string;
  clientKind: ClientKind;
  device: string | null;
  ip: string | null;
  /** Pre-chosen id, so the sign-in can bind the audit actor to it before the row exists. */
  id?: string;
}

export interface SessionTimes {
  id: string;
  /** The absolute end. */
  expiresAt: string;
  /** When the session ends unless there is activity before. */
  idleExpiresAt: string;
}

export interface IssuedTokens {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  session: SessionTimes;
}

export interface SessionView {
  id: string;
  userId: string;
  role: string;
  provider: string;
  clientKind: ClientKind;
  device: string | null;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
}

const sessionEnded = (message: string, code: ErrorCode = 'session_ended'): AppError => new AppError(401, code, message);

/**
 * The 401 for a replayed refresh token: the session it belonged to has just been ended, and the
 * caller tells its owner (a stolen token is the likeliest cause). The answer carries nothing more.
 */
export class RefreshTokenReused extends AppError {
  constructor(readonly session: { userId: string; device: string | null; ip: string | null; createdAt: string }) {
    super(401, 'refresh_token_reused', 'this refresh token was already used; the session has been ended for safety');
  }
}

export class Sessions {
  readonly #config: Config;
  readonly #clock: Clock;
  readonly #accessTokens: AccessTokens;
  readonly #rotationKeys: DerivedKeys;
  readonly #touchEveryMs: number;

  constructor(config: Config, clock: Clock) {
    this.#config = config;
    this.#clock = clock;
    this.#accessTokens = new AccessTokens(config);
    this.#rotationKeys = new DerivedKeys(config.keys.signing, ROTATION_KEY_INFO);
    // Writing last_seen on every request would turn every read into a write; a minute (or a tenth
    // of the idle timeout, if that is shorter) is precise enough and errs towards ending earlier.
    this.#touchEveryMs = Math.min(60_000, (config.sessions.idleSeconds * 1000) / 10);
  }

  get clock(): Clock {
    return this.#clock;
  }

  /** Starts a session for a member of the current tenant and issues its first token pair. */
  start(input: SessionStart): IssuedTokens {
    const now = this.#clock.now();
    const id = input.id ?? newId('session');
    const secret = newRefreshSecret();
    const row = {
      id,
      user_id: input.userId,
      role: input.role,
      provider: input.provider,
      client_kind: input.clientKind,
      device: input.device?.slice(0, 300) ?? null,
      ip: input.ip,
      created_at: isoAt(now),
      authenticated_at: isoAt(now),
      last_seen_at: isoAt(now),
      expires_at: isoAt(now + this.#config.sessions.lifetimeSeconds * 1000),
    };
    tenantDb().transaction(() => {
      insertSession(row);
      insertRefreshToken({ token_hash: hashRefreshSecret(secret), session_id: id, generation: 0, issued_at: row.created_at });
    });
    return this.#issue({ ...row, ended_at: null, end_reason: null }, secret, now, now);
  }

  /**
   * Rotates a refresh token. The just-rotated token, presented again within the grace window,
   * gets the very same new pair (a client whose response was lost stays signed in); any other
   * rotated token is reuse: the whole family ends and the answer is 401.
   */
  refresh(token: ParsedRefreshToken, transport: ClientKind): IssuedTokens {
    const now = this.#clock.now();
    const outcome = tenantDb().transaction((): IssuedTokens | AppError => {
      const hash = hashRefreshSecret(token.secret);
      const presented = findRefreshToken(hash);
      if (!presented) return sessionEnded('the refresh token is not valid', 'invalid_refresh_token');
      const session = findSession(presented.session_id) as SessionRow;
      if (session.ended_at) return sessionEnded('this session has ended; sign in again');
      // A browser session's token lives in an HttpOnly cookie; seen in a body, it was taken out.
      if (session.client_kind !== transport) return this.#endWith(session, now, 'transport_mismatch', 'invalid_refresh_token');
      const timeout = this.#timedOut(session, now);
      if (timeout) return this.#endWith(session, now, timeout, 'session_expired');

      if (presented.rotated_at !== null) {
        const successor = findRefreshGeneration(session.id, presented.generation + 1);
        const withinGrace = now - Date.parse(presented.rotated_at) <= this.#config.sessions.refreshGraceSeconds * 1000;
        // Any version of the signing key: the rotation may have happened just before a key rotation.
        const next = successor && this.#rotationKeys.all().map((key) => nextRefreshSecret(key, token.secret)).find((candidate) => successor.token_hash.equals(hashRefreshSecret(candidate)));
        if (successor && successor.rotated_at === null && withinGrace && next) {
          return this.#issue(session, next, Date.parse(successor.issued_at), Date.parse(session.last_seen_at));
        }
        return this.#endWith(session, now, 'refresh_reused', 'refresh_token_reused');
      }

      const next = nextRefreshSecret(this.#rotationKeys.current(), token.secret);
      markRotated(hash, isoAt(now));
      insertRefreshToken({ token_hash: hashRefreshSecret(next), session_id: session.id, generation: presented.generation + 1, issued_at: isoAt(now) });
      touchSession(session.id, isoAt(now));
      return this.#issue(session, next, now, now);
    });
    if (outcome instanceof AppError) throw outcome;
    return outcome;
  }

  /**
   * The per-request check: the session exists, belongs to the token's user and role, has not ended,
   * timed out or (for sensitive routes) gone without a sign-in or sensitive request for longer
   * than the re-auth window. Returns the session's times for the response headers.
   */
  check(sessionId: string, userId: string, role: string, sensitive: boolean): SessionTimes {
    const now = this.#clock.now();
    // Remembered while nothing is committed to the file, by any process: a sign-out, revocation or
    // role change anywhere stops the token on its next request, here as everywhere.
    const session = findSessionForCheck(sessionId);
    if (!session || session.user_id !== userId || session.role !== role || session.ended_at) throw sessionEnded('this session has ended; sign in again');
    const timeout = this.#timedOut(session, now);
    if (timeout) {
      tenantDb().transaction(() => this.#end(session, now, timeout));
      throw sessionEnded('this session has expired; sign in again', 'session_expired');
    }
    const lastSeen = Date.parse(session.last_seen_at);
    if (sensitive) {
      // Only a fresh sign-in or sensitive activity inside the window keeps it open; ordinary
      // requests and refreshes move last_seen (the idle end) but never this.
      const proof = Date.parse(session.authenticated_at);
      if (now - proof > this.#config.sessions.reauthSeconds * 1000) {
        throw new AppError(401, 'reauth_required', 'this action needs a recent sign-in; sign in again to continue');
      }
      if (now - proof >= this.#touchEveryMs) markPresence(sessionId, isoAt(now));
    }
    let seen = lastSeen;
    if (now - lastSeen >= this.#touchEveryMs) {
      touchSession(sessionId, isoAt(now));
      seen = now;
    }
    return this.#times(session, seen);
  }

  /** Ends one session of the current tenant (audited); false if it was already over. */
  end(sessionId: string, reason: EndReason): boolean {
    const session = findSession(sessionId);
    if (!session || session.ended_at) return false;
    return tenantDb().transaction(() => this.#end(session, this.#clock.now(), reason));
  }

  /** Ends every live session of a member (removal, role change, admin action); returns how many. */
  endAllFor(userId: string, reason: EndReason): number {
    return tenantDb().transaction(() => {
      const now = this.#clock.now();
      return liveSessionsOf(userId).filter((session) => this.#end(session, now, reason)).length;
    });
  }

  /** Ends every live session of the current workspace (its deletion); returns how many. */
  endEveryone(reason: EndReason): number {
    return tenantDb().transaction(() => {
      const now = this.#clock.now();
      return liveSessions().filter((session) => this.#end(session, now, reason)).length;
    });
  }

  /** A live session's ends, and when sensitive routes will ask for a new sign-in. */
  describe(sessionId: string): SessionTimes & { reauthBy: string; provider: string } {
    const session = findSession(sessionId);
    if (!session) throw sessionEnded('this session has ended; sign in again');
    const lastSeen = Date.parse(session.last_seen_at);
    return { ...this.#times(session, lastSeen), provider: session.provider, reauthBy: isoAt(Date.parse(session.authenticated_at) + this.#config.sessions.reauthSeconds * 1000) };
  }

  /**
   * A step-up: the member of this live session proved their presence again at the provider, so
   * sensitive routes open again for the same session (same tokens). Audited.
   */
  reauthenticate(sessionId: string): void {
    const now = this.#clock.now();
    const session = findSession(sessionId);
    if (!session || session.ended_at || this.#timedOut(session, now)) throw sessionEnded('this session has ended; sign in again');
    tenantDb().transaction(() => {
      markPresence(sessionId, isoAt(now));
      touchSession(sessionId, isoAt(now));
      recordTenantEvent('auth.reauthenticated', { type: 'session', id: sessionId }, { after: { provider: session.provider } });
    });
  }

  /** The live session whose current (not yet rotated) refresh token this is. */
  sessionOfRefreshToken(token: ParsedRefreshToken): SessionRow | undefined {
    const presented = findRefreshToken(hashRefreshSecret(token.secret));
    if (!presented || presented.rotated_at) return undefined;
    const session = findSession(presented.session_id);
    return session && !session.ended_at && !this.#timedOut(session, this.#clock.now()) ? session : undefined;
  }

  find(sessionId: string): SessionRow | undefined {
    return findSession(sessionId);
  }

  /** Live sessions of one member (or of everyone, for admins), newest first. */
  list(userId: string | null, currentSessionId: string | null): SessionView[] {
    return listLiveSessions(userId, isoAt(this.#clock.now())).map((row) => ({
      id: row.id,
      userId: row.user_id,
      role: row.role,
      provider: row.provider,
      clientKind: row.client_kind,
      device: row.device,
      ip: row.ip,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
      current: row.id === currentSessionId,
    }));
  }

  #timedOut(session: SessionRow, now: number): 'expired' | 'idle' | null {
    if (now >= Date.parse(session.expires_at)) return 'expired';
    if (now - Date.parse(session.last_seen_at) > this.#config.sessions.idleSeconds * 1000) return 'idle';
    return null;
  }

  #end(session: SessionRow, now: number, reason: EndReason): boolean {
    if (!endSessionRow(session.id, isoAt(now), reason)) return false;
    const action = reason === 'refresh_reused' ? 'session.refresh_reused' : reason === 'signed_out' ? 'auth.signed_out' : reason === 'idle' || reason === 'expired' ? 'session.expired' : 'session.revoked';
    recordTenantEvent(action, { type: 'session', id: session.id }, { after: { userId: session.user_id, reason } });
    return true;
  }

  #endWith(session: SessionRow, now: number, reason: EndReason, code: ErrorCode): AppError {
    this.#end(session, now, reason);
    return reason === 'refresh_reused'
      ? new RefreshTokenReused({ userId: session.user_id, device: session.device, ip: session.ip, createdAt: session.created_at })
      : sessionEnded('this session has ended; sign in again', code);
  }

  #times(session: SessionRow, lastSeenMs: number): SessionTimes {
    const idleEnd = lastSeenMs + this.#config.sessions.idleSeconds * 1000;
    const expiresAt = Date.parse(session.expires_at);
    return { id: session.id, expiresAt: session.expires_at, idleExpiresAt: isoAt(Math.min(idleEnd, expiresAt)) };
  }

  #issue(session: SessionRow, secret: string, issuedAtMs: number, lastSeenMs: number): IssuedTokens {
    const claims = { tid: currentTenantId(), sub: session.user_id, role: session.role as Role, sid: session.id };
    const iat = Math.floor(issuedAtMs / 1000) * 1000;
    return {
      accessToken: this.#accessTokens.sign(claims, iat),
      accessTokenExpiresAt: isoAt(iat + this.#config.tokens.accessTokenTtlSeconds * 1000),
      refreshToken: formatRefreshToken(currentTenantId(), secret),
      session: this.#times(session, lastSeenMs),
    };
  }
}
