// Export and deletion (admins): download the whole workspace as one archive with progress, and
// delete the workspace after typing its name. Both are sensitive (a recent sign-in).
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { sentence } from '../../api/errors.js';
import { api, ok, readError, type ApiError } from '../../api/http.js';
import { formatBytes, saveResponse } from '../../download.js';
import { askToConfirmIdentity } from '../../reauth.js';
import { can, signedOut, useSession } from '../../session.js';
import { Button } from '../../ui/controls.js';
import { ConfirmDialog } from '../../ui/dialog.js';
import { Page } from '../../ui/page.js';
import { ErrorNotice } from '../../ui/states.js';
import { formatDateTime } from '../../time.js';

export function Workspace(): JSX.Element {
  const session = useSession();
  return (
    <Page title="Export and deletion">
      <Export />
      {can(session, 'workspace:delete') && <Deletion name={session.workspace.name} />}
    </Page>
  );
}

function Export(): JSX.Element {
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (): Promise<void> => {
    setError(null);
    setProgress('Preparing the archive…');
    try {
      const { response } = await api.POST('/api/v1/export', { body: {}, parseAs: 'stream' });
      if (!response.ok) throw await readError(response);
      const bytes = await saveResponse(response, 'spinney-export.tar.gz', (n) => setProgress(`Downloading… ${formatBytes(n)}`));
      setProgress(`Done: ${formatBytes(bytes)} saved.`);
    } catch (err) {
      setProgress(null);
      if ((err as ApiError).code === 'reauth_required') askToConfirmIdentity();
      else setError(err);
    }
  };
  return (
    <section class="panel" aria-labelledby="export-title">
      <h2 id="export-title">Export everything</h2>
      <p>One archive with every record of this workspace, its files and its audit log, in open formats. Sensitive fields are decrypted in it; secret values are never included. Keep it safe.</p>
      {Boolean(error) && <ErrorNotice error={error} />}
      {progress && (
        <p role="status" class="muted">
          {progress}
        </p>
      )}
      <Button variant="primary" busy={Boolean(progress?.endsWith('…') || progress?.startsWith('Downloading'))} onClick={run}>
        Download the export
      </Button>
    </section>
  );
}

function Deletion({ name }: { name: string }): JSX.Element {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const remove = async (): Promise<void> => {
    try {
      const done = await ok(api.POST('/api/v1/workspace/deletion', { body: { confirm: name } }));
      signedOut(`${name} was deleted. Its data is purged for good on ${formatDateTime(done.purgeAfter)}; until then your Spinney operator can restore it.`);
    } catch (err) {
      setAsking(false);
      if ((err as ApiError).code === 'reauth_required') askToConfirmIdentity();
      else setError(err);
    }
  };
  return (
    <section class="panel panel-danger" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete this workspace</h2>
      <p>Everyone is signed out and every request refused at once. After the grace period the workspace is purged with its keys and backups can no longer restore it.</p>
      {Boolean(error) && <p role="alert" class="field-error">{sentence(error)}</p>}
      <Button variant="danger" onClick={() => setAsking(true)}>
        Delete {name}…
      </Button>
      {asking && (
        <ConfirmDialog title={`Delete ${name}?`} confirmLabel="Delete the workspace" danger typeToConfirm={name} onConfirm={remove} onClose={() => setAsking(false)}>
          <p>This signs everyone out now and cannot be undone from here.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
