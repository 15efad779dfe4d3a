// The outbox tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './migration.part.js';
import './outbox.part.js';
