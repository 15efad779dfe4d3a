// The webhook tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './address-policy.part.js';
import './inbound.part.js';
import './management.part.js';
import './outbound.part.js';
