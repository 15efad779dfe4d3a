// A sensitive screen answered reauth_required: the session is fine, but this action needs a
// recent sign-in. The person confirms at their provider and comes back to the same screen in the
// same session; nothing signs them out.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useSession } from './session.js';
import { Button } from './ui/controls.js';
import { Dialog } from './ui/dialog.js';

let open: (on: boolean) => void = () => undefined;

/** Called by a screen whose request was refused with reauth_required. */
export function askToConfirmIdentity(): void {
  open(true);
}

/** The provider's step-up URL, returning to this screen afterwards. */
export const stepUpUrl = (provider: string, path = location.pathname + location.search): string =>
  `/api/v1/auth/signin/${encodeURIComponent(provider)}?reauth=1&return_to=${encodeURIComponent(path)}`;

export function ReauthDialog(): JSX.Element | null {
  const session = useSession();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    open = setShown;
  }, []);
  if (!shown) return null;
  return (
    <Dialog
      title="Confirm it's you"
      onClose={() => setShown(false)}
      actions={
        <>
          <Button onClick={() => setShown(false)}>Not now</Button>
          <a class="button button-primary" href={stepUpUrl(session.provider)}>
            Confirm with {providerLabel(session.provider)}
          </a>
        </>
      }
    >
      <p>This part of Spinney needs a recent sign-in. Confirm with your provider and you come straight back here, still signed in.</p>
    </Dialog>
  );
}

const providerLabel = (id: string): string => ({ google: 'Google', microsoft: 'Microsoft', apple: 'Apple', dev: 'the development provider' })[id] ?? id;
