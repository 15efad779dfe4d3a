// `spinney estimate verify`: what an operator runs to prove an accepted estimate is what was sent.
import t from 'tap';
import { tenantDb } from '../../src/tenancy/context.js';
import { build, TEST_KEYS } from '../helpers/app.js';
import { spinneyInProcess } from '../helpers/cli-in-process.js';

t.test('spinney estimate verify: intact by number or id, every sent revision; an edit behind the back exits 1 naming it', async (t) => {
  const api = await build(t);
  const workspace = api.tenant('Verify Roofing');
  const token = workspace.token('member', 'us_maria');
  const contact = (await api.call({ method: 'POST', url: '/api/v1/contacts', token, payload: { name: 'Dana Whitfield' } })).json() as { id: string };
  const content = { currency: 'EUR', sections: [{ title: 'Roof', showOnlySectionTotal: false, items: [{ id: 'a', description: 'Tiles', quantity: '2.5', unit: 'm²', unitPrice: 4999, taxRateBp: 1900 }] }] };
  const estimate = (await api.call({ method: 'POST', url: '/api/v1/estimates', token, payload: { title: 'Roof', contactId: contact.id, content } })).json() as { id: string };
  const send = async () => api.call({ method: 'POST', url: `/api/v1/estimates/${estimate.id}/send`, token, payload: {} });
  t.equal((await send()).statusCode, 200);
  t.equal((await api.call({ method: 'POST', url: `/api/v1/estimates/${estimate.id}/revisions`, token, payload: {} })).statusCode, 201);
  t.equal((await send()).statusCode, 200);
  const env = { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: api.config.dataDir, SPINNEY_LOG_LEVEL: 'silent', ...TEST_KEYS };

  const byNumber = await spinneyInProcess(['estimate', 'verify', '--tenant', workspace.id, '--estimate', 'EST-0001'], env);
  t.equal(byNumber.code, 0, byNumber.stderr);
  t.match(byNumber.stdout, /^EST-0001 v1: intact \(superseded, sha256 [0-9a-f]{64}\)\nEST-0001 v2: intact \(sent, sha256 [0-9a-f]{64}\)\n$/);
  const json = await spinneyInProcess(['estimate', 'verify', '--tenant', workspace.id, '--estimate', estimate.id, '--revision', '2', '--json'], env);
  t.match(JSON.parse(json.stdout), [{ revision: 2, intact: true, problems: [] }]);

  api.runtime.tenancy.run(workspace.id, { actor: null, requestId: null }, () => {
    tenantDb().statement('DROP TRIGGER estimate_revisions_sealed').run();
    tenantDb().statement("UPDATE estimate_revisions SET content = replace(content, '4999', '3999') WHERE revision = 1").run();
  });
  const broken = await spinneyInProcess(['estimate', 'verify', '--tenant', workspace.id, '--estimate', 'EST-0001'], env);
  t.equal(broken.code, 1);
  t.match(broken.stdout, /EST-0001 v1: NOT INTACT: the stored content does not hash to the hash recorded when it was sent/);
  t.match(broken.stdout, /EST-0001 v2: intact/);
  t.match(broken.stderr, /^spinney: estimate EST-0001: v1 not intact\n$/);

  const unknown = await spinneyInProcess(['estimate', 'verify', '--tenant', workspace.id, '--estimate', 'EST-0404'], env);
  t.equal(unknown.code, 1);
  t.match(unknown.stderr, /no estimate EST-0404/);
  const badRevision = await spinneyInProcess(['estimate', 'verify', '--tenant', workspace.id, '--estimate', 'EST-0001', '--revision', 'x'], env);
  t.match(badRevision.stderr, /--revision must be a revision number/);
});
