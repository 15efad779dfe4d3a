// The search box in the app's header: Enter searches the workspace; "/" anywhere (outside a text
// field) puts the cursor in it.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { navigate, useLocation } from '../../router.js';

export function SearchBox(): JSX.Element {
  const { path, query } = useLocation();
  const [text, setText] = useState(path === '/search' ? (query.get('q') ?? '') : '');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (path === '/search') setText(query.get('q') ?? '');
  }, [path, query.get('q')]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement | null;
      const typing = target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <form
      role="search"
      class="search-box"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) navigate(`/search?q=${encodeURIComponent(text.trim())}`);
      }}
    >
      <input ref={input} type="search" class="input" aria-label="Search the workspace" placeholder="Search ( / )" value={text} maxLength={200} onInput={(e) => setText(e.currentTarget.value)} />
    </form>
  );
}
