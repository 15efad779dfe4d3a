// The static checks (settings, the controls inventory, data policies, lint rules) in one process: each part adds its tests to tap's root (docs/testing.md).
import './config.part.js';
import './settings-table.part.js';
import '../controls/controls.part.js';
import '../data-policy/coverage.part.js';
import '../lint/lint-rules.part.js';
