// The signed-in member's private feed: a URL a phone's calendar subscribes to (shown once, with
// Copy), a new one that ends the old, and revoke. Anyone with the URL sees the member's events.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api, ok } from '../../api/http.js';
import { Link } from '../../router.js';
import { act } from '../../ui/actions.js';
import { Button } from '../../ui/controls.js';
import { ConfirmDialog } from '../../ui/dialog.js';
import { notify } from '../../ui/notices.js';
import { Page } from '../../ui/page.js';
import { ErrorNotice, Loading } from '../../ui/states.js';
import { DateTime } from '../../ui/time.js';
import { useRequest } from '../../ui/use-request.js';

export function CalendarFeed(): JSX.Element {
  const feed = useRequest(() => ok(api.GET('/api/v1/calendar/feed')), []);
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const issue = async () => {
    setBusy(true);
    await act(async () => setUrl((await ok(api.POST('/api/v1/calendar/feed', { body: {} }))).url ?? null), 'Your feed link is ready.');
    setBusy(false);
    feed.reload();
  };
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      notify({ text: 'The feed link was copied.' });
    } catch {
      notify({ text: 'Copying is not allowed here: select the link and copy it yourself.' });
    }
  };
  return (
    <Page title="Subscribe to your calendar" back={<Link href="/calendar">← Calendar</Link>}>
      <p>Your phone or desktop calendar can show your Spinney events (those you organize or attend in this workspace) by subscribing to a private link. It updates by itself.</p>
      {Boolean(feed.error) && <ErrorNotice error={feed.error} onRetry={feed.reload} />}
      {feed.loading && !feed.data && <Loading />}
      {feed.data && (
        <section class="panel" aria-labelledby="feed-title">
          <h2 id="feed-title">Your feed link</h2>
          {url ? (
            <>
              <label for="feed-url" class="lead-field-label">
                Feed link (shown only now)
              </label>
              <div class="calendar-feed-url">
                <input id="feed-url" class="input" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
                <Button variant="primary" onClick={copy}>
                  Copy link
                </Button>
              </div>
              <p class="field-hint">Add it to your calendar as a subscription (“Add calendar from URL”). Keep it private: anyone with it can see your events.</p>
            </>
          ) : feed.data.active ? (
            <p>
              You have a feed link, made <DateTime iso={feed.data.issuedAt as string} />. It is not shown again: make a new one to see it (the old one stops working).
            </p>
          ) : (
            <p class="muted">You have no feed link.</p>
          )}
          <div class="button-row">
            <Button variant={url ? 'secondary' : 'primary'} busy={busy} onClick={issue}>
              {feed.data.active ? 'Make a new feed link' : 'Make a feed link'}
            </Button>
            {feed.data.active && (
              <Button variant="danger" onClick={() => setConfirmRevoke(true)}>
                Revoke feed link
              </Button>
            )}
          </div>
        </section>
      )}
      {confirmRevoke && (
        <ConfirmDialog
          title="Revoke your feed link?"
          confirmLabel="Revoke"
          danger
          onClose={() => setConfirmRevoke(false)}
          onConfirm={async () => {
            const done = await act(() => ok(api.DELETE('/api/v1/calendar/feed')), 'Your feed link was revoked.');
            setConfirmRevoke(false);
            if (done) {
              setUrl(null);
              feed.reload();
            }
          }}
        >
          <p>Calendars subscribed to it stop receiving your events.</p>
        </ConfirmDialog>
      )}
    </Page>
  );
}
