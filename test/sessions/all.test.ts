// The session, member, security-event and client tests in one process: each part adds its tests to tap's root (docs/testing.md).
import './sessions.part.js';
import '../members/members.part.js';
import '../security/security-events.part.js';
import '../client/client.part.js';
