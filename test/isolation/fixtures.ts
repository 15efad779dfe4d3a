// One fixture per id path parameter: how to create a record of that kind in the current tenant.
// The isolation suite refuses to pass while any route has a parameter missing from this table,
// so a new resource cannot ship without its cross-tenant test.
import type { TestApp } from '../helpers/app.js';

export type Seed = (api: TestApp, token: string, marker: string) => Promise<string>;

async function created(api: TestApp, token: string, url: string, payload: object): Promise<string> {
  const res = await api.call({ method: 'POST', url, token, payload });
  if (res.statusCode !== 201) throw new Error(`seeding ${url} failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

export const FIXTURES: Record<string, Seed> = {
  contactId: (api, token, marker) => created(api, token, '/api/v1/contacts', { name: `${marker} contact`, email: 'canary@b.example', notes: marker }),
};
