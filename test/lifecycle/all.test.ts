// The storage-error, shutdown and cross-process revocation tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './storage-errors.part.js';
import './shutdown.part.js';
import './revocation-across-processes.part.js';
