// Who is signed in, as the screens see it: the session from GET /auth/session, and the steps of
// signing in before there is one (an invitation to answer, a workspace to choose). A small store
// with a hook; the token itself stays in api/http.ts.
import { useEffect, useState } from 'preact/hooks';
import { ROLES, roleHas, type Permission, type Role } from '../../src/auth/permissions.js';
import { api, ok, onSessionChange, postStep, refresh, sessionLost, setAccessToken } from './api/http.js';
import type { paths } from './api/schema.js';

export type CurrentSession = paths['/api/v1/auth/session']['get']['responses'][200]['content']['application/json'];
export type Pending = paths['/api/v1/auth/pending']['post']['responses'][200]['content']['application/json'];
export type Providers = paths['/api/v1/auth/providers']['get']['responses'][200]['content']['application/json'];

export type SessionState =
  | { kind: 'loading' }
  | { kind: 'signed-in'; session: CurrentSession }
  | { kind: 'invitation'; invitation: NonNullable<Pending['invitation']> }
  | { kind: 'choose-workspace'; workspaces: NonNullable<Pending['workspaces']> }
  /** `reason`: why the person is here (signed out, session ended, idle), shown on the sign-in page. */
  | { kind: 'signed-out'; reason?: string };

let state: SessionState = { kind: 'loading' };
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

export function useSessionState(): SessionState {
  const [, setTick] = useState(0);
  useEffect(() => {
    const update = (): void => setTick((n) => n + 1);
    listeners.add(update);
    return () => listeners.delete(update);
  }, []);
  return state;
}

/** The signed-in session; only for screens shown inside the signed-in shell. */
export function useSession(): CurrentSession {
  const current = useSessionState();
  if (current.kind !== 'signed-in') throw new Error('useSession outside a signed-in screen');
  return current.session;
}

export const can = (session: CurrentSession, permission: Permission): boolean => (ROLES as readonly string[]).includes(session.role) && roleHas(session.role as Role, permission);

export async function loadSession(): Promise<void> {
  set({ kind: 'signed-in', session: await ok(api.GET('/api/v1/auth/session')) });
}

/** At start: a live session (refresh cookie), else a sign-in step waiting, else the sign-in page. */
export async function start(): Promise<void> {
  onSessionChange(() => {
    if (sessionLost() && state.kind === 'signed-in') set({ kind: 'signed-out', reason: 'Your session has ended (it was signed out, revoked or timed out). Please sign in again.' });
  });
  if (await refresh()) {
    try {
      return await loadSession();
    } catch {
      // fall through to the sign-in steps
    }
  }
  const res = await postStep('/api/v1/auth/pending');
  if (res.ok) {
    const pending = (await res.json()) as Pending;
    if (pending.invitation) return set({ kind: 'invitation', invitation: pending.invitation });
    if (pending.workspaces) return set({ kind: 'choose-workspace', workspaces: pending.workspaces });
  }
  set({ kind: 'signed-out' });
}

/** After accepting an invitation: the answer carries the new session's access token. */
export async function signedInWith(accessToken: string): Promise<void> {
  setAccessToken(accessToken);
  await loadSession();
}

export function signedOut(reason?: string): void {
  setAccessToken(null);
  set(reason ? { kind: 'signed-out', reason } : { kind: 'signed-out' });
}

export async function signOut(everywhere = false): Promise<void> {
  await ok(api.POST('/api/v1/auth/signout', { body: everywhere ? { everywhere: true } : {} }));
  signedOut(everywhere ? 'You signed out on every device.' : 'You signed out.');
}
