// This build's version, from package.json (the repository's, or the copy packed in the executable).
import { readAsset } from './assets.js';

let version: string | undefined;

/** The version of Spinney running (read once). */
export function spinneyVersion(): string {
  version ??= (JSON.parse(readAsset('package.json').toString('utf8')) as { version: string }).version;
  return version;
}
