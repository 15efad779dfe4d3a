// Spinney exactly as `spinney serve` runs it (openRuntime → buildApp → serve), with the same
// buffered log destination as production, pointed at /dev/null: each request still builds and
// writes its log line, nobody reads it.
import { announce, childArgs } from '../lib/child.js';
import { loadSpinney } from '../lib/spinney.js';

const { env } = childArgs<{ env: Record<string, string> }>();

const spinney = await loadSpinney();
const { config } = spinney.loadConfig(env);
const runtime = spinney.openRuntime(config);
const app = await spinney.buildApp({ runtime, logDestination: spinney.logDestination('/dev/null') });
// serve() installs the SIGTERM handler: close the server, then every database handle, then exit.
const url = await spinney.serve(app, runtime);
announce(url);
