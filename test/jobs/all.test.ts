// The background-job tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './audit-verify.part.js';
import './retention.part.js';
import './runner.part.js';
import './tenant-purge.part.js';
