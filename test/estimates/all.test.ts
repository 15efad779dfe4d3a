// The estimate tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './canonical.part.js';
import './estimate-cli.part.js';
import './estimate-pdf.part.js';
import './totals.part.js';
import './estimates.part.js';
