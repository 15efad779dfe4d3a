// The export tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './coverage.part.js';
import './format-doc.part.js';
import './export-cli.part.js';
