// Contact rules. The tenant comes from the context (never a parameter), so a service cannot be
// pointed at another tenant's data.
import { recordTenantEvent } from '../audit/audit.service.js';
import { notFound } from '../http/errors.js';
import { newId } from '../http/ids.js';
import { decodeCursor, page } from '../http/pagination.js';
import { currentActorId, currentTimestamp, tenantDb } from '../tenancy/context.js';
import { deleteContactRow, findContact, insertContact, listContactRows, updateContactRow } from './contacts.repo.js';
import type { Contact, ContactCreate, ContactListQuery, ContactUpdate } from './contacts.schemas.js';

export function listContacts(query: ContactListQuery): { items: Contact[]; nextCursor: string | null } {
  const limit = query.limit ?? 50;
  const rows = listContactRows(tenantDb(), { limit: limit + 1, after: decodeCursor(query.cursor), text: query.q ?? null });
  return page(rows, limit);
}

export function getContact(id: string): Contact {
  const contact = findContact(tenantDb(), id);
  if (!contact) throw notFound('contact');
  return contact;
}

export function createContact(input: ContactCreate): Contact {
  const now = currentTimestamp();
  const actor = currentActorId();
  const contact: Contact = {
    id: newId('contact'),
    name: input.name,
    email: input.email ?? null,
    phone: input.phone ?? null,
    company: input.company ?? null,
    notes: input.notes ?? null,
    createdAt: now,
    createdBy: actor,
    updatedAt: now,
    updatedBy: actor,
  };
  const db = tenantDb();
  db.transaction(() => {
    insertContact(db, contact);
    recordTenantEvent('contact.created', { type: 'contact', id: contact.id }, { after: contact });
  });
  return contact;
}

export function updateContact(id: string, changes: ContactUpdate): Contact {
  const db = tenantDb();
  return db.transaction(() => {
    const current = findContact(db, id);
    if (!current) throw notFound('contact');
    const next: Contact = { ...current, ...changes, updatedAt: currentTimestamp(), updatedBy: currentActorId() };
    updateContactRow(db, next);
    recordTenantEvent('contact.updated', { type: 'contact', id }, { before: current, after: next });
    return next;
  });
}

export function deleteContact(id: string): void {
  const db = tenantDb();
  db.transaction(() => {
    const current = findContact(db, id);
    if (!current || !deleteContactRow(db, id)) throw notFound('contact');
    recordTenantEvent('contact.deleted', { type: 'contact', id }, { before: current });
  });
}
