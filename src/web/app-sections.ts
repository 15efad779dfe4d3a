// The web app's top-level sections (web/src/routes.tsx): GET /<section> and /<section>/* answer
// with the page, so every screen has an address that survives a reload. A later feature adds its
// section here. Kept free of imports: the public route list (src/auth/public-routes.ts) reads it.
export const APP_SECTIONS = ['contacts', 'leads', 'estimates', 'calendar', 'mail', 'search', 'transcripts', 'import', 'admin', 'account'] as const;

/** The page's routes, as the public list spells them. */
export const APP_PAGE_ROUTES: readonly string[] = ['GET /', ...APP_SECTIONS.flatMap((section) => [`GET /${section}`, `GET /${section}/*`])];
