// Development only: one demo workspace with a few contacts, created on the first `npm start`.
import { createContact } from '../contacts/contacts.service.js';
import { createTenant, listTenants, type Tenant } from '../tenants/tenants.service.js';
import { invite, listInvitations, listMembers } from '../members/members.service.js';
import type { Runtime } from '../runtime.js';
import { DEMO_PEOPLE } from './dev-sign-in.js';

export const DEMO_SLUG = 'demo-workspace';

const DEMO_CONTACTS = [
  { name: 'Dana Whitfield', email: 'dana@whitfield-roofing.example', company: 'Whitfield Roofing', phone: '+1 555 0100' },
  { name: 'Marcus Oyelaran', email: 'marcus@example.com', notes: 'Kitchen remodel; wants an estimate before March.' },
  { name: 'Priya Natarajan', email: 'priya@natarajan-builders.example', company: 'Natarajan Builders' },
  { name: 'Tom Kessler', phone: '+1 555 0142', notes: 'Referred by Dana. Deck repair.' },
];

export function ensureDemoWorkspace(runtime: Runtime): { tenant: Tenant; created: boolean } {
  if (runtime.config.env === 'production') throw new Error('the demo workspace is for development only');
  const existing = listTenants(runtime).find((tenant) => tenant.slug === DEMO_SLUG);
  const tenant = existing ?? createTenant(runtime, { name: 'Demo Workspace' });
  runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () => {
    if (!existing) for (const contact of DEMO_CONTACTS) createContact(contact);
    // The demo people are invited like anyone else; their first sign-in binds them.
    const known = new Set([...listMembers(runtime).map((m) => m.email), ...listInvitations(runtime).map((i) => i.email)]);
    for (const person of DEMO_PEOPLE) if (!known.has(person.email)) invite(runtime, { email: person.email, role: person.role, expiresInDays: 30 });
  });
  return { tenant, created: !existing };
}
