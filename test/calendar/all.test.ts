// The calendar tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './wall-time.part.js';
import './calendar-export.part.js';
import './calendar.part.js';
import './invites.part.js';
