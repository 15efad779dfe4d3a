// The access-token tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './access-token.part.js';
import './support-session.part.js';
import './verified-tokens.part.js';
