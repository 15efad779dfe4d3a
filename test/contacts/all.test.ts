// The contact tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './contact-details.part.js';
import './contact-sensitive.part.js';
import './contacts.part.js';
