// Drives the development OpenID provider (src/dev/dev-oidc-provider.ts) the way a browser would:
// manual redirects, cookies kept per host, the sign-in form submitted as a form post.

const MAX_HOPS = 20;

interface StoredCookie {
  name: string;
  value: string;
  path: string;
}

class Browser {
  readonly #jar = new Map<string, Map<string, StoredCookie>>();

  async request(url: URL, init: { method?: string; body?: URLSearchParams } = {}): Promise<Response> {
    const headers = new Headers();
    const cookie = this.#cookieHeader(url);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { method: init.method ?? 'GET', headers, body: init.body, redirect: 'manual' });
    this.#store(url, response.headers.getSetCookie());
    return response;
  }

  #cookieHeader(url: URL): string {
    const cookies = [...(this.#jar.get(url.host)?.values() ?? [])].filter((c) => pathMatches(url.pathname, c.path));
    return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  }

  #store(url: URL, setCookies: string[]): void {
    const jar = this.#jar.get(url.host) ?? new Map<string, StoredCookie>();
    this.#jar.set(url.host, jar);
    for (const header of setCookies) {
      const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      const cookie: StoredCookie = { name: pair.slice(0, eq), value: pair.slice(eq + 1), path: '/' };
      let expired = cookie.value === '';
      for (const attribute of attributes) {
        const [key = '', value = ''] = attribute.split('=');
        if (key.toLowerCase() === 'path') cookie.path = value;
        if (key.toLowerCase() === 'expires' && Date.parse(value) <= Date.now()) expired = true;
        if (key.toLowerCase() === 'max-age' && Number(value) <= 0) expired = true;
      }
      const key = `${cookie.path} ${cookie.name}`;
      if (expired) jar.delete(key);
      else jar.set(key, cookie);
    }
  }
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  return requestPath === cookiePath || requestPath.startsWith(cookiePath.endsWith('/') ? cookiePath : `${cookiePath}/`);
}

function decodeHtml(value: string): string {
  return value
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

async function failure(response: Response, url: URL): Promise<Error> {
  const text = (await response.text()).replace(/<head>.*<\/head>/s, '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return new Error(`provider answered ${response.status} at ${url.pathname}: ${text.slice(0, 300)}`);
}

type Followed = { url: URL; page: Response } | { url: URL; leftTo: URL };

/**
 * Follows redirects inside the provider's origin until it shows a page (returned with its URL) or
 * redirects elsewhere (returned as `leftTo`, not requested).
 */
async function follow(browser: Browser, start: URL, first?: Response): Promise<Followed> {
  const origin = start.origin;
  let url = start;
  let response = first ?? (await browser.request(url));
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    if (response.status < 300 || response.status >= 400) {
      if (response.status >= 400) throw await failure(response, url);
      return { url, page: response };
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`provider answered ${response.status} without Location at ${url.pathname}`);
    const next = new URL(location, url);
    const error = next.searchParams.get('error');
    if (error) {
      const description = next.searchParams.get('error_description');
      throw new Error(`provider redirected with error=${error}${description ? ` (${description})` : ''}`);
    }
    if (next.origin !== origin) return { url, leftTo: next };
    url = next;
    response = await browser.request(url);
  }
  throw new Error(`more than ${MAX_HOPS} redirects inside the provider`);
}

/** Follows an authorization URL to the provider's sign-in page and returns that page's HTML. */
export async function openSignInPage(authorizationUrl: string): Promise<string> {
  const shown = await follow(new Browser(), new URL(authorizationUrl));
  if ('leftTo' in shown) throw new Error(`provider redirected to ${shown.leftTo.href} without showing a sign-in page`);
  return shown.page.text();
}

/** Follows an authorization URL through the provider's login page, picks the user `sub`, and returns the final redirect URL to the relying party (the callback URL with code & state) WITHOUT requesting it. */
export async function signInAtProvider(authorizationUrl: string, sub: string): Promise<URL> {
  const browser = new Browser();
  const shown = await follow(browser, new URL(authorizationUrl));
  if ('leftTo' in shown) return shown.leftTo;

  const html = await shown.page.text();
  const action = /<form method="post" action="([^"]+)">/.exec(html)?.[1];
  if (!action) throw new Error(`no sign-in form at ${shown.url.pathname}`);
  const target = new URL(decodeHtml(action), shown.url);
  const posted = await browser.request(target, { method: 'POST', body: new URLSearchParams({ sub }) });

  const finished = await follow(browser, target, posted);
  if (!('leftTo' in finished)) throw new Error(`provider showed another page at ${finished.url.pathname} after sign-in`);
  return finished.leftTo;
}
