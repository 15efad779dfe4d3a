// `node --import ./tools/test-loader/register.mjs`: installs hooks.mjs for this process and the ones it starts.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
