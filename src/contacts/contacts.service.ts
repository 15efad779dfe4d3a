// Contact rules. The tenant comes from the context (never a parameter), so a service cannot be
// pointed at another tenant's data.
import { recordTenantEvent } from '../audit/audit.service.js';
import { AppError, badRequest, notFound } from '../http/errors.js';
import { newId } from '../http/ids.js';
import { countLeadsIn } from '../leads/leads.repo.js';
import { decodeCursor, page } from '../http/pagination.js';
import { currentActorId, currentTimestamp, tenantDb } from '../tenancy/context.js';
import { deleteContactRow, findContact, insertContact, listContactRows, updateContactRow } from './contacts.repo.js';
import { tagKey, type Address, type AddressOut, type Contact, type ContactCreate, type ContactListQuery, type ContactUpdate } from './contacts.schemas.js';
import { COUNTRY_CODES } from './countries.js';

export function listContacts(query: ContactListQuery): { items: Contact[]; nextCursor: string | null } {
  const limit = query.limit ?? 50;
  const rows = listContactRows(tenantDb(), { limit: limit + 1, after: decodeCursor(query.cursor), text: query.q ?? null, tag: query.tag ?? null });
  return page(rows, limit);
}

export function getContact(id: string): Contact {
  const contact = findContact(tenantDb(), id);
  if (!contact) throw notFound('contact');
  return contact;
}

export function createContact(input: ContactCreate): Contact {
  const contact = newContact(input, currentTimestamp(), currentActorId());
  const db = tenantDb();
  db.transaction(() => {
    insertContact(db, contact);
    recordTenantEvent('contact.created', { type: 'contact', id: contact.id }, { after: contact });
  });
  return contact;
}

/** A new contact from input the ContactCreate schema accepted, with the rules beyond it checked (imports build theirs here too). */
export function newContact(input: ContactCreate, now: string, actor: string): Contact {
  return {
    id: newId('contact'),
    name: input.name,
    email: input.email ?? null,
    phone: input.phone ?? null,
    company: input.company ?? null,
    notes: input.notes ?? null,
    postalAddress: checkedAddress(input.postalAddress, 'postalAddress'),
    siteAddress: checkedAddress(input.siteAddress, 'siteAddress'),
    tags: checkedTags(input.tags ?? []),
    source: input.source ?? null,
    createdAt: now,
    createdBy: actor,
    updatedAt: now,
    updatedBy: actor,
  };
}

export function updateContact(id: string, changes: ContactUpdate): Contact {
  const db = tenantDb();
  return db.transaction(() => {
    const current = findContact(db, id);
    if (!current) throw notFound('contact');
    const { postalAddress, siteAddress, tags, ...plain } = changes;
    const next: Contact = {
      ...current,
      ...plain,
      ...(postalAddress !== undefined ? { postalAddress: checkedAddress(postalAddress, 'postalAddress') } : {}),
      ...(siteAddress !== undefined ? { siteAddress: checkedAddress(siteAddress, 'siteAddress') } : {}),
      ...(tags !== undefined ? { tags: checkedTags(tags) } : {}),
      updatedAt: currentTimestamp(),
      updatedBy: currentActorId(),
    };
    updateContactRow(db, next);
    recordTenantEvent('contact.updated', { type: 'contact', id }, { before: current, after: next });
    return next;
  });
}

export function deleteContact(id: string): void {
  const db = tenantDb();
  db.transaction(() => {
    const current = findContact(db, id);
    if (!current) throw notFound('contact');
    // A lead keeps naming its contact, so a contact with leads stays until they are moved or deleted.
    const leads = countLeadsIn(db, { contactId: id });
    if (leads > 0) throw new AppError(409, 'contact_in_use', `${leads} lead(s) name this contact; give them another contact or delete them first`);
    deleteContactRow(db, id);
    recordTenantEvent('contact.deleted', { type: 'contact', id }, { before: current });
  });
}

/** An address as stored: empty or blank parts are null, and one with no part at all is no address. The country must be assigned. */
function checkedAddress(input: Address | null | undefined, field: string): AddressOut | null {
  if (!input) return null;
  const part = (value: string | null | undefined): string | null => (value && value.trim() !== '' ? value : null);
  const address: AddressOut = { street: part(input.street), city: part(input.city), region: part(input.region), postcode: part(input.postcode), country: part(input.country) };
  if (address.country !== null && !COUNTRY_CODES.has(address.country)) {
    throw badRequest('invalid_field', `${field}.country is not an ISO 3166-1 alpha-2 country code`, `${field}.country`);
  }
  return Object.values(address).some((value) => value !== null) ? address : null;
}

/** Tags are kept as written, in order; two that differ only in case are one tag too many. */
function checkedTags(tags: string[]): string[] {
  const seen = new Set<string>();
  tags.forEach((tag, index) => {
    if (tag.trim() === '') throw badRequest('invalid_field', `tags.${index} is blank`, `tags.${index}`);
    const key = tagKey(tag);
    if (seen.has(key)) throw badRequest('invalid_field', `tags.${index} repeats an earlier tag (tags are compared regardless of case)`, `tags.${index}`);
    seen.add(key);
  });
  return tags;
}
