// The isolation and search tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './isolation.part.js';
import '../search/search.part.js';
