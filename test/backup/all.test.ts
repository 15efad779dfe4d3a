// The backup configuration, cipher, import-cycle and row-restore tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './chunked-cipher.part.js';
import './backup-config.part.js';
import './import-cycles.part.js';
import './restore-rows.part.js';
