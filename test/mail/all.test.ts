// The compose, notice and mail tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './compose.part.js';
import './notices.part.js';
import './mail.part.js';
