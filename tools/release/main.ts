// The single executable's entry (bundled by tools/release/build.mjs): what bin/spinney.js does for a
// checkout, without top-level await, which the CommonJS main script of a SEA cannot have.
import { main } from '../../src/cli/main.js';

void main(process.argv.slice(2)).then((code) => {
  // serve keeps running (its listeners hold the event loop); every other command exits with its code.
  if (code !== 0) process.exit(code);
});
