// Credential routes across tenants, walked from app.routeTable (every route of realm 'credential',
// one fixture per credentialKind in test/helpers/route-walker.ts, issuing real credentials in
// workspaces A and B):
//  - A's credential in a valid call is accepted, shows nothing of B's and leaves B unchanged;
//  - A's credential with B's call (B's signature, for a route that checks one) shows nothing of
//    B's and leaves B unchanged;
//  - an expired, a revoked, a wrong-kind and an unknown credential all get the same answer, a
//    refusal, and change nothing in A or B;
//  - B's own credential is accepted beside them, so the refusals are not a broken route.
// It returns violations instead of asserting, so a test can also prove it catches broken routes.
import t from 'tap';
import { randomBytes } from 'node:crypto';
import { AsyncResource } from 'node:async_hooks';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { CREDENTIAL_KINDS, type CredentialKind } from '../../src/credentials/credential-kinds.js';
import { CREDENTIAL_PATTERN, issueCredential, revokeCredentials } from '../../src/credentials/credentials.service.js';
import type { Runtime } from '../../src/runtime.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { isoAt } from '../../src/time/clock.js';
import { build, type TestApp } from '../helpers/app.js';
import { callOptions, fillPath, fixtureKey, issuedCredential, requestFor, routeName, seedFixtures, tenantScopedControlTables, workspaceSnapshot } from '../helpers/route-walker.js';

const MARKER_A = 'credential-a-record';
const MARKER_B = 'CREDENTIAL-B-CANARY-51c0';

async function walkCredentialRoutes(api: TestApp): Promise<{ violations: string[]; routes: string[] }> {
  const a = api.tenant('Credential A');
  const b = api.tenant('Credential B');
  const adminA = a.token('admin', 'us_alice');
  const adminB = b.token('admin', 'us_bob');
  const controlTables = tenantScopedControlTables(api);
  const inA = <T>(fn: () => T): T => api.runtime.tenancy.run(a.id, { actor: null, requestId: null }, fn);
  const violations: string[] = [];
  const routes = api.app.routeTable.filter((route) => route.realm === 'credential');

  for (const route of routes) {
    const name = routeName(route);
    const key = fixtureKey(route, 'credential');
    const kind = route.credentialKind as CredentialKind;
    // Refuses, naming the route, when its kind has no fixture.
    const idsA = await seedFixtures(api, adminA, MARKER_A, [route]);
    const idsB = await seedFixtures(api, adminB, MARKER_B, [route]);
    const revokedIds = await seedFixtures(api, adminA, MARKER_A, [route]);
    const issuedA = issuedCredential(idsA[key] as string);
    const issuedB = issuedCredential(idsB[key] as string);
    const ofB = [issuedB.credential, issuedB.targetId, MARKER_B];
    inA(() => revokeCredentials(api.runtime, kind, issuedCredential(revokedIds[key] as string).targetId));
    const refused = {
      unknown: randomBytes(32).toString('base64url'),
      expired: inA(() => issueCredential(api.runtime, kind, issuedA.targetId, { expiresAt: isoAt(api.runtime.clock.now() - 1000) })),
      'of another kind': inA(() => issueCredential(api.runtime, CREDENTIAL_KINDS.find((other) => other !== kind) as CredentialKind, issuedA.targetId)),
    };
    const before = () => [workspaceSnapshot(api, a.id, controlTables), workspaceSnapshot(api, b.id, controlTables)] as const;
    const check = (what: string, body: string) => {
      const leaked = ofB.filter((value) => body.includes(value));
      if (leaked.length > 0) violations.push(`${name}: ${what}: the answer shows B's data (${leaked.join(', ')})`);
    };

    let [, bBefore] = before();
    const own = await api.call(callOptions(requestFor(route, idsA)));
    if (own.statusCode >= 400) violations.push(`${name}: A's own credential answered ${own.statusCode}; the checks below prove nothing`);
    check("A's credential", own.body);
    if (!bBefore.equals(before()[1])) violations.push(`${name}: A's credential changed B's workspace`);

    // A's credential in the URL, the rest of the call as B's sender makes it.
    [, bBefore] = before();
    const callOfB = requestFor(route, idsB);
    const crossed = await api.call(callOptions({ ...callOfB, url: fillPath(route, { ...idsB, [key]: issuedA.credential }) }));
    check("A's credential with B's call", crossed.body);
    if (!bBefore.equals(before()[1])) violations.push(`${name}: A's credential with B's call changed B's workspace`);

    // Each credential that opens nothing, in an otherwise valid call (signed by its record's sender):
    // one answer, no change anywhere.
    const deadCalls = [
      ...Object.entries(refused).map(([what, credential]) => {
        const call = requestFor(route, idsA);
        return [what, { ...call, url: fillPath(route, { ...idsA, [key]: credential }) }] as const;
      }),
      ['revoked', requestFor(route, revokedIds)] as const,
    ];
    const answers = new Map<string, string>();
    for (const [what, call] of deadCalls) {
      const [aBefore, bBefore] = before();
      const res = await api.call(callOptions(call));
      answers.set(what, `${res.statusCode} ${res.body}`);
      if (res.statusCode < 400) violations.push(`${name}: a credential ${what} answered ${res.statusCode}`);
      check(`a credential ${what}`, res.body);
      const [aAfter, bAfter] = before();
      if (!aBefore.equals(aAfter) || !bBefore.equals(bAfter)) violations.push(`${name}: a credential ${what} changed a workspace`);
    }
    for (const [what, answer] of answers) if (answer !== answers.get('unknown')) violations.push(`${name}: a credential ${what} answered ${answer}, unlike an unknown one (${answers.get('unknown')})`);

    const ownOfB = await api.call(callOptions(requestFor(route, idsB)));
    if (ownOfB.statusCode >= 400) violations.push(`${name}: B's own credential answered ${ownOfB.statusCode}`);
  }
  return { violations, routes: routes.map(routeName) };
}

t.test("every credential route: A's credential never shows or changes B; an expired, revoked, wrong-kind or unknown one is refused alike and changes nothing", async (t) => {
  const api = await build(t);
  const { violations, routes } = await walkCredentialRoutes(api);
  t.same(violations, [], 'no credential route crosses workspaces or opens with a dead credential');
  t.ok(routes.includes('POST /api/v1/hooks/:credential'), `every credential route was walked (${routes.join(', ')})`);
});

// Scopes do not nest (Tenancy.run refuses): a function bound to the empty context at module load
// lets a planted route reach every workspace, as a buggy one would.
const outsideAnyScope = AsyncResource.bind(<T>(fn: () => T): T => fn());

t.test('the walk catches a credential route that shows or changes another workspace, and one it has no fixture for', async (t) => {
  const held: { runtime?: Runtime } = {};
  const everyWorkspace = (fn: () => void): void =>
    outsideAnyScope(() => {
      const runtime = held.runtime as Runtime;
      for (const { id } of runtime.control.statement('SELECT id FROM tenants').all() as { id: string }[]) runtime.tenancy.run(id, { actor: null, requestId: null }, fn);
    });
  const params = Type.Object({ credential: Type.String({ pattern: CREDENTIAL_PATTERN }) }, { additionalProperties: false });
  const broken: FastifyPluginAsync = async (app) => {
    app.post('/stamp/:credential', { config: { realm: 'credential', credentialKind: 'inbound_webhook' }, schema: { params } }, async () => {
      const descriptions: unknown[] = [];
      everyWorkspace(() => {
        descriptions.push(...tenantDb().statement('SELECT description FROM webhook_endpoints').all());
        tenantDb().statement("UPDATE webhook_endpoints SET description = 'stamped'").run();
      });
      return descriptions;
    });
  };
  const api = await build(t, {}, [broken]);
  held.runtime = api.runtime;
  const { violations } = await walkCredentialRoutes(api);
  t.match(violations.join('\n'), /POST \/api\/v1\/stamp\/:credential: A's credential: the answer shows B's data/);
  t.match(violations.join('\n'), /POST \/api\/v1\/stamp\/:credential: A's credential changed B's workspace/);
  t.notMatch(violations.join('\n'), /\/hooks\//, 'the real inbound webhook route stays clean beside it');

  const unfilled = await build(t, {}, [
    async (app) => {
      app.get('/feeds/:credential', { config: { realm: 'credential', credentialKind: 'invitation_link' }, schema: { params } }, async () => ({}));
    },
  ]);
  await t.rejects(walkCredentialRoutes(unfilled), /GET \/api\/v1\/feeds\/:credential: no route-walker fixture for :credential of kind invitation_link/, 'a credential kind with no fixture stops the walk, named');
});
