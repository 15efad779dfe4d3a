import type { JSX } from 'preact';
import { Link } from '../router.js';
import { Page } from '../ui/page.js';

export function NotFound(): JSX.Element {
  return (
    <Page title="Page not found">
      <p>There is nothing at this address. It may have moved, or the link may be incomplete.</p>
      <p>
        <Link href="/contacts">Go to contacts</Link>
      </p>
    </Page>
  );
}

export function NotAllowed(): JSX.Element {
  return (
    <Page title="Not available to your role">
      <p>Your role in this workspace does not include this screen. An admin can change your role.</p>
      <p>
        <Link href="/contacts">Go to contacts</Link>
      </p>
    </Page>
  );
}
