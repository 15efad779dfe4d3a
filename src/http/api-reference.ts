// The API reference at /api/docs: the OpenAPI document rendered once into one HTML page on this
// server, with no script and no third-party origin. Its only style is inline and allowed by hash
// in its own Content-Security-Policy. Each operation says who may call it (realm, permission, roles).
import { createHash } from 'node:crypto';
import { PERMISSIONS, type Permission } from '../auth/permissions.js';
import type { RegisteredRoute } from './route-registry.js';
import { escapeHtml } from './html.js';

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
}

export interface OpenApiDocument {
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem 1.5rem;color:#1b1d1c;background:#fff}
h1{font-size:1.8rem}h2{margin-top:2.5rem;border-bottom:1px solid #d5d8d6;text-transform:capitalize}
section{border:1px solid #d5d8d6;border-radius:8px;padding:.75rem 1rem;margin:1rem 0}
h3{font-size:1.05rem;margin:0 0 .25rem;font-family:ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.method{display:inline-block;min-width:4.5rem;font-weight:700;color:#1d5f46}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;border-top:1px solid #e6e8e7;padding:.25rem .5rem;vertical-align:top}
pre{background:#f4f5f4;padding:.5rem;overflow:auto;max-height:24rem;font-size:.85rem}
.who{color:#46504b}nav ul{columns:14rem}a{color:#1d5f46}
@media (prefers-color-scheme:dark){body{background:#161817;color:#e8ebe9}section,h2,th,td{border-color:#39403c}pre{background:#202422}.who{color:#b5beb9}a,.method{color:#7fd1ad}}`;

/** The page's policy: nothing but its own inline style (by hash); no script, frame, form or other origin. */
export const API_REFERENCE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Who may call a route, in words: its realm, and for workspace routes the permission and the roles holding it. */
function whoMayCall(route: RegisteredRoute | undefined): string {
  if (!route) return 'no token';
  if (route.realm === 'public') return 'anyone (no token)';
  if (route.realm === 'credential') return `the holder of a ${route.credentialKind ?? ''} link (no token)`;
  if (route.realm === 'platform') return 'platform operators';
  const permission = route.permission as Permission;
  return `a workspace access token with ${permission} (${PERMISSIONS[permission].join(', ')})${route.sensitive ? '; re-authenticated within the last minutes' : ''}`;
}

/** `/api/v1/leads/{leadId}` as the route table spells it: `/api/v1/leads/:leadId`. */
const routeUrl = (path: string): string => path.replace(/\{([^}]+)\}/g, ':$1');

export function renderApiReference(doc: OpenApiDocument, routes: readonly RegisteredRoute[]): string {
  const byKey = new Map(routes.map((route) => [`${route.method} ${route.url}`, route]));
  const groups = new Map<string, string[]>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const upper = method.toUpperCase();
      const id = `${method}-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
      const params = (op.parameters ?? []).map(
        (p) => `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.in)}</td><td>${p.required ? 'required' : 'optional'}</td><td><code>${escapeHtml(JSON.stringify(p.schema ?? {}))}</code></td></tr>`,
      );
      const body = op.requestBody?.content ? Object.entries(op.requestBody.content).map(([type, media]) => `<p>Body (${escapeHtml(type)}):</p><pre>${escapeHtml(JSON.stringify(media.schema ?? {}, null, 2))}</pre>`) : [];
      const responses = Object.entries(op.responses ?? {}).map(([status, r]) => `<li><code>${escapeHtml(status)}</code> ${escapeHtml(r.description ?? '')}</li>`);
      const html = [
        `<section id="${id}" aria-labelledby="${id}-h">`,
        `<h3 id="${id}-h"><span class="method">${upper}</span> ${escapeHtml(path)}</h3>`,
        op.summary ? `<p>${escapeHtml(op.summary)}</p>` : '',
        `<p class="who">Who: ${escapeHtml(whoMayCall(byKey.get(`${upper} ${routeUrl(path)}`)))}</p>`,
        params.length > 0 ? `<table><caption>Parameters</caption><thead><tr><th scope="col">name</th><th scope="col">in</th><th scope="col"></th><th scope="col">schema</th></tr></thead><tbody>${params.join('')}</tbody></table>` : '',
        ...body,
        responses.length > 0 ? `<p>Answers:</p><ul>${responses.join('')}</ul>` : '',
        '</section>',
      ].join('');
      const tag = op.tags?.[0] ?? 'other';
      groups.set(tag, [...(groups.get(tag) ?? []), html]);
    }
  }
  const tags = [...groups.keys()].sort();
  const slug = (tag: string): string => `tag-${tag.replace(/[^A-Za-z0-9]+/g, '-')}`;
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.info.title)} reference</title><style>${STYLE}</style></head><body><main>`,
    `<h1>${escapeHtml(doc.info.title)} reference</h1>`,
    '<p>Every route of this server, from its OpenAPI document (<a href="/api/v1/openapi.json">/api/v1/openapi.json</a>). Workspace routes take <code>Authorization: Bearer &lt;access token&gt;</code>; errors are <code>{"error": {"code", "message", "field"}}</code>.</p>',
    `<nav aria-label="Sections"><ul>${tags.map((tag) => `<li><a href="#${slug(tag)}">${escapeHtml(tag)}</a></li>`).join('')}</ul></nav>`,
    ...tags.map((tag) => `<h2 id="${slug(tag)}">${escapeHtml(tag)}</h2>${(groups.get(tag) ?? []).join('')}`),
    '</main></body></html>',
  ].join('\n');
}
