// The retention jobs against real databases: each deletes exactly the rows past their retention
// (seeded a second either side of the boundary) and nothing else, in every workspace.
import t from 'tap';
import { randomBytes } from 'node:crypto';
import { controlPurgeJob, JOB_RUN_RETENTION_DAYS } from '../../src/jobs/control-purge.job.js';
import { runJob } from '../../src/jobs/runner.js';
import { SESSION_RETENTION_DAYS, sessionsPurgeJob } from '../../src/jobs/sessions-purge.job.js';
import { WEBHOOK_DELIVERY_RETENTION_DAYS, WEBHOOK_RECEIPT_RETENTION_DAYS, webhooksPurgeJob } from '../../src/jobs/webhooks-purge.job.js';
import { newId } from '../../src/http/ids.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { TOLERANCE_SECONDS } from '../../src/webhooks/signatures.js';
import { genericHeaders } from '../webhooks/helpers.js';
import { at, captureLog, DAY, inTenant, jobApp, NOW, tenantRows } from './helpers.js';

const SECOND = 1000;
const ids = (rows: unknown[]): string[] => (rows as { id: string }[]).map((r) => r.id).sort();

t.test('sessions-purge deletes sessions ended or expired past retention with their refresh tokens, and nothing else', async (t) => {
  const { api } = await jobApp(t);
  const cutoff = NOW - SESSION_RETENTION_DAYS * DAY;
  const tenants = [api.tenant('Alpha'), api.tenant('Beta')];
  const seed = (): Record<string, string> => {
    const sessions = {
      endedLongAgo: { ended: cutoff - SECOND, expires: cutoff + 7 * 3600 * SECOND },
      endedJustInside: { ended: cutoff + SECOND, expires: cutoff + 8 * 3600 * SECOND },
      expiredLongAgo: { ended: null, expires: cutoff - SECOND },
      expiredJustInside: { ended: null, expires: cutoff + SECOND },
      live: { ended: null, expires: NOW + 8 * 3600 * SECOND },
    };
    const named: Record<string, string> = {};
    for (const [name, s] of Object.entries(sessions)) {
      const id = newId('session');
      named[name] = id;
      const created = (s.ended ?? s.expires) - 3600 * SECOND;
      tenantDb()
        .statement(
          `INSERT INTO sessions (id, user_id, role, provider, client_kind, created_at, authenticated_at, last_seen_at, expires_at, ended_at, end_reason)
           VALUES (?, 'us_someone', 'member', 'test', 'native', ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, at(created), at(created), at(created), at(s.expires), s.ended === null ? null : at(s.ended), s.ended === null ? null : 'signed_out');
      for (const generation of [1, 2]) {
        tenantDb().statement('INSERT INTO refresh_tokens (token_hash, session_id, generation, issued_at) VALUES (?, ?, ?, ?)').run(randomBytes(32), id, generation, at(created));
      }
    }
    return named;
  };
  const seeded = tenants.map((tenant) => inTenant(api.runtime, tenant.id, seed));

  const { log } = captureLog();
  const run = await runJob(api.runtime, sessionsPurgeJob, { trigger: 'cli', log });
  t.equal(run.status, 'ok');
  t.same(run.counts, { sessions: 4, refreshTokens: 8, tenants: 2, tenantsFailed: 0 }, 'two sessions and their four tokens in each workspace');
  for (const [i, tenant] of tenants.entries()) {
    const named = seeded[i] as Record<string, string>;
    const left = inTenant(api.runtime, tenant.id, () => tenantDb().statement('SELECT id FROM sessions').all());
    t.same(ids(left), [named.endedJustInside, named.expiredJustInside, named.live].sort(), 'sessions inside the retention stay');
    const tokens = inTenant(api.runtime, tenant.id, () => tenantDb().statement('SELECT DISTINCT session_id AS id FROM refresh_tokens').all());
    t.same(ids(tokens), [named.endedJustInside, named.expiredJustInside, named.live].sort(), 'their refresh tokens stay; the purged sessions have none left');
    t.equal(tenantRows(api.runtime, tenant.id, 'refresh_tokens'), 6);
  }
  const again = await runJob(api.runtime, sessionsPurgeJob, { trigger: 'cli', log });
  t.same(again.counts, { sessions: 0, refreshTokens: 0, tenants: 2, tenantsFailed: 0 }, 'a second run finds nothing more');
});

t.test('control-purge deletes expired pending invitations, nonces, handoffs, connect states and old job runs, and nothing else', async (t) => {
  const { api } = await jobApp(t);
  const { control } = api.runtime;
  const tenant = api.tenant();
  const invitation = (email: string, expires: number, closed: 'accepted_at' | 'revoked_at' | null): string => {
    const id = newId('invitation');
    control
      .statement(`INSERT INTO invitations (id, tenant_id, email, role, created_at, created_by, expires_at, accepted_at, revoked_at) VALUES (?, ?, ?, 'member', ?, 'system', ?, ?, ?)`)
      .run(id, tenant.id, email, at(expires - 7 * DAY), at(expires), closed === 'accepted_at' ? at(expires - DAY) : null, closed === 'revoked_at' ? at(expires - DAY) : null);
    return id;
  };
  const expiredPending = invitation('gone@example.test', NOW - SECOND, null);
  const expiringNow = invitation('now@example.test', NOW, null);
  const pending = invitation('pending@example.test', NOW + SECOND, null);
  const accepted = invitation('accepted@example.test', NOW - 30 * DAY, 'accepted_at');
  const revoked = invitation('revoked@example.test', NOW - 30 * DAY, 'revoked_at');

  for (const expires of [NOW - SECOND, NOW + SECOND]) {
    control.statement('INSERT INTO spent_nonces (nonce_hash, expires_at) VALUES (?, ?)').run(randomBytes(32), at(expires));
    control
      .statement(`INSERT INTO native_handoffs (code_hash, tenant_id, member_id, role, provider, code_challenge, expires_at) VALUES (?, ?, 'mb_x', 'member', 'google', 'challenge', ?)`)
      .run(randomBytes(32), tenant.id, at(expires));
    control
      .statement(`INSERT INTO integration_connects (state_hash, tenant_id, user_id, session_id, provider, code_verifier, nonce, expires_at) VALUES (?, ?, 'us_x', 'ss_x', 'google', 'verifier', 'nonce', ?)`)
      .run(randomBytes(32), tenant.id, at(expires));
  }
  const jobRunsCutoff = NOW - JOB_RUN_RETENTION_DAYS * DAY;
  const jobRun = (finished: number | null): string => {
    const id = newId('jobRun');
    control
      .statement(`INSERT INTO job_runs (id, job, triggered_by, holder, started_at, lease_until, finished_at, status, counts) VALUES (?, ?, 'schedule', 'host:1', ?, ?, ?, ?, '{}')`)
      .run(id, finished === null ? 'old-stuck-job' : 'some-job', at((finished ?? jobRunsCutoff - DAY) - SECOND), finished === null ? at(NOW + DAY) : null, finished === null ? null : at(finished), finished === null ? 'running' : 'ok');
    return id;
  };
  const oldRun = jobRun(jobRunsCutoff - SECOND);
  const recentRun = jobRun(jobRunsCutoff + SECOND);
  const runningRun = jobRun(null);
  // Credentials that ended over a month ago go (revoked or expired); live and recently ended ones stay.
  const owner = api.tenant('Credential owner').id;
  const credential = (name: string, revoked: number | null, expires: number | null): void => {
    control
      .statement("INSERT INTO credentials (hash, kind, tenant_id, target_id, created_at, expires_at, revoked_at) VALUES (?, 'inbound_webhook', ?, ?, ?, ?, ?)")
      .run(Buffer.alloc(32, name), owner, name, at(NOW - 90 * DAY), expires === null ? null : at(expires), revoked === null ? null : at(revoked));
  };
  credential('a', NOW - 31 * DAY, null);
  credential('b', NOW - 29 * DAY, null);
  credential('c', null, NOW - 31 * DAY);
  credential('d', null, NOW + DAY);
  credential('e', null, null);

  const { log } = captureLog();
  const run = await runJob(api.runtime, controlPurgeJob, { trigger: 'cli', log });
  t.equal(run.status, 'ok');
  t.same(run.counts, { invitations: 2, spentNonces: 1, nativeHandoffs: 1, integrationConnects: 1, credentials: 2, jobRuns: 1, securityEvents: 0 });
  t.same(control.statement('SELECT target_id FROM credentials ORDER BY target_id').pluck().all(), ['b', 'd', 'e'], 'credentials ended over 30 days ago go; live and recently ended ones stay');
  t.same(ids(control.statement('SELECT id FROM invitations').all()), [pending, accepted, revoked].sort(), 'pending invitations still valid and closed ones stay');
  t.notOk([expiredPending, expiringNow].some((id) => control.statement('SELECT 1 FROM invitations WHERE id = ?').get(id)), 'an invitation that expires now is expired, as sign-in decides');
  for (const table of ['spent_nonces', 'native_handoffs', 'integration_connects']) {
    t.same(control.statement(`SELECT expires_at FROM ${table}`).pluck().all(), [at(NOW + SECOND)], `${table}: only the unexpired row stays`);
  }
  const runs = ids(control.statement('SELECT id FROM job_runs').all());
  t.ok(runs.includes(recentRun) && runs.includes(runningRun) && !runs.includes(oldRun), 'finished runs past their retention go; recent and running ones stay');
});

t.test('webhooks-purge deletes old receipts and finished deliveries with their attempts, never pending or sending ones', async (t) => {
  const { api } = await jobApp(t);
  const tenants = [api.tenant('Alpha'), api.tenant('Beta')];
  const receiptsCutoff = NOW - WEBHOOK_RECEIPT_RETENTION_DAYS * DAY;
  const deliveriesCutoff = NOW - WEBHOOK_DELIVERY_RETENTION_DAYS * DAY;
  const seed = (): Record<string, string> => {
    const db = tenantDb();
    for (const received of [receiptsCutoff - SECOND, receiptsCutoff + SECOND]) {
      db.statement(`INSERT INTO webhook_receipts (id, endpoint_id, delivery_id, received_at, payload) VALUES (?, 'wh_x', ?, ?, '{}')`).run(newId('webhookReceipt'), `d-${received}`, at(received));
    }
    const deliveries = {
      deliveredOld: { state: 'delivered', completed: deliveriesCutoff - SECOND, attempts: 2 },
      failedOld: { state: 'failed', completed: deliveriesCutoff - SECOND, attempts: 1 },
      cancelledOld: { state: 'cancelled', completed: deliveriesCutoff - SECOND, attempts: 0 },
      deliveredRecent: { state: 'delivered', completed: deliveriesCutoff + SECOND, attempts: 1 },
      pendingOld: { state: 'pending', completed: null, attempts: 3 },
      sendingOld: { state: 'sending', completed: null, attempts: 1 },
    };
    const named: Record<string, string> = {};
    for (const [name, d] of Object.entries(deliveries)) {
      const id = newId('webhookDelivery');
      named[name] = id;
      const created = deliveriesCutoff - 10 * DAY;
      db.statement(
        `INSERT INTO outbox_items (id, kind, idempotency_key, payload, state, attempts, next_attempt_at, lease_until, created_at, completed_at)
         VALUES (?, 'webhook', ?, '{}', ?, ?, ?, ?, ?, ?)`,
      ).run(id, id, d.state, d.attempts, d.state === 'pending' ? at(created) : null, d.state === 'sending' ? at(created) : null, at(created), d.completed === null ? null : at(d.completed));
      for (let attempt = 1; attempt <= d.attempts; attempt += 1) {
        db.statement('INSERT INTO outbox_attempts (item_id, attempt, started_at, duration_ms, status) VALUES (?, ?, ?, 5, 500)').run(id, attempt, at(created));
      }
    }
    return named;
  };
  const seeded = tenants.map((tenant) => inTenant(api.runtime, tenant.id, seed));

  const { log } = captureLog();
  const run = await runJob(api.runtime, webhooksPurgeJob, { trigger: 'cli', log });
  t.equal(run.status, 'ok');
  t.same(run.counts, { receipts: 2, deliveries: 6, deliveryAttempts: 6, tenants: 2, tenantsFailed: 0 });
  for (const [i, tenant] of tenants.entries()) {
    const named = seeded[i] as Record<string, string>;
    t.same(inTenant(api.runtime, tenant.id, () => tenantDb().statement('SELECT received_at FROM webhook_receipts').pluck().all()), [at(receiptsCutoff + SECOND)], 'the receipt inside the retention stays');
    const left = inTenant(api.runtime, tenant.id, () => tenantDb().statement('SELECT id FROM outbox_items').all());
    t.same(ids(left), [named.deliveredRecent, named.pendingOld, named.sendingOld].sort(), 'pending and sending deliveries stay however old');
    t.equal(tenantRows(api.runtime, tenant.id, 'outbox_attempts'), 5, 'with their attempt logs');
  }
});

t.test('webhook receipts outlive the replay window: a captured delivery replayed after the purge is still refused', async (t) => {
  t.ok(WEBHOOK_RECEIPT_RETENTION_DAYS * DAY > 2 * TOLERANCE_SECONDS * SECOND, 'kept longer than a signed timestamp is accepted either side of its receipt');
  const { api, clock } = await jobApp(t);
  const tenant = api.tenant();
  const token = tenant.token('admin', 'us_admin');
  const created = await api.call({ method: 'POST', url: '/api/v1/webhooks/endpoints', token, payload: { provider: 'generic' } });
  t.equal(created.statusCode, 201, created.body);
  const { secret, url } = created.json() as { secret: string; url: string };
  const body = JSON.stringify({ order: 1 });
  const headers = genericHeaders(secret, 'msg_1', Math.floor(clock.now() / 1000), body);
  t.equal((await api.call({ method: 'POST', url: new URL(url).pathname, headers, payload: body })).statusCode, 200);

  clock.advance(WEBHOOK_RECEIPT_RETENTION_DAYS * DAY + SECOND);
  const run = await runJob(api.runtime, webhooksPurgeJob, { trigger: 'cli', log: captureLog().log });
  t.equal(run.counts.receipts, 1, 'the receipt is gone');
  const replay = await api.call({ method: 'POST', url: new URL(url).pathname, headers, payload: body });
  t.equal(replay.statusCode, 401, 'its timestamp is long stale, so the replay is refused all the same');
  t.equal(tenantRows(api.runtime, tenant.id, 'webhook_receipts'), 0, 'and nothing is stored');
});
