// Stands in for `node:fs` inside @touch4it/ical-timezones in the release bundle: it reads its
// VTIMEZONE files from `<its folder>/zones/`, which the executable carries as SEA assets instead.
import { join, relative } from 'node:path';
import { readAsset } from '../../src/config/assets.js';

function zoneAsset(path: string): string {
  return readAsset(`ical-timezones/zones/${relative(join(__dirname, 'zones'), path)}`).toString('utf8');
}

export const readFileSync = (path: string): string => zoneAsset(path);
export const promises = { readFile: async (path: string): Promise<string> => zoneAsset(path) };
