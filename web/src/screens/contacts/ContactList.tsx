// Contacts: search as you type (the query is in the address, so a search can be shared and goes
// back and forward), and "Show more" pages on with the server's cursor past any number of them.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ok } from '../../api/http.js';
import { Link, navigate, useLocation } from '../../router.js';
import { can, useSession } from '../../session.js';
import { Button } from '../../ui/controls.js';
import { Empty, ErrorNotice, Loading } from '../../ui/states.js';
import { Page } from '../../ui/page.js';
import type { Contact } from './contact.js';

export function ContactList(): JSX.Element {
  const session = useSession();
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const [typed, setTyped] = useState(q);
  const [items, setItems] = useState<Contact[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<{ loading: boolean; error: unknown }>({ loading: true, error: null });
  const [round, setRound] = useState(0);

  // Typing settles for 250 ms before the address (and so the search) changes.
  useEffect(() => {
    if (typed.trim() === q) return;
    const timer = setTimeout(() => navigate(typed.trim() ? `/contacts?q=${encodeURIComponent(typed.trim())}` : '/contacts', { replace: true }), 250);
    return () => clearTimeout(timer);
  }, [typed, q]);

  const load = async (after: string | null): Promise<void> => {
    setState({ loading: true, error: null });
    try {
      const page = await ok(api.GET('/api/v1/contacts', { params: { query: { ...(q ? { q } : {}), ...(after ? { cursor: after } : {}) } } }));
      setItems((previous) => (after ? [...previous, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setState({ loading: false, error: null });
    } catch (error) {
      setState({ loading: false, error });
    }
  };
  useEffect(() => {
    void load(null);
  }, [q, round]);

  const writer = can(session, 'contacts:write');
  return (
    <Page
      title="Contacts"
      actions={
        writer && (
          <Link href="/contacts/new" class="button button-primary">
            New contact
          </Link>
        )
      }
    >
      <search class="toolbar">
        <label for="contact-search" class="visually-hidden">
          Search contacts
        </label>
        <input id="contact-search" class="input" type="search" placeholder="Search by name, email, phone or company" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
      </search>
      {Boolean(state.error) && <ErrorNotice error={state.error} onRetry={() => setRound((n) => n + 1)} />}
      {!state.loading && !state.error && items.length === 0 &&
        (q ? (
          <Empty title={`No contacts match “${q}”.`}>
            <p>Try part of a name, an email address or a phone number.</p>
          </Empty>
        ) : (
          <Empty title="No contacts yet.">
            <p>{writer ? 'Add the people and companies you work with.' : 'When your team adds contacts they appear here.'}</p>
            {writer && (
              <Link href="/contacts/new" class="button button-primary">
                Add the first contact
              </Link>
            )}
          </Empty>
        ))}
      {items.length > 0 && (
        <table class="table" aria-describedby="contacts-count">
          <caption id="contacts-count" class="visually-hidden">
            {items.length} contacts shown{cursor ? ', more available' : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Company</th>
              <th scope="col">Email</th>
              <th scope="col">Phone</th>
            </tr>
          </thead>
          <tbody>
            {items.map((contact) => (
              <tr key={contact.id}>
                <th scope="row" data-label="Name">
                  <Link href={`/contacts/${contact.id}`}>{contact.name}</Link>
                </th>
                <td data-label="Company">{contact.company ?? ''}</td>
                <td data-label="Email">{contact.email ?? ''}</td>
                <td data-label="Phone">{contact.phone ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {state.loading && <Loading />}
      {cursor && !state.loading && (
        <div class="more">
          <Button onClick={() => void load(cursor)}>Show more contacts</Button>
        </div>
      )}
    </Page>
  );
}
