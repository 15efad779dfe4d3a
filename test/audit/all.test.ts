// The audit API and admin-session tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './admin-session.part.js';
import './audit-api.part.js';
