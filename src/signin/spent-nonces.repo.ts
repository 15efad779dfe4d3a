// SQL of spent sign-in nonces (control.db spent_nonces): a nonce is good once, until it expires.
import type { ControlDb } from '../tenants/control-db.js';

/** Drops expired nonces and records this one; false when it was already spent. In the caller's transaction. */
export function spendNonceHash(control: ControlDb, nonceHash: Buffer, expiresAtIso: string, nowIso: string): boolean {
  control.statement('DELETE FROM spent_nonces WHERE expires_at <= ?').run(nowIso);
  return control.statement('INSERT OR IGNORE INTO spent_nonces (nonce_hash, expires_at) VALUES (?, ?)').run(nonceHash, expiresAtIso).changes === 1;
}
