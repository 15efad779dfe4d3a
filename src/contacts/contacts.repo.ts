// SQL for contacts. Every function takes the tenant handle explicitly; the handle *is* the tenant
// scope, so there is no tenant_id column to forget in a WHERE clause.
import type { TenantHandle } from '../tenancy/tenant-handle.js';
import type { Position } from '../http/pagination.js';
import { tagKey, type AddressOut, type Contact, type ContactSource } from './contacts.schemas.js';

const ADDRESS_PARTS = ['street', 'city', 'region', 'postcode', 'country'] as const;
type AddressColumns<P extends string> = { [K in (typeof ADDRESS_PARTS)[number] as `${P}_${K}`]: string | null };

interface ContactRow extends AddressColumns<'postal'>, AddressColumns<'site'> {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  notes: string | null;
  tags: string;
  source: ContactSource | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

const toContact = (row: ContactRow): Contact => ({
  id: row.id,
  name: row.name,
  email: row.email,
  phone: row.phone,
  company: row.company,
  notes: row.notes,
  postalAddress: addressFrom(row.postal_street, row.postal_city, row.postal_region, row.postal_postcode, row.postal_country),
  siteAddress: addressFrom(row.site_street, row.site_city, row.site_region, row.site_postcode, row.site_country),
  tags: JSON.parse(row.tags) as string[],
  source: row.source,
  createdAt: row.created_at,
  createdBy: row.created_by,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
});

/** An address is stored as its five columns; one with every part empty is no address (null). */
function addressFrom(street: string | null, city: string | null, region: string | null, postcode: string | null, country: string | null): AddressOut | null {
  return street === null && city === null && region === null && postcode === null && country === null ? null : { street, city, region, postcode, country };
}

/**
 * The named parameters every insert and update binds: the contact's fields, addresses and tags as
 * stored. Written out field by field: it runs on every contact write and every imported row.
 */
function bind(contact: Contact): Record<string, unknown> {
  const postal = contact.postalAddress;
  const site = contact.siteAddress;
  return {
    id: contact.id,
    name: contact.name,
    email: contact.email,
    phone: contact.phone,
    company: contact.company,
    notes: contact.notes,
    postal_street: postal?.street ?? null,
    postal_city: postal?.city ?? null,
    postal_region: postal?.region ?? null,
    postal_postcode: postal?.postcode ?? null,
    postal_country: postal?.country ?? null,
    site_street: site?.street ?? null,
    site_city: site?.city ?? null,
    site_region: site?.region ?? null,
    site_postcode: site?.postcode ?? null,
    site_country: site?.country ?? null,
    tags: JSON.stringify(contact.tags),
    tagKeys: JSON.stringify(contact.tags.map(tagKey)),
    source: contact.source,
    createdAt: contact.createdAt,
    createdBy: contact.createdBy,
    updatedAt: contact.updatedAt,
    updatedBy: contact.updatedBy,
  };
}

const ADDRESS_COLUMNS = ['postal', 'site'].flatMap((prefix) => ADDRESS_PARTS.map((part) => `${prefix}_${part}`));

export function insertContact(db: TenantHandle, contact: Contact): void {
  db.statement(
    `INSERT INTO contacts (id, name, email, phone, company, notes, ${ADDRESS_COLUMNS.join(', ')}, tags, tag_keys, source, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @name, @email, @phone, @company, @notes, ${ADDRESS_COLUMNS.map((c) => `@${c}`).join(', ')}, @tags, @tagKeys, @source, @createdAt, @createdBy, @updatedAt, @updatedBy)`,
  ).run(bind(contact));
}

export function findContact(db: TenantHandle, id: string): Contact | undefined {
  const row = db.statement('SELECT * FROM contacts WHERE id = ?').get(id) as ContactRow | undefined;
  return row && toContact(row);
}

export function updateContactRow(db: TenantHandle, contact: Contact): void {
  db.statement(
    `UPDATE contacts SET name = @name, email = @email, phone = @phone, company = @company, notes = @notes,
       ${ADDRESS_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, tags = @tags, tag_keys = @tagKeys, source = @source,
       updated_at = @updatedAt, updated_by = @updatedBy
     WHERE id = @id`,
  ).run(bind(contact));
}

export function deleteContactRow(db: TenantHandle, id: string): boolean {
  return db.statement('DELETE FROM contacts WHERE id = ?').run(id).changes === 1;
}

/**
 * Up to `limit` contacts after `after`, oldest first, optionally matching `text` in name, email,
 * phone or company and holding `tag` (compared case-insensitively, as the service keeps tags unique).
 */
export function listContactRows(db: TenantHandle, options: { limit: number; after: Position | null; text: string | null; tag: string | null }): Contact[] {
  const like = options.text === null ? null : `%${options.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = db
    .statement(
      `SELECT * FROM contacts
       WHERE (@afterAt IS NULL OR (created_at, id) > (@afterAt, @afterId))
         AND (@like IS NULL OR name LIKE @like ESCAPE '\\' OR email LIKE @like ESCAPE '\\'
              OR phone LIKE @like ESCAPE '\\' OR company LIKE @like ESCAPE '\\')
         AND (@tag IS NULL OR EXISTS (SELECT 1 FROM json_each(contacts.tag_keys) WHERE value = @tag))
       ORDER BY created_at, id
       LIMIT @limit`,
    )
    .all({ afterAt: options.after?.createdAt ?? null, afterId: options.after?.id ?? null, like, tag: options.tag === null ? null : tagKey(options.tag), limit: options.limit }) as ContactRow[];
  return rows.map(toContact);
}

export type SealedContactColumns = { tax_id_sealed: Buffer | null; bank_details_sealed: Buffer | null };

/** A contact's sealed sensitive columns, or undefined when there is no such contact. */
export function findSealedColumns(db: TenantHandle, id: string): SealedContactColumns | undefined {
  return db.statement('SELECT tax_id_sealed, bank_details_sealed FROM contacts WHERE id = ?').get(id) as SealedContactColumns | undefined;
}

/** Stores one sealed column (`column` is one of the declared sensitive columns, never input). */
export function updateSealedColumn(db: TenantHandle, id: string, column: string, sealed: Buffer | null, at: string, by: string): void {
  db.statement(`UPDATE contacts SET ${column}_sealed = ?, updated_at = ?, updated_by = ? WHERE id = ?`).run(sealed, at, by, id);
}
