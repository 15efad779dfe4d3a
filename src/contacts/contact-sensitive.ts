// A contact's sensitive fields (tax id, bank details): sealed per column with the workspace's
// sensitive-fields key, kept out of the ordinary contact record (so they never reach members,
// viewers, lists or the audit log's before/after), read and written by admins on their own
// route. The audit log records which fields changed and who read them, never the values.
import { recordTenantEvent } from '../audit/audit.service.js';
import { DATA_POLICIES } from '../data-policy/tables.js';
import { notFound } from '../http/errors.js';
import { currentActorId, currentTimestamp, tenantDb } from '../tenancy/context.js';
import { findSealedColumns, updateSealedColumn, type SealedContactColumns } from './contacts.repo.js';
import type { Vault } from '../vault/vault.js';

// API field → the column it is sealed for; each `<column>_sealed` is declared sealed in
// src/data-policy/tables.ts (which export and restore --as read), checked when this module loads.
const SENSITIVE_COLUMNS = { taxId: 'tax_id', bankDetails: 'bank_details' } as const;
for (const column of Object.values(SENSITIVE_COLUMNS)) DATA_POLICIES.sealedColumn('contacts', `${column}_sealed`);
export type SensitiveField = keyof typeof SENSITIVE_COLUMNS;
export type SensitiveValues = Record<SensitiveField, string | null>;

type SealedRow = SealedContactColumns;

function sealedRow(id: string): SealedRow {
  const row = findSealedColumns(tenantDb(), id);
  if (!row) throw notFound('contact');
  return row;
}

function openAll(vault: Vault, id: string, row: SealedRow): SensitiveValues {
  const open = (field: SensitiveField): string | null => {
    const sealed = row[`${SENSITIVE_COLUMNS[field]}_sealed`];
    return sealed ? vault.openField('contacts', id, SENSITIVE_COLUMNS[field], sealed) : null;
  };
  return { taxId: open('taxId'), bankDetails: open('bankDetails') };
}

/** The values, for an admin who asked (audited as a read by a person). */
export function readSensitive(vault: Vault, id: string): SensitiveValues {
  const values = openAll(vault, id, sealedRow(id));
  recordTenantEvent('contact.sensitive_read', { type: 'contact', id }, { after: { fields: Object.keys(SENSITIVE_COLUMNS) } });
  return values;
}

/** Sets or clears (null) the given fields; audits which fields changed. */
export function writeSensitive(vault: Vault, id: string, changes: Partial<SensitiveValues>): SensitiveValues {
  const db = tenantDb();
  return db.transaction(() => {
    sealedRow(id);
    const fields = (Object.keys(changes) as SensitiveField[]).filter((f) => f in SENSITIVE_COLUMNS);
    for (const field of fields) {
      const column = SENSITIVE_COLUMNS[field];
      const value = changes[field];
      const sealed = value === null || value === undefined ? null : vault.sealField('contacts', id, column, value);
      updateSealedColumn(db, id, column, sealed, currentTimestamp(), currentActorId());
    }
    recordTenantEvent('contact.sensitive_changed', { type: 'contact', id }, { after: { fields } });
    return openAll(vault, id, sealedRow(id));
  });
}
