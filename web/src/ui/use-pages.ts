// A list the server pages with a cursor: the first page when `deps` change, the next on
// loadMore(), appended. An answer that arrives after `deps` changed is dropped, so a slow page of
// an old search never mixes into the new one.
import { useEffect, useRef, useState } from 'preact/hooks';

export interface Pages<T> {
  items: T[];
  /** There is a next page to load. */
  more: boolean;
  loading: boolean;
  error: unknown;
  loadMore: () => void;
  reload: () => void;
}

export function usePages<T>(loadPage: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>, deps: unknown[]): Pages<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<{ loading: boolean; error: unknown }>({ loading: true, error: null });
  const generation = useRef(0);

  const load = async (after: string | null): Promise<void> => {
    const mine = after === null ? ++generation.current : generation.current;
    setState({ loading: true, error: null });
    try {
      const page = await loadPage(after);
      if (mine !== generation.current) return;
      setItems((previous) => (after ? [...previous, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setState({ loading: false, error: null });
    } catch (error) {
      if (mine === generation.current) setState({ loading: false, error });
    }
  };
  useEffect(() => {
    void load(null);
  }, deps);

  return { items, more: cursor !== null, ...state, loadMore: () => void load(cursor), reload: () => void load(null) };
}
