// Contacts matching what was typed, for pickers: the first 8, asked a moment after typing stops;
// null while nothing is typed, [] when the search fails (the picker then offers nothing).
import { useEffect, useState } from 'preact/hooks';
import { api, ok } from '../../api/http.js';
import type { paths } from '../../api/schema.js';

type Found = paths['/api/v1/contacts']['get']['responses'][200]['content']['application/json']['items'][number];

export function useContactSearch(typed: string): Found[] | null {
  const [found, setFound] = useState<Found[] | null>(null);
  useEffect(() => {
    const q = typed.trim();
    if (q === '') return setFound(null);
    let current = true;
    const timer = setTimeout(() => {
      ok(api.GET('/api/v1/contacts', { params: { query: { q, limit: 8 } } })).then(
        (page) => current && setFound(page.items),
        () => current && setFound([]),
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [typed]);
  return found;
}
