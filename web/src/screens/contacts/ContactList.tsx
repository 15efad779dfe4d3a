// Contacts: search as you type (the query is in the address, so a search can be shared and goes
// back and forward), and "Show more" pages on with the server's cursor past any number of them.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ok } from '../../api/http.js';
import { Link, navigate, useLocation } from '../../router.js';
import { can, useSession } from '../../session.js';
import { Empty, ErrorNotice, MorePages } from '../../ui/states.js';
import { Page } from '../../ui/page.js';
import { usePages } from '../../ui/use-pages.js';
import type { Contact } from './contact.js';

export function ContactList(): JSX.Element {
  const session = useSession();
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const tag = query.get('tag') ?? '';
  const [typed, setTyped] = useState(q);
  const contacts = usePages<Contact>((after) => ok(api.GET('/api/v1/contacts', { params: { query: { ...(q ? { q } : {}), ...(tag ? { tag } : {}), ...(after ? { cursor: after } : {}) } } })), [q, tag]);
  const { items } = contacts;

  // Typing settles for 250 ms before the address (and so the search) changes.
  useEffect(() => {
    if (typed.trim() === q) return;
    const timer = setTimeout(() => navigate(listAddress(typed.trim(), tag), { replace: true }), 250);
    return () => clearTimeout(timer);
  }, [typed, q, tag]);

  const writer = can(session, 'contacts:write');
  return (
    <Page
      title="Contacts"
      actions={
        writer && (
          <>
            {can(session, 'imports:write') && (
              <Link href="/import?kind=contacts" class="button">
                Import…
              </Link>
            )}
            <Link href="/contacts/new" class="button button-primary">
              New contact
            </Link>
          </>
        )
      }
    >
      <search class="toolbar">
        <label for="contact-search" class="visually-hidden">
          Search contacts
        </label>
        <input id="contact-search" class="input" type="search" placeholder="Search by name, email, phone or company" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
      </search>
      {tag && (
        <p class="toolbar">
          <span>
            Tagged <span class="chip">{tag}</span>
          </span>
          <Link href={listAddress(q, '')}>Show all tags</Link>
        </p>
      )}
      {Boolean(contacts.error) && <ErrorNotice error={contacts.error} onRetry={contacts.reload} />}
      {!contacts.loading && !contacts.error && items.length === 0 &&
        (q || tag ? (
          <Empty title={q ? `No contacts match “${q}”${tag ? ` with the tag “${tag}”` : ''}.` : `No contacts have the tag “${tag}”.`}>
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
            {items.length} contacts shown{contacts.more ? ', more available' : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Company</th>
              <th scope="col">Email</th>
              <th scope="col">Phone</th>
              <th scope="col">Tags</th>
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
                <td data-label="Tags">
                  {contact.tags.length > 0 && (
                    <ul class="chips" aria-label={`Tags of ${contact.name}`}>
                      {contact.tags.map((t) => (
                        <li key={t}>
                          <Link href={listAddress(q, t)} class="chip" title={`Show only contacts tagged ${t}`}>
                            {t}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MorePages pages={contacts} label="Show more contacts" />
    </Page>
  );
}

/** The list's address for a search and a tag filter (either may be empty). */
function listAddress(q: string, tag: string): string {
  const params = [q && `q=${encodeURIComponent(q)}`, tag && `tag=${encodeURIComponent(tag)}`].filter(Boolean).join('&');
  return params ? `/contacts?${params}` : '/contacts';
}
