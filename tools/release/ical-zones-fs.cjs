// Stands in for `node:fs` inside @touch4it/ical-timezones in the release bundle: it reads its
// VTIMEZONE files from `<its folder>/zones/`, which the executable carries as SEA assets instead.
const { join, relative } = require('node:path');
const { readAsset } = require('../../src/config/assets.ts');

function zoneAsset(path) {
  return readAsset(`ical-timezones/zones/${relative(join(__dirname, 'zones'), path)}`).toString('utf8');
}

module.exports = {
  readFileSync: (path) => zoneAsset(path),
  promises: { readFile: async (path) => zoneAsset(path) },
};
