// The native (desktop, iOS) code flow, as RFC 8252 describes: the app opens the system browser
// at our sign-in route with its own redirect (loopback or its custom scheme) and a PKCE challenge.
// After the provider signs the person in, the app's redirect gets a one-time code, good for one
// minute, that only the holder of the matching PKCE verifier can redeem at POST /auth/token. The
// session starts at redemption and its tokens go into the response body, never into a URL.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { findTenant } from '../tenants/tenants.repo.js';
import { AppError, badRequest } from '../http/errors.js';
import type { Runtime } from '../runtime.js';
import { isoAt } from '../time/clock.js';
import { findMemberRow } from '../members/members.repo.js';
import { insertHandoff, takeHandoff } from './native-handoff.repo.js';
import type { Admitted } from './signin.service.js';

const HANDOFF_TTL_MS = 60_000;
const LOOPBACK = /^http:\/\/(127\.0\.0\.1|\[::1\]):\d{1,5}(\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*)?$/;
const CUSTOM = /^([a-z][a-z0-9+.-]*):\/{1,2}[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/;

/** A loopback redirect on any port, or one of the configured app schemes; nothing else. */
export function checkNativeRedirect(redirectUri: string, schemes: readonly string[]): string {
  if (LOOPBACK.test(redirectUri)) return redirectUri;
  const custom = CUSTOM.exec(redirectUri);
  if (custom && schemes.includes(custom[1] as string)) return redirectUri;
  throw badRequest('invalid_field', 'redirect_uri must be a loopback address (http://127.0.0.1:PORT/…) or one of this server\'s app schemes', 'redirect_uri');
}

const sha256 = (value: string): Buffer => createHash('sha256').update(value).digest();

export function createHandoff(runtime: Runtime, admitted: Admitted, codeChallenge: string): string {
  const code = randomBytes(32).toString('base64url');
  const now = runtime.clock.now();
  insertHandoff(
    runtime.control,
    sha256(code),
    { tenant_id: admitted.tenant.id, member_id: admitted.member.id, role: admitted.member.role, provider: admitted.provider, code_challenge: codeChallenge, expires_at: isoAt(now + HANDOFF_TTL_MS) },
    isoAt(now),
  );
  return code;
}

/**
 * Spends a one-time code (whatever the outcome: a wrong verifier burns it too) and returns who
 * was admitted, if the verifier matches the challenge the app sent when it started.
 */
export function redeemHandoff(runtime: Runtime, code: string, codeVerifier: string): Admitted {
  const row = takeHandoff(runtime.control, sha256(code));
  const refused = new AppError(401, 'invalid_grant', 'the sign-in code is unknown, used or expired, or the verifier does not match');
  if (!row || Date.parse(row.expires_at) <= runtime.clock.now()) throw refused;
  const expected = Buffer.from(row.code_challenge);
  const actual = Buffer.from(createHash('sha256').update(codeVerifier).digest('base64url'));
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) throw refused;
  if (runtime.tenantStatus.get(row.tenant_id) !== 'active') throw refused;
  // The member may have been removed or changed in the minute since: check again.
  const member = findMemberRow(runtime.control, row.tenant_id, row.member_id);
  if (member?.status !== 'active' || member.role !== row.role) throw refused;
  const tenant = findTenant(runtime.control, row.tenant_id);
  if (!tenant) throw refused;
  return { tenant: { id: tenant.id, name: tenant.name, slug: tenant.slug }, member: { id: row.member_id, role: row.role }, provider: row.provider };
}
