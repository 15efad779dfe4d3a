// Modal dialogs on the native <dialog>: showModal() makes the rest of the page inert, traps focus
// and closes on Escape, so keyboard and screen-reader use come from the browser.
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { Button } from './controls.js';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  /** The dialog's buttons, in a footer. */
  actions?: ComponentChildren;
  role?: 'dialog' | 'alertdialog';
}

export function Dialog({ title, onClose, children, actions, role = 'dialog' }: DialogProps): JSX.Element {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    // The browser gives focus back on close() only while the dialog is in the document; Preact
    // removes it first, so the element that opened the dialog gets its focus back here.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class="dialog"
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} class="dialog-title">
        {title}
      </h2>
      <div class="dialog-body">{children}</div>
      {actions && <div class="dialog-actions">{actions}</div>}
    </dialog>
  );
}

interface ConfirmProps {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  onConfirm: () => Promise<void> | void;
  onClose: () => void;
  danger?: boolean;
  /** The person must type this exactly (a workspace's name) before the button works. */
  typeToConfirm?: string;
}

/** A question with a cancel and a confirm button; the confirm button shows progress while it runs. */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onClose, danger = false, typeToConfirm }: ConfirmProps): JSX.Element {
  const [busy, setBusy] = useState(false);
  const [typed, setTyped] = useState('');
  const inputId = useId();
  const ready = typeToConfirm === undefined || typed === typeToConfirm;
  const confirm = async (): Promise<void> => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={title}
      role="alertdialog"
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant={danger ? 'danger' : 'primary'} busy={busy} disabled={!ready} onClick={confirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
      {typeToConfirm !== undefined && (
        <div class="field">
          <label for={inputId}>Type {typeToConfirm} to confirm</label>
          <input id={inputId} class="input" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} autoComplete="off" />
        </div>
      )}
    </Dialog>
  );
}
