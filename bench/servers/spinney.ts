// Spinney exactly as `spinney serve` runs it (openRuntime → buildApp → serve), except that the
// log goes to /dev/null: each request still builds and writes its log line, nobody reads it.
import pino from 'pino';
import { announce, childArgs } from '../lib/child.js';
import { loadSpinney } from '../lib/spinney.js';

const { env } = childArgs<{ env: Record<string, string> }>();

const spinney = await loadSpinney();
const { config } = spinney.loadConfig(env);
const runtime = spinney.openRuntime(config);
const app = await spinney.buildApp({ runtime, logDestination: pino.destination({ dest: '/dev/null', sync: true }) });
// serve() installs the SIGTERM handler: close the server, then every database handle, then exit.
const url = await spinney.serve(app, runtime);
announce(url);
