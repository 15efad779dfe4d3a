// What a person's browser sees at the end of a sign-in: the page it asked to come back to, and,
// when the sign-in fails, the page with the reason in words instead of a JSON error. API clients
// (no Accept: text/html) keep the JSON answer; return_to never leaves this site.
import t from 'tap';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { signInAtProvider } from '../helpers/oidc-browser.js';
import { signInRig } from '../helpers/signin.js';

const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

t.test('a browser sign-in comes back to the page it started from (return_to), a path of this site only', async (t) => {
  const rig = await signInRig(t);
  createTenant(rig.api.runtime, { name: 'Acme Roofing', adminEmail: 'ann@acme.example' });
  const done = await rig.signIn('g-ann', '?return_to=%2Fcontacts%3Fq%3Ddana');
  t.equal(done.statusCode, 303);
  t.equal(done.headers.location, '/contacts?q=dana');
  for (const target of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', 'contacts', `/${'a'.repeat(300)}`]) {
    const res = await rig.api.call({ method: 'GET', url: `/api/v1/auth/signin/google?return_to=${encodeURIComponent(target)}` });
    t.equal(res.statusCode, 400, `${target.slice(0, 40)}: refused`);
    t.equal(res.json().error.field, 'return_to');
    t.notOk(res.headers['set-cookie'], 'and no sign-in starts');
  }
  const native = await rig.api.call({ method: 'GET', url: `/api/v1/auth/signin/google?client=native&redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fcb&code_challenge=${'a'.repeat(43)}&return_to=%2Fcontacts` });
  t.equal(native.statusCode, 400, 'native sign-in has its own redirect');
  t.equal(native.json().error.field, 'return_to');
});

t.test('a failed sign-in sends the browser to the page with the reason; an API client keeps the JSON error', async (t) => {
  const rig = await signInRig(t);
  createTenant(rig.api.runtime, { name: 'Acme Roofing', adminEmail: 'ann@acme.example' });
  const { location } = await rig.start();
  const callback = await signInAtProvider(location, 'g-ann');
  const page = await rig.api.call({ method: 'GET', url: `${callback.pathname}${callback.search}`, headers: HTML });
  t.equal(page.statusCode, 303, 'no sign-in cookie: the browser is sent to the page');
  t.equal(page.headers.location, '/?error=sign_in_expired');
  t.notOk(String(page.headers['set-cookie'] ?? '').includes('spinney_refresh='), 'no session');

  const stranger = await rig.start();
  const strangerCallback = await signInAtProvider(stranger.location, 'g-stranger');
  const refused = await rig.api.call({ method: 'GET', url: `${strangerCallback.pathname}${strangerCallback.search}`, headers: { ...HTML, cookie: stranger.cookie } });
  t.equal(refused.statusCode, 303, 'an account with no workspace: the page says so');
  t.equal(refused.headers.location, '/?error=no_workspace');

  const api = await rig.callback(await signInAtProvider((await rig.start()).location, 'g-ann'), null);
  t.equal(api.statusCode, 401, 'without Accept: text/html the answer is the JSON error');
  t.equal(api.json().error.code, 'sign_in_expired');
});
