// People by name, never by id: the workspace's members (GET /api/v1/people, every role), loaded
// once per session and shared by every screen that names someone ("added by", a lead's owner).
import { useEffect, useState } from 'preact/hooks';
import { api, ok } from '../api/http.js';
import type { paths } from '../api/schema.js';
import { useSession } from '../session.js';

export type Person = paths['/api/v1/people']['get']['responses'][200]['content']['application/json']['items'][number];

let loaded: { session: string; people: Promise<Map<string, Person>> } | undefined;

function peopleOf(session: string): Promise<Map<string, Person>> {
  if (loaded?.session !== session) {
    const people = ok(api.GET('/api/v1/people')).then((page) => new Map(page.items.map((p) => [p.id, p])));
    // A failed load is not remembered: the next screen asks again.
    people.catch(() => (loaded = undefined));
    loaded = { session, people };
  }
  return loaded.people;
}

/** The workspace's people by id (undefined while loading or when the list cannot be read). */
export function usePeople(): Map<string, Person> | undefined {
  const { id: sessionId } = useSession();
  const [people, setPeople] = useState<Map<string, Person>>();
  useEffect(() => {
    let current = true;
    peopleOf(sessionId).then(
      (map) => current && setPeople(map),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [sessionId]);
  return people;
}

/** Someone named by their email; the system's and an operator's changes, and former members, say so. */
export function PersonName({ id }: { id: string | null }) {
  const people = usePeople();
  if (!id || id === 'system') return <>Spinney</>;
  if (id === 'operator') return <>an operator</>;
  if (!people) return <>…</>;
  const person = people.get(id);
  return <>{person ? person.email : 'a former member'}</>;
}
