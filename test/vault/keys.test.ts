// The vault key tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './envelope.part.js';
import './keyring.part.js';
import './key-rotation.part.js';
import './rewrap-resume.part.js';
import './rotation-while-serving.part.js';
