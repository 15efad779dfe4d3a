// The HTTP convention tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './api-reference.part.js';
import './conventions.part.js';
import './error-catalog.part.js';
import './forwarded-for.part.js';
import './ids.part.js';
import './ipv6-rate-limit.part.js';
