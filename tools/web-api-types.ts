// web/src/api/schema.d.ts, the web app's types for every API path, generated from the server's
// own OpenAPI document (GET /api/v1/openapi.json). Run `npm run web:types` after changing a route's
// schema; test/web/api-types.part.ts fails while the committed file is out of date.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { openRuntime } from '../src/runtime.js';

export const API_TYPES_FILE = fileURLToPath(new URL('../web/src/api/schema.d.ts', import.meta.url));

const HEADER = '// Generated from GET /api/v1/openapi.json by tools/web-api-types.ts (npm run web:types). Do not edit.\n\n';

/** The OpenAPI document of this checkout's server, from an app on a throwaway data directory. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'spinney-openapi-'));
  const { config } = loadConfig({ SPINNEY_ENV: 'development', SPINNEY_DATA_DIR: dataDir, SPINNEY_LOG_LEVEL: 'silent', SPINNEY_JOBS: 'off' });
  const runtime = openRuntime(config);
  try {
    const app = await buildApp({ runtime });
    try {
      return (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as Record<string, unknown>;
    } finally {
      await app.close();
    }
  } finally {
    runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function renderApiTypes(document: Record<string, unknown>): Promise<string> {
  return HEADER + astToString(await openapiTS(JSON.stringify(document)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(API_TYPES_FILE, await renderApiTypes(await openApiDocument()));
  console.log(`wrote ${API_TYPES_FILE}`);
}
