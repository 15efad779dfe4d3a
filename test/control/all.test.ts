// The control-plane tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './tenant-deletion.part.js';
import './tenant-status.part.js';
import './tenants.part.js';
