// One share of bench/tenants.ts's setup: creates tenants [from, to) with one contact and one session each, through
// the same services as the API and the CLI, and sends back their ids (the parent mints the access tokens). Several of these run at once
// (tenant files are independent; control.db writes are short and wait on busy_timeout).
import { childArgs } from './child.js';
import { loadSpinney } from './spinney.js';

const { env, from, to } = childArgs<{ env: Record<string, string>; from: number; to: number }>();

const spinney = await loadSpinney();
// A one-handle cache: each tenant's file is closed (checkpointed) once the next one is created.
const runtime = spinney.openRuntime(spinney.loadConfig({ ...env, SPINNEY_TENANT_HANDLE_CACHE: '1' }).config);
const created: { tenantId: string; contactId: string; sessionId: string }[] = [];
try {
  for (let i = from; i < to; i += 1) {
    const tenant = spinney.createTenant(runtime, { name: `Bench Tenant ${i}` });
    // A contact and a real session (every request checks its session in the tenant's file).
    const { contact, session } = runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () => ({
      contact: spinney.createContact({ name: `Contact of tenant ${i}`, email: `owner${i}@example.com`, company: `Company ${i}` }),
      session: runtime.sessions.start({ userId: 'us_bench', role: 'viewer', provider: 'bench', clientKind: 'native', device: 'bench', ip: null }).session,
    }));
    created.push({ tenantId: tenant.id, contactId: contact.id, sessionId: session.id });
  }
} finally {
  runtime.close();
}
process.send?.(created, () => process.exit(0));
