// The sign-in tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './browser-pages.part.js';
import './cookies.part.js';
import './email-lookalikes.part.js';
import './invitation-acceptance.part.js';
import './step-up.part.js';
