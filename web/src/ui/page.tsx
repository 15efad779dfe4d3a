// A screen's frame: its heading (also the tab's title) and the actions beside it.
import type { ComponentChildren, JSX } from 'preact';
import { useEffect } from 'preact/hooks';

/** Names the browser tab after the screen, as a side effect of showing it (not during render). */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Spinney`;
  }, [title]);
}

export function Page({ title, actions, children, back }: { title: string; actions?: ComponentChildren; children: ComponentChildren; back?: ComponentChildren }): JSX.Element {
  useDocumentTitle(title);
  return (
    <section class="page" aria-labelledby="page-title">
      {back && <div class="page-back">{back}</div>}
      <header class="page-header">
        <h1 id="page-title" tabIndex={-1}>
          {title}
        </h1>
        {actions && <div class="page-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}
