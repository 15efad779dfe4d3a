// The transcript tests, API and browser, in one process: each part adds its tests to tap's root (docs/testing.md).
import './transcripts.part.js';
import './browser-event-link.part.js';
