// Every screen's address survives a reload: each path pattern in web/src/routes.tsx is under a
// section the server answers with the page (src/web/app-sections.ts), and each navigation entry
// (web/src/nav.ts) leads to a screen. Read from the sources: the web app is not loaded in Node.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { APP_SECTIONS } from '../../src/web/app-sections.js';

const source = (path: string): string => readFileSync(new URL(`../../web/src/${path}`, import.meta.url), 'utf8');

t.test('every screen is under a section the server serves, and every navigation entry has a screen', async (t) => {
  const patterns = [...source('routes.tsx').matchAll(/pattern: '([^']+)'/g)].map((m) => m[1] as string);
  const hrefs = [...source('nav.ts').matchAll(/href: '([^']+)'/g)].map((m) => m[1] as string);
  t.ok(patterns.length >= 5 && hrefs.length >= 2, 'the screens and navigation were read');
  for (const pattern of patterns) t.ok((APP_SECTIONS as readonly string[]).includes(pattern.split('/')[1] as string), `${pattern} is under a served section`);
  for (const href of hrefs) t.ok(patterns.includes(href), `the navigation entry ${href} has a screen`);
});
