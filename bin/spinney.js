#!/usr/bin/env node
// The `spinney` command. Runs the compiled CLI from dist/ (built by `npm run build` / `npm start`).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('spinney: not built yet; run `npm run build` first\n');
  process.exit(1);
}
const { main } = await import(entry.href);
const code = await main(process.argv.slice(2));
// serve keeps running (its listeners hold the event loop); every other command exits with its code.
if (code !== 0) process.exit(code);
