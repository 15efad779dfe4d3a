// The lead tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './currencies.part.js';
import './leads.part.js';
