// The web-asset tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './assets.part.js';
import './routes.part.js';
import './api-types.part.js';
