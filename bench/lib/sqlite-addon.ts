// Preloaded (`--import`) into a server child that runs on another Node than the one `npm ci` built
// better-sqlite3's addon for (`bench:read --node`): stands in for the `bindings` package, which
// better-sqlite3 asks for its addon by name, and answers with the addon at BENCH_SQLITE_ADDON,
// compiled for this Node's ABI. The release does the same (tools/release/bindings.cjs), so src/ is
// unchanged: better-sqlite3 loads its addon on the first `new Database`, after this has run.
import Module, { createRequire } from 'node:module';

const addonPath = process.env.BENCH_SQLITE_ADDON;
if (addonPath) {
  const require = createRequire(import.meta.url);
  const fromBetterSqlite = createRequire(require.resolve('better-sqlite3'));
  const bindingsPath = fromBetterSqlite.resolve('bindings');
  const addon: unknown = require(addonPath);
  const stub = new Module(bindingsPath);
  stub.filename = bindingsPath;
  stub.loaded = true;
  stub.exports = (name: string): unknown => {
    if (name !== 'better_sqlite3.node') throw new Error(`bench: no stand-in addon for ${name}`);
    return addon;
  };
  require.cache[bindingsPath] = stub;
}
