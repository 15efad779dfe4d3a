// The vault secret tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './retire-backups.part.js';
import './secret-canary.part.js';
import './secret-hint.part.js';
import './vault.part.js';
