// The file tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './blob-chunks.part.js';
import './files.part.js';
import './large-upload.part.js';
import './lifecycle.part.js';
