// The route tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './credential-routes.part.js';
import './head.part.js';
import './sensitive.part.js';
