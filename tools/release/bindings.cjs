// Stands in for the `bindings` package inside the release bundle: better-sqlite3 asks it for its
// addon by name, and in the executable that addon is a SEA asset, checked before it is loaded.
// CommonJS on purpose: better-sqlite3 calls the module itself, `require('bindings')(name)`.
/* eslint-disable @typescript-eslint/no-require-imports */
const { loadPackagedAddon } = require('../../src/config/assets.ts');

module.exports = function bindings(name) {
  return loadPackagedAddon(name);
};
