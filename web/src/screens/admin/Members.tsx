// Members and invitations (admins): invite an email with a role, change a role, archive, remove,
// forget a member's sign-in account, revoke an invitation. Changes are sensitive: a lapsed
// sign-in asks to confirm. The server's last-admin refusal is shown as a sentence.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api, ok, type ApiError } from '../../api/http.js';
import { sentence } from '../../api/errors.js';
import { askToConfirmIdentity } from '../../reauth.js';
import { useSession } from '../../session.js';
import { act } from '../../ui/actions.js';
import { notify } from '../../ui/notices.js';
import { Button, SelectField, TextField } from '../../ui/controls.js';
import { ConfirmDialog } from '../../ui/dialog.js';
import { Page } from '../../ui/page.js';
import { Empty, ErrorNotice, Loading } from '../../ui/states.js';
import { DateTime } from '../../ui/time.js';
import { useRequest } from '../../ui/use-request.js';

const ROLE_OPTIONS = [
  { value: 'admin', label: 'Admin: everything, including members and settings' },
  { value: 'member', label: 'Member: works with contacts and records' },
  { value: 'viewer', label: 'Viewer: reads only' },
] as const;

type Role = 'admin' | 'member' | 'viewer';
type Pending = { title: string; body: string; label: string; run: () => Promise<unknown>; done: string };

export function Members(): JSX.Element {
  const session = useSession();
  const members = useRequest(() => ok(api.GET('/api/v1/members')), []);
  const invitations = useRequest(() => ok(api.GET('/api/v1/invitations')), []);
  const [confirm, setConfirm] = useState<Pending | null>(null);
  const reload = (): void => {
    members.reload();
    invitations.reload();
  };
  const run = async (change: () => Promise<unknown>, done: string): Promise<void> => {
    if (await act(change, done)) reload();
  };
  const memberPath = (memberId: string) => ({ params: { path: { memberId } } });

  return (
    <Page title="Members">
      <Invite onInvited={reload} />
      <h2>People in {session.workspace.name}</h2>
      {members.loading && <Loading />}
      {Boolean(members.error) && <ErrorNotice error={members.error} onRetry={members.reload} />}
      {members.data && (
        <ul class="cards">
          {members.data.items.map((m) => (
            <li key={m.id} class="card">
              <p class="card-title">
                {m.email}
                {m.id === session.userId && <span class="badge">You</span>}
                {m.status === 'archived' && <span class="badge">Archived</span>}
              </p>
              <p class="muted">
                {m.identity ? <>Signs in with {m.identity.provider}{m.identity.lastSignInAt && <>; last sign-in <DateTime iso={m.identity.lastSignInAt} /></>}.</> : 'Has not signed in yet.'}
              </p>
              <div class="button-row">
                <label class="visually-hidden" for={`role-${m.id}`}>
                  Role of {m.email}
                </label>
                <select
                  id={`role-${m.id}`}
                  class="input input-inline"
                  value={m.role}
                  disabled={m.status === 'archived'}
                  onChange={(e) => {
                    const role = e.currentTarget.value as Role;
                    setConfirm({ title: `Make ${m.email} ${role === 'admin' ? 'an' : 'a'} ${role}?`, body: 'Their sessions end, and they sign in again with the new role.', label: 'Change role', run: () => ok(api.PATCH('/api/v1/members/{memberId}', { ...memberPath(m.id), body: { role } })), done: `${m.email} is now ${role === 'admin' ? 'an' : 'a'} ${role}.` });
                    e.currentTarget.value = m.role;
                  }}
                >
                  {ROLE_OPTIONS.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.value[0]?.toUpperCase()}{o.value.slice(1)}
                    </option>
                  ))}
                </select>
                {m.status === 'active' && (
                  <Button onClick={() => setConfirm({ title: `Archive ${m.email}?`, body: 'They lose access at once; their sign-in account is kept for a later re-invite.', label: 'Archive', run: () => ok(api.POST('/api/v1/members/{memberId}/archive', { ...memberPath(m.id), body: {} })), done: `${m.email} was archived.` })}>
                    Archive
                  </Button>
                )}
                {m.identity && (
                  <Button onClick={() => setConfirm({ title: `Forget ${m.email}'s sign-in account?`, body: 'Their next sign-in with this email, from any account of the provider, binds again. Use this when they changed accounts.', label: 'Forget account', run: () => ok(api.POST('/api/v1/members/{memberId}/reset-identity', { ...memberPath(m.id), body: {} })), done: `${m.email}'s sign-in account was forgotten.` })}>
                    Reset sign-in account
                  </Button>
                )}
                <Button variant="danger" onClick={() => setConfirm({ title: `Remove ${m.email}?`, body: 'They lose access at once and their sign-in binding is deleted. Records they made stay.', label: 'Remove', run: () => ok(api.DELETE('/api/v1/members/{memberId}', memberPath(m.id))), done: `${m.email} was removed.` })}>
                  Remove
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <h2 class="section-title">Pending invitations</h2>
      {invitations.loading && <Loading />}
      {Boolean(invitations.error) && <ErrorNotice error={invitations.error} onRetry={invitations.reload} />}
      {invitations.data?.items.length === 0 && <Empty title="No pending invitations." />}
      {invitations.data && invitations.data.items.length > 0 && (
        <ul class="cards">
          {invitations.data.items.map((i) => (
            <li key={i.id} class="card">
              <p class="card-title">
                {i.email} <span class="badge">{i.role}</span>
              </p>
              <p class="muted">
                Sent <DateTime iso={i.createdAt} />; open until <DateTime iso={i.expiresAt} />.
              </p>
              <Button variant="danger" onClick={() => setConfirm({ title: `Revoke the invitation for ${i.email}?`, body: 'The link stops working; you can invite them again later.', label: 'Revoke', run: () => ok(api.DELETE('/api/v1/invitations/{invitationId}', { params: { path: { invitationId: i.id } } })), done: `The invitation for ${i.email} was revoked.` })}>
                Revoke invitation
              </Button>
            </li>
          ))}
        </ul>
      )}
      {confirm && (
        <ConfirmDialog
          title={confirm.title}
          confirmLabel={confirm.label}
          danger
          onClose={() => setConfirm(null)}
          onConfirm={async () => {
            setConfirm(null);
            await run(confirm.run, confirm.done);
          }}
        >
          <p>{confirm.body}</p>
        </ConfirmDialog>
      )}
    </Page>
  );
}

function Invite({ onInvited }: { onInvited: () => void }): JSX.Element {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await ok(api.POST('/api/v1/invitations', { body: { email: email.trim(), role } }));
      notify({ text: `${email.trim()} was invited as ${role === 'admin' ? 'an' : 'a'} ${role}.` });
      setEmail('');
      onInvited();
    } catch (err) {
      if ((err as ApiError).code === 'reauth_required') askToConfirmIdentity();
      else setError((err as ApiError).field === 'email' ? 'Enter an email address such as dana@example.com.' : sentence(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="panel form" onSubmit={submit} noValidate aria-labelledby="invite-title">
      <h2 id="invite-title">Invite someone</h2>
      <TextField label="Email" type="email" value={email} onValue={setEmail} error={error} required maxLength={320} autoComplete="off" />
      <SelectField label="Role" value={role} options={ROLE_OPTIONS} onValue={(v) => setRole(v as Role)} />
      <p class="muted">They join when they sign in to Spinney with this email address and accept.</p>
      <div>
        <Button type="submit" variant="primary" busy={busy}>
          Invite
        </Button>
      </div>
    </form>
  );
}
