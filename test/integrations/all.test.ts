// The integration tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './connect.part.js';
import './tokens.part.js';
