// Anonymous refusals are counted, not chained: 40 refused sign-ins from one address add no row to
// the platform audit chain and one counted row to security_events; each hour is a window of its
// own; rate-limit rejections are counted the same way; the control-purge job deletes windows past
// SPINNEY_SECURITY_EVENTS_RETENTION_DAYS; `spinney security events` reports them.
import t from 'tap';
import { controlPurgeJob } from '../../src/jobs/control-purge.job.js';
import { runJob } from '../../src/jobs/runner.js';
import { admit } from '../../src/signin/signin.service.js';
import { ManualClock } from '../../src/time/clock.js';
import { build, TEST_KEYS } from '../helpers/app.js';
import { spinneyInProcess } from '../helpers/cli-in-process.js';
import { platformAuditCount, securityEvents } from '../helpers/security-events.js';
import { captureLog, DAY, NOW } from '../jobs/helpers.js';

const HOUR = 3_600_000;
const stranger = { provider: 'google', subject: 'g-nobody', email: 'nobody@nowhere.example', emailVerified: true };
const from = (ip: string) => ({ workspace: null, requestId: 'rq_test_0001', client: { ip, userAgent: null } });

t.test('40 refused sign-ins from one address: no audit chain growth, one row counting 40; a new hour is a new window', async (t) => {
  const clock = new ManualClock(NOW);
  const api = await build(t, {}, [], { clock });
  const chain = platformAuditCount(api.runtime);
  for (let i = 0; i < 40; i++) t.throws(() => admit(api.runtime, stranger, from('203.0.113.7')), { code: 'no_workspace' });
  t.equal(platformAuditCount(api.runtime), chain, 'the platform audit chain did not grow');
  t.same(securityEvents(api.runtime), [{ clientKey: '203.0.113.7', kind: 'sign_in_failed', reason: 'google:no_membership', count: 40 }]);
  t.equal(api.runtime.control.statement('SELECT count(*) FROM security_events').pluck().get(), 1, 'in one row');

  // IPv6: one /64 is one client.
  admit_(api, '2001:db8:1:2::a');
  admit_(api, '2001:db8:1:2:ffff::b');
  clock.advance(HOUR);
  admit_(api, '203.0.113.7');
  const rows = api.runtime.control.statement('SELECT client_key, window_start, count FROM security_events ORDER BY window_start, client_key').all();
  t.same(rows, [
    { client_key: '2001:db8:1:2::/64', window_start: '2026-06-01T12:00:00.000Z', count: 2 },
    { client_key: '203.0.113.7', window_start: '2026-06-01T12:00:00.000Z', count: 40 },
    { client_key: '203.0.113.7', window_start: '2026-06-01T13:00:00.000Z', count: 1 },
  ], 'an IPv6 /64 counts as one client; the next hour starts a new window');
});

function admit_(api: Awaited<ReturnType<typeof build>>, ip: string): void {
  try {
    admit(api.runtime, stranger, from(ip));
  } catch {
    // refused, as every stranger is
  }
}

t.test('rate-limit rejections are counted per client and limit, each one, and never chained', async (t) => {
  const api = await build(t, { SPINNEY_RATE_LIMIT: '2' });
  const chain = platformAuditCount(api.runtime);
  const statuses = [];
  for (let i = 0; i < 12; i++) statuses.push((await api.call({ method: 'GET', url: '/healthz', remoteAddress: '198.51.100.9' })).statusCode);
  t.same(statuses, [200, 200, ...Array(10).fill(429)]);
  t.same(securityEvents(api.runtime), [{ clientKey: '198.51.100.9', kind: 'rate_limited', reason: 'global', count: 10 }], 'ten rejections, one row');
  t.equal(platformAuditCount(api.runtime), chain, 'nothing in the audit chain');
});

t.test('control-purge deletes counts older than SPINNEY_SECURITY_EVENTS_RETENTION_DAYS and keeps newer ones', async (t) => {
  const clock = new ManualClock(NOW);
  const api = await build(t, { SPINNEY_SECURITY_EVENTS_RETENTION_DAYS: '7' }, [], { clock });
  admit_(api, '192.0.2.1');
  clock.advance(5 * DAY);
  admit_(api, '192.0.2.2');
  clock.advance(3 * DAY);
  const run = await runJob(api.runtime, controlPurgeJob, { trigger: 'cli', log: captureLog().log });
  t.equal(run.status, 'ok');
  t.match(run.counts, { securityEvents: 1 }, 'the run counts what it deleted');
  t.same(securityEvents(api.runtime).map((e) => e.clientKey), ['192.0.2.2'], 'the 8-day-old window went, the 3-day-old one stayed');
});

t.test('spinney security events: busiest first, since a duration, by kind or reason, as text or JSON; bad options refused', async (t) => {
  const clock = new ManualClock(Date.now() - 3 * DAY);
  const api = await build(t, { SPINNEY_RATE_LIMIT: '1' }, [], { clock });
  admit_(api, '192.0.2.50');
  clock.advance(3 * DAY);
  for (let i = 0; i < 3; i++) admit_(api, '203.0.113.7');
  admit_(api, '198.51.100.4');
  for (let i = 0; i < 2; i++) await api.call({ method: 'GET', url: '/healthz', remoteAddress: '192.0.2.9' });
  const env = { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: api.config.dataDir, ...TEST_KEYS };
  const run = async (...args: string[]) => {
    const result = await spinneyInProcess(['security', 'events', ...args], env);
    t.equal(result.code, 0, result.stderr);
    return result.stdout;
  };

  const lines = (await run('--kind', 'sign_in_failed')).trim().split('\n');
  t.equal(lines.length, 2, 'the last 24 hours by default: the 3-day-old refusal is not there');
  t.match(lines[0], /^203\.0\.113\.7  sign_in_failed  google:no_membership  3×  first \S+  last \S+$/);
  t.match(lines[1], /^198\.51\.100\.4  sign_in_failed  google:no_membership  1× /);
  const byReason = JSON.parse(await run('--since', '4d', '--reason', 'google:no_membership', '--json')) as { clientKey: string; count: number }[];
  t.same(byReason.map((c) => [c.clientKey, c.count]), [['203.0.113.7', 3], ['198.51.100.4', 1], ['192.0.2.50', 1]], '--since 4d reaches the older window');
  t.match(JSON.parse(await run('--reason', 'global', '--json')), [{ clientKey: '192.0.2.9', kind: 'rate_limited', reason: 'global', count: 1 }]);
  t.equal(await run('--reason', 'sign-in'), 'no refusals in the last 24h\n');

  for (const args of [['--since', '0h'], ['--since', '24'], ['--since', 'x'], ['--since', '3651d'], ['--kind', 'other']]) {
    const bad = await spinneyInProcess(['security', 'events', ...args], env);
    t.equal(bad.code, 1, args.join(' '));
    t.match(bad.stderr, /^spinney: --(since|kind) must /);
  }
});
