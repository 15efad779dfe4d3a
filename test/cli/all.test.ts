// The CLI start-up, refusal, command-list and serve tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './cli-refusals.part.js';
import './start-up.part.js';
import './commands.part.js';
import './serve.part.js';
