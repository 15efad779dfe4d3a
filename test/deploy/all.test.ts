// The deployment tests (PM2 ecosystem, install-release, provision, shellcheck, nginx) in one process: each part adds its tests to tap's root (docs/testing.md).
import './ecosystem.part.js';
import './install-release.part.js';
import './provision.part.js';
import './shellcheck.part.js';
import './nginx.part.js';
