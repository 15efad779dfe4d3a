// SQL of the native code flow's one-time codes (control.db native_handoffs), stored by hash only.
import type { Role } from '../auth/permissions.js';
import type { ControlDb } from '../tenants/control-db.js';

export interface HandoffRow {
  tenant_id: string;
  member_id: string;
  role: Role;
  provider: string;
  code_challenge: string;
  expires_at: string;
}

/** Drops expired codes and stores a new one, in one transaction. */
export function insertHandoff(control: ControlDb, codeHash: Buffer, row: HandoffRow, nowIso: string): void {
  control.transaction(() => {
    control.statement('DELETE FROM native_handoffs WHERE expires_at <= ?').run(nowIso);
    control
      .statement(
        `INSERT INTO native_handoffs (code_hash, tenant_id, member_id, role, provider, code_challenge, expires_at)
         VALUES (@codeHash, @tenant_id, @member_id, @role, @provider, @code_challenge, @expires_at)`,
      )
      .run({ codeHash, ...row });
  });
}

/** Removes the code and returns what it held: a code is spent by any attempt to use it. */
export function takeHandoff(control: ControlDb, codeHash: Buffer): HandoffRow | undefined {
  return control
    .statement('DELETE FROM native_handoffs WHERE code_hash = ? RETURNING tenant_id, member_id, role, provider, code_challenge, expires_at')
    .get(codeHash) as HandoffRow | undefined;
}
