// The page's one way to the API. The access token lives in this module's memory only (never in
// storage); the refresh token is an HttpOnly cookie the page never sees. A 401 other than
// reauth_required refreshes once (one refresh in flight at a time: refresh tokens rotate, and
// two racing refreshes would look like a stolen token) and retries; reauth_required is left to
// the screen, which asks the person to confirm it is them.
import createClient from 'openapi-fetch';
import type { paths } from './schema.js';

export interface ApiErrorBody {
  code: string;
  message: string;
  field?: string;
}

/** An API refusal: the status, the catalog code (docs/api.md), and the field at fault if any. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

type Listener = () => void;

let accessToken: string | null = null;
let refreshing: Promise<boolean> | null = null;
let idleExpiresAt: number | null = null;
const listeners = new Set<Listener>();
let lost = false;

/** Told when the idle deadline moves or the session is lost. */
export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const notify = (): void => listeners.forEach((listener) => listener());

export const sessionLost = (): boolean => lost;
export const idleDeadline = (): number | null => idleExpiresAt;

export function setAccessToken(token: string | null): void {
  accessToken = token;
  lost = false;
}

/** Trades the refresh cookie for a new access token; false when there is no live session. */
export function refresh(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const res = await fetch('/api/v1/auth/refresh', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', credentials: 'same-origin' });
      if (!res.ok) return false;
      const body = (await res.json()) as { accessToken: string; session: { idleExpiresAt: string } };
      setAccessToken(body.accessToken);
      trackIdle(body.session.idleExpiresAt);
      return true;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

function trackIdle(value: string | null): void {
  if (!value) return;
  const at = Date.parse(value);
  if (Number.isFinite(at) && at !== idleExpiresAt) {
    idleExpiresAt = at;
    notify();
  }
}

export async function readError(res: Response): Promise<ApiError> {
  return toApiError(res.status, (await res.clone().json().catch(() => null)) as { error?: ApiErrorBody } | null);
}

async function authedFetch(request: Request): Promise<Response> {
  const retry = request.clone();
  const send = (req: Request): Promise<Response> => {
    if (accessToken) req.headers.set('authorization', `Bearer ${accessToken}`);
    return fetch(req);
  };
  let res = await send(request);
  if (res.status === 401 && (await readError(res)).code !== 'reauth_required') {
    if (await refresh()) res = await send(retry);
    else {
      lost = true;
      accessToken = null;
      notify();
    }
  }
  trackIdle(res.headers.get('spinney-session-idle-expires'));
  return res;
}

/** The typed client: paths, parameters and bodies come from the server's OpenAPI document (schema.d.ts). */
export const api = createClient<paths>({ baseUrl: '', fetch: authedFetch, credentials: 'same-origin' });

/** The data of an openapi-fetch answer, or its refusal thrown as an ApiError. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  // openapi-fetch has read the body already: the refusal is in `error`.
  if (!response.ok) throw toApiError(response.status, error as { error?: ApiErrorBody } | undefined);
  return data as T;
}

const toApiError = (status: number, body: { error?: ApiErrorBody } | null | undefined): ApiError =>
  new ApiError(status, body?.error?.code ?? 'unknown', body?.error?.message ?? `The server answered ${status}.`, body?.error?.field);

/** A POST from this page's own origin with the step cookies (sign-in steps before any session). */
export function postStep(path: string, body: object = {}): Promise<Response> {
  return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' });
}

/**
 * Uploads one file as multipart/form-data (one part named `file`) with upload progress, which fetch
 * does not report: an XMLHttpRequest with this module's access token, refreshed once on a 401 like
 * every other call. Resolves with the answer's JSON; a refusal is thrown as an ApiError.
 */
export async function uploadWithProgress(url: string, file: File, onProgress: (sent: number, total: number) => void): Promise<unknown> {
  const attempt = (): Promise<{ status: number; body: unknown }> =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      if (accessToken) xhr.setRequestHeader('authorization', `Bearer ${accessToken}`);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(event.loaded, event.total);
      };
      xhr.onload = () => {
        let body: unknown = null;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          // not JSON: the status says enough
        }
        trackIdle(xhr.getResponseHeader('spinney-session-idle-expires'));
        resolve({ status: xhr.status, body });
      };
      // A refused upload is answered early and its connection closed: the browser may see only that.
      xhr.onerror = () => reject(new ApiError(0, 'upload_failed', 'The upload was cut off: the file may be too large or of a type Spinney does not keep.'));
      const form = new FormData();
      form.append('file', file, file.name);
      xhr.send(form);
    });
  let res = await attempt();
  const code = (res.body as { error?: ApiErrorBody } | null)?.error?.code;
  if (res.status === 401 && code !== 'reauth_required' && (await refresh())) res = await attempt();
  if (res.status >= 400) throw toApiError(res.status, res.body as { error?: ApiErrorBody } | null);
  return res.body;
}
