// Short confirmations ("Contact deleted. Undo") in one polite live region at the bottom of the page.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface Notice {
  text: string;
  action?: { label: string; run: () => void };
}

let show: (notice: Notice | null) => void = () => undefined;

export function notify(notice: Notice): void {
  show(notice);
}

export function Notices(): JSX.Element {
  const [notice, setNotice] = useState<Notice | null>(null);
  useEffect(() => {
    show = setNotice;
  }, []);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 8000);
    return () => clearTimeout(timer);
  }, [notice]);
  return (
    <div class="notices" role="status" aria-live="polite">
      {notice && (
        <div class="toast">
          <span>{notice.text}</span>
          {notice.action && (
            <button
              type="button"
              class="button button-ghost"
              onClick={() => {
                notice.action?.run();
                setNotice(null);
              }}
            >
              {notice.action.label}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
