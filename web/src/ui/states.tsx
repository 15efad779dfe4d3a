// What a screen shows while it waits, when it fails, and when there is nothing yet.
import type { ComponentChildren, JSX } from 'preact';
import { sentence } from '../api/errors.js';
import { Button } from './controls.js';

export function Loading({ label = 'Loading…' }: { label?: string }): JSX.Element {
  return (
    <p class="loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

/** The end of a paged list: a spinner while a page loads, else a button for the next page while there is one. */
export function MorePages({ pages, label }: { pages: { loading: boolean; more: boolean; loadMore: () => void }; label: string }): JSX.Element | null {
  if (pages.loading) return <Loading />;
  if (!pages.more) return null;
  return (
    <div class="more">
      <Button onClick={pages.loadMore}>{label}</Button>
    </div>
  );
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }): JSX.Element {
  return (
    <div class="notice notice-error" role="alert">
      <p>{sentence(error)}</p>
      {onRetry && <Button onClick={onRetry}>Try again</Button>}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ComponentChildren }): JSX.Element {
  return (
    <div class="empty">
      <p class="empty-title">{title}</p>
      {children}
    </div>
  );
}
