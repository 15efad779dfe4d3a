// Development only: one demo workspace with a few contacts, created on the first `npm start`.
import { createContact } from '../contacts/contacts.service.js';
import { createTenant, listTenants, type Tenant } from '../control/tenants.service.js';
import type { Runtime } from '../runtime.js';

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
  if (existing) return { tenant: existing, created: false };
  const tenant = createTenant(runtime, { name: 'Demo Workspace' });
  runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () => {
    for (const contact of DEMO_CONTACTS) createContact(contact);
  });
  return { tenant, created: true };
}
