// The dev-tooling tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './dev-oidc-provider.part.js';
import './jwks-issuer.part.js';
