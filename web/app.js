// The smallest browser client: it proves the sign-in contract end to end. The access token lives
// in this module's memory only; the refresh token is an HttpOnly cookie the page never sees.
let accessToken = null;

const $ = (id) => document.getElementById(id);
const show = (id, on) => { $(id).hidden = !on; };

async function refresh() {
  const res = await fetch('/api/v1/auth/refresh', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', credentials: 'same-origin' });
  if (!res.ok) return null;
  const body = await res.json();
  accessToken = body.accessToken;
  return body;
}

async function api(path, init = {}) {
  const call = () => fetch(path, { ...init, headers: { ...init.headers, authorization: `Bearer ${accessToken}` } });
  let res = await call();
  if (res.status === 401 && (await refresh())) res = await call();
  if (res.headers.get('spinney-session-idle-expires')) $('idle').textContent = `Session idles out at ${res.headers.get('spinney-session-idle-expires')} unless you keep working.`;
  return res;
}

function item(text) {
  const li = document.createElement('li');
  li.textContent = text;
  return li;
}

async function signedOut() {
  show('signed-in', false);
  show('signed-out', true);
  const res = await fetch('/api/v1/auth/providers');
  const { codeFlow } = await res.json();
  $('providers').replaceChildren(...codeFlow.map((p) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = p.signInUrl;
    a.textContent = `Sign in with ${p.label}`;
    li.append(a);
    return li;
  }));
}

async function signedIn() {
  show('signed-out', false);
  show('signed-in', true);
  const session = await (await api('/api/v1/auth/session')).json();
  $('who').textContent = `Signed in to workspace ${session.tenantId} as ${session.role}.`;
  const contacts = await (await api('/api/v1/contacts')).json();
  $('contacts').replaceChildren(...contacts.items.map((c) => item(c.name)));
}

$('signout').addEventListener('click', async () => {
  await api('/api/v1/auth/signout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  accessToken = null;
  await signedOut();
});

if (await refresh()) await signedIn();
else await signedOut();
