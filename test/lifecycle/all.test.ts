// The storage-error, shutdown, cross-process revocation and socket-activation tests in one process:
// each part adds its tests to tap's root (docs/testing.md).
import './storage-errors.part.js';
import './shutdown.part.js';
import './revocation-across-processes.part.js';
import './socket-activation.part.js';
