// The mailbox export, sanitising and attachment tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './export.part.js';
import './sanitize.part.js';
import './attachments.part.js';
