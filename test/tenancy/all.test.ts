// The tenancy tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './context.part.js';
import './group-commit.part.js';
import './run-as.part.js';
import './tenancy.part.js';
