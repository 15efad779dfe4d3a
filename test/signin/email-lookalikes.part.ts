// Emails are compared exactly (ASCII letters lower-cased, ASCII spaces trimmed, nothing else): a
// provider account whose address only looks like an invited one, or folds into it under Unicode
// case mapping, trimming or NFKC, is refused with 403 email_not_supported and audited, and never
// reaches the invitation or the membership of the person it imitates.
import t from 'tap';
import { createHash } from 'node:crypto';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { build, startSession, type Teardown } from '../helpers/app.js';
import { startJwksIssuer } from '../helpers/jwks-issuer.js';
import { securityEvents } from '../helpers/security-events.js';

const APPLE_CLIENT = 'com.example.spinney';
const KATE = 'kate@kiln.example';
const LOOKALIKES: [string, string][] = [
  ['Kelvin sign in the local part', '\u212Aate@kiln.example'],
  ['Kelvin sign in the domain', 'kate@\u212Ailn.example'],
  ['a leading U+FEFF', '\uFEFFkate@kiln.example'],
  ['a trailing U+FEFF', 'kate@kiln.example\uFEFF'],
  ['a leading no-break space', '\u00A0kate@kiln.example'],
  ['fullwidth letters', '\uFF4B\uFF41\uFF54\uFF45@kiln.example'],
  ['Turkish dotless i in the domain', 'kate@k\u0131ln.example'],
  ['Turkish dotted capital I in the domain', 'kate@K\u0130LN.example'],
  ['an NFKC look-alike (script small e)', 'kat\u212F@kiln.example'],
  ['an NFKC look-alike (mathematical bold k)', '\u{1D424}ate@kiln.example'],
  ['a Unicode domain (not in xn-- form)', 'kate@kiln.exampl\u00E9'],
];

async function rig(t: Teardown) {
  const apple = await startJwksIssuer();
  t.teardown(() => apple.close());
  const api = await build(t, { SPINNEY_APPLE_CLIENT_IDS: APPLE_CLIENT, SPINNEY_APPLE_ISSUER: apple.issuer });
  const tenant = createTenant(api.runtime, { name: 'Kiln Works', adminEmail: KATE });
  const exchange = async (sub: string, email: string) => {
    const nonce = (await api.call({ method: 'POST', url: '/api/v1/auth/nonce' })).json().nonce as string;
    const idToken = await apple.sign({ sub, email, email_verified: 'true', aud: APPLE_CLIENT, nonce: createHash('sha256').update(nonce).digest('hex') });
    return api.call({ method: 'POST', url: '/api/v1/auth/exchange', payload: { provider: 'apple', idToken, nonce } });
  };
  const count = (sql: string) => api.runtime.control.statement(sql).pluck().get() as number;
  return { api, tenant, exchange, count };
}

t.test("look-alike addresses never reach another person's invitation or membership", async (t) => {
  const { api, tenant, exchange, count } = await rig(t);
  const tryAll = async (when: string) => {
    for (const [what, email] of LOOKALIKES) {
      const res = await exchange(`apple-attacker-${what}`, email);
      t.equal(res.statusCode, 403, `${when}, ${what}: refused`);
      t.equal(res.json().error?.code, 'email_not_supported', `${when}, ${what}: email_not_supported`);
    }
    const counted = securityEvents(api.runtime).find((e) => e.reason.endsWith(':email_not_supported'))?.count ?? 0;
    t.equal(counted >= LOOKALIKES.length, true, `${when}: each refusal is counted`);
  };

  await tryAll('with a pending invitation');
  t.equal(count('SELECT count(*) FROM memberships'), 0, 'no membership was made');
  t.equal(count('SELECT count(*) FROM identities'), 0, 'no identity was bound');
  t.equal(count('SELECT count(*) FROM invitations WHERE accepted_at IS NULL AND revoked_at IS NULL'), 1, 'the invitation is still pending');

  const kate = await exchange('apple-kate', 'Kate@Kiln.example');
  t.equal(kate.statusCode, 200, `the real person (ASCII capitals are fine) gets in: ${kate.body}`);
  t.match(kate.json(), { tenant: { id: tenant.id }, member: { role: 'admin' } });

  await tryAll('after the real person joined');
  t.equal(count('SELECT count(*) FROM identities'), 1, 'still only the real person\'s identity');
  t.equal((await exchange('apple-kate', ' kate@kiln.example ')).statusCode, 200, 'ASCII spaces around the address are trimmed; the real person is not locked out');
});

t.test('an invitation is made only for a plain ASCII address', async (t) => {
  const { api, tenant, count } = await rig(t);
  const token = startSession(api.runtime, tenant.id, 'admin', 'us_admin').accessToken;
  for (const [what, email] of LOOKALIKES) {
    const res = await api.call({ method: 'POST', url: '/api/v1/invitations', token, payload: { email: email.replace('kate', 'kim'), role: 'member' } });
    t.equal(res.statusCode, 400, `${what}: refused`);
  }
  t.equal(count('SELECT count(*) FROM invitations'), 1, 'only the first admin\'s invitation exists');
  const ok = await api.call({ method: 'POST', url: '/api/v1/invitations', token, payload: { email: 'Kim@xn--kln-sna.example', role: 'member' } });
  t.equal(ok.statusCode, 201, ok.body);
  t.equal(ok.json().email, 'kim@xn--kln-sna.example', 'an IDNA domain in xn-- form is accepted, ASCII letters lower-cased');
});
