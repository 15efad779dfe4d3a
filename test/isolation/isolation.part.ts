import t from 'tap';
import { AsyncResource } from 'node:async_hooks';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { ContactParams } from '../../src/contacts/contacts.schemas.js';
import { CREDENTIAL_PATTERN } from '../../src/credentials/credentials.service.js';
import { IdParam } from '../../src/http/schemas.js';
import type { Runtime } from '../../src/runtime.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { build } from '../helpers/app.js';
import { tenantScopedControlTables } from '../helpers/route-walker.js';
import { runIsolationSuite } from './suite.js';

t.test('every route keeps tenant A out of tenant B', async (t) => {
  const api = await build(t);
  const { violations, checked } = await runIsolationSuite(api);
  t.same(violations, [], 'no isolation violations');
  const nonPublic = api.app.routeTable.filter((r) => !r.public);
  t.ok(nonPublic.length >= 5, 'the suite saw the API routes');
  for (const route of checked) t.ok(route.probes.length > 0, `${route.route} was exercised (${route.probes.join(', ')})`);
  t.ok(
    checked.some((c) => c.probes.includes('ids of B as A')),
    'at least one route was called with the other tenant\'s ids',
  );
  const controlTables = tenantScopedControlTables(api);
  for (const table of ['memberships', 'invitations', 'identities', 'native_handoffs', 'credentials']) t.ok(controlTables.includes(table), `control.db's ${table} is found by its tenant_id column and snapshotted`);
});

// Scopes do not nest (Tenancy.run refuses), so a route can only reach across tenants by escaping
// its request's context first: a function bound to the empty context at module load does that.
const outsideAnyScope = AsyncResource.bind(<T>(fn: () => T): T => fn());

t.test('the suite catches a route that leaks, a route that writes across tenants, and a route it has no fixture for', async (t) => {
  // Deliberately broken routes, the kind of bug the suite exists for.
  const held: { runtime?: Runtime } = {};
  const acrossTenants = <T>(fn: () => T | undefined): T | undefined =>
    outsideAnyScope(() => {
      const runtime = held.runtime as Runtime;
      const ids = runtime.control.statement('SELECT id FROM tenants').all() as { id: string }[];
      for (const { id } of ids) {
        const found = runtime.tenancy.run(id, { actor: null, requestId: null }, fn);
        if (found !== undefined) return found;
      }
      return undefined;
    });
  const broken: FastifyPluginAsync = async (app) => {
    const schema = { params: ContactParams };
    // An id in the body, looked up across tenants (registered first: the shredder below deletes B's record).
    const lookupBody = Type.Object({ contactId: IdParam('contact') }, { additionalProperties: false });
    app.post('/lookup', { config: { permission: 'contacts:write' }, schema: { body: lookupBody } }, async (request) => {
      const { contactId } = request.body as { contactId: string };
      return acrossTenants(() => tenantDb().statement('SELECT * FROM contacts WHERE id = ?').get(contactId)) ?? {};
    });
    app.get('/leaky/:contactId', { config: { permission: 'contacts:read' }, schema }, async (request, reply) => {
      const { contactId } = request.params as { contactId: string };
      const row = acrossTenants(() => tenantDb().statement('SELECT * FROM contacts WHERE id = ?').get(contactId));
      return row ?? reply.code(404).send({ error: { code: 'not_found', message: 'x' } });
    });
    app.delete('/shredder/:contactId', { config: { permission: 'contacts:write' }, schema }, async (request, reply) => {
      const { contactId } = request.params as { contactId: string };
      acrossTenants(() => (tenantDb().statement('DELETE FROM contacts WHERE id = ?').run(contactId).changes ? undefined : undefined));
      return reply.code(404).send({ error: { code: 'not_found', message: 'x' } });
    });
    // A route that always says 404 would pass the cross-tenant check by doing nothing at all.
    app.delete('/lazy/:contactId', { config: { permission: 'contacts:write' }, schema }, async (_request, reply) =>
      reply.code(404).send({ error: { code: 'not_found', message: 'x' } }),
    );
    // A credential route that answers with every workspace's endpoints, not only its own.
    const credentialParams = Type.Object({ credential: Type.String({ pattern: CREDENTIAL_PATTERN }) }, { additionalProperties: false });
    app.get('/links/:credential', { config: { realm: 'credential', credentialKind: 'inbound_webhook' }, schema: { params: credentialParams } }, async () => {
      const descriptions: unknown[] = [];
      acrossTenants(() => void descriptions.push(...tenantDb().statement('SELECT description FROM webhook_endpoints').all()));
      return descriptions;
    });
    app.get('/widgets/:widgetId', { config: { permission: 'contacts:read' }, schema: { params: { type: 'object', properties: { widgetId: { type: 'string', pattern: '^wd_[a-z2-7]{24}$' } }, additionalProperties: false } } }, async () => ({}));
  };
  const api = await build(t, {}, [broken]);
  held.runtime = api.runtime;
  const { violations } = await runIsolationSuite(api);
  t.match(violations.join('\n'), /GET \/api\/v1\/leaky\/:contactId: answered 200 to tenant A for tenant B's ids/);
  t.match(violations.join('\n'), /GET \/api\/v1\/leaky\/:contactId: response to tenant A contains tenant B's data/);
  t.match(violations.join('\n'), /DELETE \/api\/v1\/shredder\/:contactId: a request by tenant A changed tenant B's database/);
  t.match(violations.join('\n'), /GET \/api\/v1\/widgets\/:widgetId: no route-walker fixture for :widgetId/);
  t.match(violations.join('\n'), /POST \/api\/v1\/lookup: response to tenant A contains tenant B's data/);
  t.match(violations.join('\n'), /GET \/api\/v1\/links\/:credential: response to A's credential contains tenant B's data/);
  t.match(violations.join('\n'), /DELETE \/api\/v1\/lazy\/:contactId: tenant A's own ids answered 404; the cross-tenant 404 proves nothing/);
  t.notMatch(violations.join('\n'), /\/contacts/, 'the real contact routes stay clean beside them');
});
