// Tenant migration 0008 moves existing webhook deliveries into the shared outbox: same ids (the
// delivery log answers the same), their delivery id as idempotency key (the Spinney-Webhook-Id
// receivers already saw), states, attempts and leases as they were.
import t from 'tap';
import { join } from 'node:path';
import { applyMigrations, loadMigrations } from '../../src/tenancy/migrations.js';
import { openSqlite } from '../../src/tenancy/sqlite.js';
import { TenantHandle } from '../../src/tenancy/tenant-handle.js';
import { listDeliveryRows } from '../../src/webhooks/webhooks.repo.js';
import { tempDataDir } from '../helpers/app.js';

t.test('webhook deliveries and their attempts move into outbox_items and outbox_attempts with their ids', async (t) => {
  const db = openSqlite(join(tempDataDir(t), 'tenant.db'), { synchronous: 'NORMAL', mustExist: false });
  t.teardown(() => db.close());
  const migrations = loadMigrations('tenant');
  const before = migrations.filter((m) => m.version < 8);
  t.same(applyMigrations(db, before), before.map((m) => m.version));

  db.prepare(`INSERT INTO webhook_subscriptions (id, url, event_types, created_at, created_by, updated_at, updated_by) VALUES ('ws_one', 'https://hooks.example/a', '["contact.created"]', 't', 'u', 't', 'u')`).run();
  const delivery = db.prepare(
    `INSERT INTO webhook_deliveries (id, subscription_id, event_id, event_type, payload, state, attempts, next_attempt_at, lease_until, created_at, completed_at)
     VALUES (?, 'ws_one', ?, 'contact.created', ?, ?, ?, ?, ?, ?, ?)`,
  );
  delivery.run('wd_delivered', 'ae_1', '{"id":"ae_1"}', 'delivered', 2, null, null, '2026-12-01T10:00:00.000Z', '2026-12-01T10:01:00.000Z');
  delivery.run('wd_retrying', 'ae_2', '{"id":"ae_2"}', 'pending', 1, '2026-12-01T11:00:30.000Z', null, '2026-12-01T11:00:00.000Z', null);
  delivery.run('wd_inflight', 'ae_3', '{"id":"ae_3"}', 'sending', 1, '2026-12-01T12:00:00.000Z', '2026-12-01T12:01:00.000Z', '2026-12-01T12:00:00.000Z', null);
  const attempt = db.prepare('INSERT INTO webhook_delivery_attempts (delivery_id, attempt, started_at, duration_ms, status, error) VALUES (?, ?, ?, ?, ?, ?)');
  attempt.run('wd_delivered', 1, '2026-12-01T10:00:00.000Z', 12, 500, null);
  attempt.run('wd_delivered', 2, '2026-12-01T10:01:00.000Z', 9, 200, null);
  attempt.run('wd_retrying', 1, '2026-12-01T11:00:00.000Z', 10_000, null, 'timeout');

  t.same(applyMigrations(db, migrations), migrations.filter((m) => m.version >= 8).map((m) => m.version));
  t.same(
    db.prepare('SELECT id, kind, idempotency_key, payload, state, attempts, next_attempt_at, lease_owner, lease_until, last_error, completed_at FROM outbox_items ORDER BY id').all(),
    [
      { id: 'wd_delivered', kind: 'webhook', idempotency_key: 'wd_delivered', payload: '{"id":"ae_1"}', state: 'delivered', attempts: 2, next_attempt_at: null, lease_owner: null, lease_until: null, last_error: 'status 200', completed_at: '2026-12-01T10:01:00.000Z' },
      { id: 'wd_inflight', kind: 'webhook', idempotency_key: 'wd_inflight', payload: '{"id":"ae_3"}', state: 'sending', attempts: 1, next_attempt_at: '2026-12-01T12:00:00.000Z', lease_owner: null, lease_until: '2026-12-01T12:01:00.000Z', last_error: null, completed_at: null },
      { id: 'wd_retrying', kind: 'webhook', idempotency_key: 'wd_retrying', payload: '{"id":"ae_2"}', state: 'pending', attempts: 1, next_attempt_at: '2026-12-01T11:00:30.000Z', lease_owner: null, lease_until: null, last_error: 'timeout', completed_at: null },
    ],
  );
  const log = listDeliveryRows(new TenantHandle('t_migrated', db), 'ws_one', null, 10);
  t.same(
    log.map((d) => [d.id, d.event_id, d.state, d.attemptRows.map((a) => [a.attempt, a.status, a.error])]),
    [
      ['wd_inflight', 'ae_3', 'sending', []],
      ['wd_retrying', 'ae_2', 'pending', [[1, null, 'timeout']]],
      ['wd_delivered', 'ae_1', 'delivered', [[1, 500, null], [2, 200, null]]],
    ],
    'the delivery log reads the same deliveries, states and attempts',
  );
  t.same(db.prepare("SELECT name FROM sqlite_master WHERE name = 'webhook_delivery_attempts'").all(), [], 'the old attempt table is gone');
  db.prepare("DELETE FROM outbox_items WHERE id = 'wd_delivered'").run();
  t.same(db.prepare('SELECT id FROM webhook_deliveries ORDER BY id').pluck().all(), ['wd_inflight', 'wd_retrying'], "a delivery's webhook row goes with its outbox item");
  t.equal(db.prepare("SELECT count(*) FROM outbox_attempts WHERE item_id = 'wd_delivered'").pluck().get(), 0, 'and its attempts');
  t.same(db.pragma('foreign_key_check'), []);
});

t.test('control migration 0011: workspaces the webhook sender visited are in the outbox index', async (t) => {
  const db = openSqlite(join(tempDataDir(t), 'control.db'), { synchronous: 'NORMAL', mustExist: false });
  t.teardown(() => db.close());
  const migrations = loadMigrations('control');
  applyMigrations(db, migrations.filter((m) => m.version < 11));
  db.prepare("INSERT INTO tenants (id, slug, name, created_at, updated_at) VALUES ('tn_sending', 'sending', 'Sending', 't', 't'), ('tn_quiet', 'quiet', 'Quiet', 't', 't')").run();
  db.prepare("INSERT INTO webhook_sending_tenants (tenant_id) VALUES ('tn_sending')").run();
  applyMigrations(db, migrations);
  t.same(db.prepare('SELECT tenant_id FROM outbox_tenants').pluck().all(), ['tn_sending']);
  t.same(db.prepare("SELECT name FROM sqlite_master WHERE name = 'webhook_sending_tenants'").all(), [], 'the old index is gone');
});
