// This build's version, from package.json: src/config/ and dist/config/ are both two levels below it.
import { readFileSync } from 'node:fs';

const PACKAGE_JSON = new URL('../../package.json', import.meta.url);
let version: string | undefined;

/** The version of Spinney running (read once). */
export function spinneyVersion(): string {
  version ??= (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;
  return version;
}
