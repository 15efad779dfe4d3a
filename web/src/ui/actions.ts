// Running one change a person asked for: on success a short notice, on reauth_required the
// confirm-it's-you dialog (the session is fine), on any other refusal the reason in words.
import { useEffect } from 'preact/hooks';
import { sentence } from '../api/errors.js';
import type { ApiError } from '../api/http.js';
import { askToConfirmIdentity } from '../reauth.js';
import { notify } from './notices.js';

/** Runs `change`; true when it succeeded. */
export async function act(change: () => Promise<unknown>, done: string): Promise<boolean> {
  try {
    await change();
    notify({ text: done });
    return true;
  } catch (error) {
    if ((error as ApiError).code === 'reauth_required') askToConfirmIdentity();
    else notify({ text: sentence(error) });
    return false;
  }
}

/** For a screen whose load was refused: ask to confirm identity when that is the reason. */
export function useConfirmIfNeeded(error: unknown): void {
  useEffect(() => {
    if ((error as ApiError | null)?.code === 'reauth_required') askToConfirmIdentity();
  }, [error]);
}
