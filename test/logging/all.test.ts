// The logging tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './log-canary.part.js';
import './log-destination.part.js';
