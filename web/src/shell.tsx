// The signed-in frame: a skip link, the top bar (workspace, account menu), the navigation from
// nav.ts, and the screen for the current path. Shared dialogs (idle warning, re-authentication)
// and notices live here once.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { sentence } from './api/errors.js';
import { IdleWarning } from './idle.js';
import { NAV } from './nav.js';
import { ReauthDialog } from './reauth.js';
import { ROUTES } from './routes.js';
import { Link, match, navigate, useLocation } from './router.js';
import { can, loadSession, signOut, useSession } from './session.js';
import { Notices, notify } from './ui/notices.js';
import { NotAllowed, NotFound } from './screens/NotFound.js';
import { SearchBox } from './screens/search/SearchBox.js';

function AccountMenu(): JSX.Element {
  const session = useSession();
  const [open, setOpen] = useState(false);
  const leave = async (everywhere: boolean): Promise<void> => {
    try {
      await signOut(everywhere);
    } catch (error) {
      notify({ text: sentence(error) });
    }
  };
  return (
    <div class="account">
      <button type="button" class="button button-ghost" aria-expanded={open} aria-controls="account-menu" onClick={() => setOpen(!open)}>
        <span class="account-role">{session.role}</span> Account
      </button>
      {open && (
        <div id="account-menu" class="account-menu">
          <p class="muted">
            Signed in to {session.workspace.name} as {session.role}
          </p>
          <Link href="/account/sessions" onClick={() => setOpen(false)}>
            Your sessions
          </Link>
          <button type="button" class="button button-block" onClick={() => void leave(false)}>
            Sign out
          </button>
          <button type="button" class="button button-block" onClick={() => void leave(true)}>
            Sign out everywhere
          </button>
        </div>
      )}
    </div>
  );
}

function Navigation({ path, onNavigate }: { path: string; onNavigate: () => void }): JSX.Element {
  const session = useSession();
  return (
    <>
      {NAV.map((group) => {
        const items = group.items.filter((item) => can(session, item.permission));
        if (items.length === 0) return null;
        return (
          <div class="nav-group" key={group.label}>
            <p class="nav-label">{group.label}</p>
            <ul>
              {items.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} class="nav-link" aria-current={path === item.href || path.startsWith(`${item.href}/`) ? 'page' : undefined} onClick={onNavigate}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}

export function Shell(): JSX.Element {
  const session = useSession();
  const { path } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (path === '/') navigate('/contacts', { replace: true });
  }, [path]);
  // A revoked or expired session is noticed when the person comes back to the tab, not only on
  // their next click. No polling: a timer's request would count as activity and defeat the idle timeout.
  useEffect(() => {
    const check = (): void => {
      if (document.visibilityState === 'visible') void loadSession().catch(() => undefined);
    };
    document.addEventListener('visibilitychange', check);
    return () => document.removeEventListener('visibilitychange', check);
  }, []);
  // After moving to another screen, focus its heading so screen readers announce it. Not on the
  // first screen of a page load: there the first Tab must reach "Skip to content".
  const firstScreen = useRef(true);
  useEffect(() => {
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    mainRef.current?.querySelector<HTMLElement>('#page-title')?.focus({ preventScroll: true });
  }, [path]);

  let screen: JSX.Element = <NotFound />;
  for (const route of ROUTES) {
    const params = match(route.pattern, path);
    if (!params) continue;
    screen = can(session, route.permission) ? <route.screen params={params} /> : <NotAllowed />;
    break;
  }
  return (
    <div class="app">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <button type="button" class="button button-ghost nav-toggle" aria-expanded={menuOpen} aria-controls="nav" onClick={() => setMenuOpen(!menuOpen)}>
          Menu
        </button>
        <Link href="/contacts" class="brand">
          Spinney
        </Link>
        <span class="workspace-name">{session.workspace.name}</span>
        {can(session, 'search:read') && <SearchBox />}
        <AccountMenu />
      </header>
      <div class="layout">
        <nav id="nav" class={`nav${menuOpen ? ' nav-open' : ''}`} aria-label="Main">
          <Navigation path={path} onNavigate={() => setMenuOpen(false)} />
        </nav>
        <main id="main" ref={mainRef} class="main" tabIndex={-1}>
          {screen}
        </main>
      </div>
      <IdleWarning />
      <ReauthDialog />
      <Notices />
    </div>
  );
}
