// The smallest browser client: it proves the sign-in contract end to end. The access token lives
// in this module's memory only; the refresh token is an HttpOnly cookie the page never sees.
let accessToken = null;
let session = null;

const $ = (id) => document.getElementById(id);
const show = (id, on) => { $(id).hidden = !on; };
const SECTIONS = ['signed-out', 'signed-in', 'invitation', 'choice'];
const only = (id) => SECTIONS.forEach((s) => show(s, s === id));
const postJson = (path) => fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', credentials: 'same-origin' });

async function refresh() {
  const res = await postJson('/api/v1/auth/refresh');
  if (!res.ok) return null;
  const body = await res.json();
  accessToken = body.accessToken;
  return body;
}

const errorCode = async (res) => (await res.clone().json().catch(() => ({}))).error?.code;

async function api(path, init = {}) {
  const call = () => fetch(path, { ...init, headers: { ...init.headers, authorization: `Bearer ${accessToken}` } });
  let res = await call();
  // A lapsed re-authentication window is not a lapsed session: no refresh, the caller asks to confirm.
  if (res.status === 401 && (await errorCode(res)) !== 'reauth_required' && (await refresh())) res = await call();
  if (res.headers.get('spinney-session-idle-expires')) $('idle').textContent = `Session idles out at ${res.headers.get('spinney-session-idle-expires')} unless you keep working.`;
  return res;
}

function item(text) {
  const li = document.createElement('li');
  li.textContent = text;
  return li;
}

function link(text, href) {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  li.append(a);
  return li;
}

async function signedOut() {
  only('signed-out');
  const res = await fetch('/api/v1/auth/providers');
  const { codeFlow } = await res.json();
  $('providers').replaceChildren(...codeFlow.map((p) => link(`Sign in with ${p.label}`, p.signInUrl)));
}

async function signedIn() {
  only('signed-in');
  show('reauth', false);
  session = await (await api('/api/v1/auth/session')).json();
  $('who').textContent = `Signed in to ${session.workspace.name} as ${session.role}.`;
  const contacts = await (await api('/api/v1/contacts')).json();
  $('contacts').replaceChildren(...contacts.items.map((c) => item(c.name)));
}

/** After a sign-in that is waiting: an invitation to answer, or a workspace to choose. */
async function pendingStep() {
  const res = await postJson('/api/v1/auth/pending');
  if (!res.ok) return false;
  const { invitation, workspaces } = await res.json();
  if (invitation) {
    only('invitation');
    $('invitation-text').textContent = `${invitation.invitedBy.description} invited you to join ${invitation.workspace.name} as ${invitation.role}.`;
    $('accept').onclick = async () => {
      const accepted = await postJson(`/api/v1/auth/invitations/${invitation.id}/accept`);
      if (!accepted.ok) return void ($('message').textContent = 'The invitation could not be accepted; sign in again.');
      accessToken = (await accepted.json()).accessToken;
      $('message').textContent = '';
      await signedIn();
    };
    $('decline').onclick = async () => {
      const declined = await postJson(`/api/v1/auth/invitations/${invitation.id}/decline`);
      $('message').textContent = declined.ok ? `You declined the invitation to join ${invitation.workspace.name}.` : 'The invitation could not be declined; sign in again.';
      await signedOut();
    };
    return true;
  }
  if (workspaces) {
    only('choice');
    $('workspaces').replaceChildren(...workspaces.map((w) => link(w.name, w.signInUrl)));
    return true;
  }
  return false;
}

$('show-sessions').addEventListener('click', async () => {
  const res = await api('/api/v1/sessions');
  if (res.status === 401 && (await errorCode(res)) === 'reauth_required') {
    // Sensitive: the person confirms at the provider and comes back to the same session.
    $('reauth-link').href = `/api/v1/auth/signin/${session.provider}?reauth=1`;
    show('reauth', true);
    return;
  }
  const { items } = await res.json();
  $('sessions').replaceChildren(...items.map((s) => item(`${s.current ? 'This session' : 'Session'} since ${s.createdAt} (${s.clientKind}${s.device ? `, ${s.device}` : ''})`)));
});

$('signout').addEventListener('click', async () => {
  await api('/api/v1/auth/signout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  accessToken = null;
  await signedOut();
});

if (await refresh()) await signedIn();
else if (!(await pendingStep())) await signedOut();
