// Two minutes before the session idles out, a dialog offers to stay signed in; at the deadline the
// person lands on the sign-in page with the reason. The deadline comes from the server
// (spinney-session-idle-expires on every answer), so any activity moves it.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, idleDeadline, onSessionChange } from './api/http.js';
import { signedOut } from './session.js';
import { Button } from './ui/controls.js';
import { Dialog } from './ui/dialog.js';

export const IDLE_WARNING_MS = 2 * 60 * 1000;

export function IdleWarning(): JSX.Element | null {
  const [deadline, setDeadline] = useState(idleDeadline());
  const [now, setNow] = useState(Date.now());
  useEffect(() => onSessionChange(() => setDeadline(idleDeadline())), []);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (deadline !== null && now >= deadline) signedOut('You were signed out after a period of inactivity. Please sign in again.');
  }, [deadline, now]);
  if (deadline === null || deadline - now > IDLE_WARNING_MS || now >= deadline) return null;
  const seconds = Math.max(0, Math.ceil((deadline - now) / 1000));
  return (
    <Dialog
      title="Still there?"
      role="alertdialog"
      onClose={() => void api.GET('/api/v1/auth/session')}
      actions={
        <Button variant="primary" onClick={() => void api.GET('/api/v1/auth/session')}>
          Stay signed in
        </Button>
      }
    >
      <p>
        For your security you will be signed out in {Math.floor(seconds / 60)}:{String(seconds % 60).padStart(2, '0')} unless you stay.
      </p>
    </Dialog>
  );
}
