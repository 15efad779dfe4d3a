// The shared outbox with a handler of its own kind (what mail or a calendar push will be): items
// commit with the caller's transaction, each kind gets its own retry schedule, concurrency and
// lease, a worker that died mid-attempt leaves the item retried under the same idempotency key,
// and the pending-work index keeps workers away from workspaces with nothing to do.
import t, { type Test } from 'tap';
import { cancelUnfinished, enqueue, JITTER, markPendingWork } from '../../src/outbox/outbox.js';
import { claimDueItems, findItem, finishAttempt, listAttemptRows, type OutboxItemRow } from '../../src/outbox/outbox.repo.js';
import { runOutboxPass, startOutboxWorker, type AttemptOutcome, type OutboxHandler } from '../../src/outbox/worker.js';
import { currentTenantId, tenantDb } from '../../src/tenancy/context.js';
import { ManualClock } from '../../src/time/clock.js';
import { build, type TestApp } from '../helpers/app.js';

const SCOPE = { actor: null, requestId: null };
const inTenant = <T>(api: TestApp, tenantId: string, fn: () => T): T => api.runtime.tenancy.run(tenantId, SCOPE, fn);

interface Sent {
  tenantId: string;
  key: string;
  payload: unknown;
}

/** A handler of kind `kind` that answers each send with the next outcome (the last one repeats). */
function recordingHandler(kind: string, outcomes: (Partial<AttemptOutcome> | 'throw')[], options: Partial<OutboxHandler> = {}) {
  const sent: Sent[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const handler: OutboxHandler<string> = {
    kind,
    retryDelaysMs: [1_000, 10_000],
    concurrency: 2,
    batch: 10,
    timeoutMs: 1_000,
    ...options,
    load: () => currentTenantId(),
    async send(item, tenantId) {
      sent.push({ tenantId, key: item.idempotency_key, payload: JSON.parse(item.payload) });
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      const outcome = outcomes[Math.min(sent.length - 1, outcomes.length - 1)];
      if (outcome === 'throw') throw new Error('the provider library blew up');
      return { delivered: false, status: null, error: null, durationMs: 5, ...outcome };
    },
  };
  return { handler, sent, maxInFlight: () => maxInFlight };
}

async function setup(t: Test) {
  const clock = new ManualClock();
  const api = await build(t, {}, [], { clock });
  const tenant = api.tenant();
  markPendingWork(api.runtime.control, tenant.id, clock.now());
  const item = (id: string, fields: { kind?: string; key?: string; payload?: unknown } = {}) =>
    inTenant(api, tenant.id, () => tenantDb().transaction(() => enqueue({ id, kind: fields.kind ?? 'mail', payload: fields.payload ?? { to: `${id}@example.com` }, ...(fields.key ? { idempotencyKey: fields.key } : {}) })));
  const row = (id: string) => inTenant(api, tenant.id, () => findItem(tenantDb(), id)) as OutboxItemRow;
  const attempts = (id: string) => inTenant(api, tenant.id, () => listAttemptRows(tenantDb(), id)).map((a) => [a.attempt, a.status, a.error]);
  return { api, clock, tenant, item, row, attempts };
}

t.test('an item commits or rolls back with the change that queued it, once per idempotency key', async (t) => {
  const { api, tenant, item, row } = await setup(t);
  t.equal(item('ml_1', { key: 'message-1' }), true);
  t.equal(item('ml_2', { key: 'message-1' }), false, 'the same key again queues nothing');
  t.equal(item('ml_3', { kind: 'calendar', key: 'message-1' }), true, 'keys are per kind');
  inTenant(api, tenant.id, () => {
    t.throws(() =>
      tenantDb().transaction(() => {
        enqueue({ id: 'ml_rolled_back', kind: 'mail', payload: {} });
        throw new Error('the change failed');
      }),
    );
  });
  t.match(row('ml_1'), { kind: 'mail', idempotency_key: 'message-1', state: 'pending', attempts: 0 });
  t.equal(row('ml_2'), undefined);
  t.equal(row('ml_rolled_back'), undefined, 'nothing queued for a change that rolled back');
  t.equal(item('ml_4'), true);
  t.equal(row('ml_4').idempotency_key, 'ml_4', 'the key defaults to the item id');
});

t.test('each kind goes to its own handler with its own schedule: retried with jitter, failed after the last attempt', async (t) => {
  const { clock, item, row, attempts, api } = await setup(t);
  const mail = recordingHandler('mail', [{ status: 451, error: 'greylisted' }]);
  const calendar = recordingHandler('calendar', [{ delivered: true, status: 200 }]);
  item('ml_1', { payload: { subject: 'Your estimate' } });
  item('cal_1', { kind: 'calendar' });
  const random = () => 0.5;
  t.match(await runOutboxPass(api.runtime, [mail.handler, calendar.handler], { random }), { tenants: 1, attempted: 2, delivered: 1, retrying: 1 });
  t.same(mail.sent.map((s) => s.payload), [{ subject: 'Your estimate' }], 'the mail handler got the mail item only');
  t.equal(calendar.sent.length, 1);
  const firstRetry = Date.parse(row('ml_1').next_attempt_at as string) - clock.now();
  t.equal(firstRetry, 1_000 * (1 + JITTER * 0.5), "the mail kind's first delay and its jitter");
  t.match(row('ml_1'), { state: 'pending', last_error: 'greylisted' });

  t.match(await runOutboxPass(api.runtime, [mail.handler, calendar.handler], { random }), { attempted: 0 }, 'not due yet');
  clock.advance(firstRetry);
  t.match(await runOutboxPass(api.runtime, [mail.handler], { random }), { attempted: 1, retrying: 1 });
  clock.advance(10_000 * (1 + JITTER));
  t.match(await runOutboxPass(api.runtime, [mail.handler], { random }), { attempted: 1, failed: 1 }, 'two delays: three attempts');
  t.match(row('ml_1'), { state: 'failed', next_attempt_at: null, lease_owner: null, attempts: 3 });
  t.same(attempts('ml_1'), [[1, 451, 'greylisted'], [2, 451, 'greylisted'], [3, 451, 'greylisted']]);
  t.equal(new Set(mail.sent.map((s) => s.key)).size, 1, 'every attempt under the same idempotency key');
});

t.test('a handler that gives up fails the item at once; one that throws is retried', async (t) => {
  const { item, row, attempts, api } = await setup(t);
  const giving = recordingHandler('mail', [{ giveUp: true, status: 550, error: 'no such mailbox' }]);
  item('ml_1');
  t.match(await runOutboxPass(api.runtime, [giving.handler]), { failed: 1 });
  t.match(row('ml_1'), { state: 'failed', last_error: 'no such mailbox' });
  const throwing = recordingHandler('calendar', ['throw']);
  item('cal_1', { kind: 'calendar' });
  const errors: unknown[] = [];
  t.match(await runOutboxPass(api.runtime, [throwing.handler], { log: { warn: () => undefined, error: (e: unknown) => errors.push(e) } }), { retrying: 1 });
  t.same(attempts('cal_1'), [[1, null, 'handler_error']]);
  t.match(errors, [{ kind: 'calendar' }], 'logged with its kind');
});

t.test('a kind never has more sends in flight than its concurrency', async (t) => {
  const { item, api } = await setup(t);
  const mail = recordingHandler('mail', [{ delivered: true, status: 250 }], { concurrency: 3 });
  for (let i = 0; i < 10; i += 1) item(`ml_${i}`);
  t.match(await runOutboxPass(api.runtime, [mail.handler]), { attempted: 10, delivered: 10 });
  t.equal(mail.maxInFlight(), 3);
});

t.test('an item whose worker died mid-attempt is retried after its lease, under the same key, once', async (t) => {
  const { api, clock, tenant, item, row, attempts } = await setup(t);
  const mail = recordingHandler('mail', [{ delivered: true, status: 250 }]);
  item('ml_1', { key: '<estimate-17@spinney.example>' });
  const now = clock.now();
  const claimed = inTenant(api, tenant.id, () => claimDueItems(tenantDb(), { kind: 'mail', now: new Date(now).toISOString(), leaseUntil: new Date(now + 60_000).toISOString(), owner: 'dead-worker', limit: 10 }));
  t.equal(claimed.length, 1, 'claimed by a worker that then died');
  t.match(await runOutboxPass(api.runtime, [mail.handler]), { attempted: 0 }, 'nobody takes it while the lease runs');
  clock.advance(60_000);
  const [one, two] = await Promise.all([runOutboxPass(api.runtime, [mail.handler]), runOutboxPass(api.runtime, [mail.handler])]);
  t.equal(one.attempted + two.attempted, 1, 'two workers after the lease: one of them sends it');
  t.same(mail.sent.map((s) => s.key), ['<estimate-17@spinney.example>']);
  t.same(attempts('ml_1'), [[1, null, 'lease_expired'], [2, 250, null]], 'the lost attempt is in the log');
  t.match(row('ml_1'), { state: 'delivered', attempts: 2 });
});

t.test('a worker whose lease was taken over records nothing', async (t) => {
  const { api, clock, item, row, attempts } = await setup(t);
  let release: () => void = () => undefined;
  const slow: OutboxHandler = {
    ...recordingHandler('mail', []).handler,
    timeoutMs: 1_000,
    send: () => new Promise((resolve) => (release = () => resolve({ delivered: true, status: 250, error: null, durationMs: 1 }))),
  };
  const fast = recordingHandler('mail', [{ delivered: true, status: 250 }]);
  item('ml_1');
  const stuck = runOutboxPass(api.runtime, [slow], { owner: 'slow-worker' });
  await new Promise((resolve) => setTimeout(resolve, 20));
  clock.advance(1_000 + 50_000); // past the slow worker's lease
  t.match(await runOutboxPass(api.runtime, [fast.handler]), { delivered: 1 });
  release();
  t.match(await stuck, { attempted: 1, delivered: 0 }, 'the slow worker finished too late to count');
  t.same(attempts('ml_1'), [[1, null, 'lease_expired'], [2, 250, null]]);
  t.equal(row('ml_1').state, 'delivered');
});

t.test('only items another worker takes over are logged as lost; a late worker not overtaken still records its result', async (t) => {
  const { api, clock, tenant, item, attempts, row } = await setup(t);
  item('ml_1');
  item('ml_2');
  const claim = (owner: string, limit: number) => {
    const now = clock.now();
    return inTenant(api, tenant.id, () => claimDueItems(tenantDb(), { kind: 'mail', now: new Date(now).toISOString(), leaseUntil: new Date(now + 60_000).toISOString(), owner, limit }));
  };
  t.equal(claim('slow-worker', 10).length, 2);
  clock.advance(60_000);
  t.same(claim('next-worker', 1).map((i) => i.id), ['ml_1'], 'the next worker takes one of the two');
  t.same(attempts('ml_1'), [[1, null, 'lease_expired']]);
  t.same(attempts('ml_2'), [], 'the other is not marked lost');
  const late = inTenant(api, tenant.id, () =>
    finishAttempt(tenantDb(), 'slow-worker', { item_id: 'ml_2', attempt: 1, started_at: new Date(clock.now()).toISOString(), duration_ms: 3, status: 250, error: null }, { state: 'delivered', completedAt: new Date(clock.now()).toISOString() }),
  );
  t.equal(late, true, 'its worker finished late but nobody took it over: the result counts');
  t.same(attempts('ml_2'), [[1, 250, null]]);
  t.equal(row('ml_2').state, 'delivered');
});

t.test('cancelled items are never sent', async (t) => {
  const { api, tenant, item, row } = await setup(t);
  const mail = recordingHandler('mail', [{ delivered: true, status: 250 }]);
  item('ml_1');
  item('ml_2');
  t.equal(inTenant(api, tenant.id, () => cancelUnfinished(['ml_1'])), 1);
  await runOutboxPass(api.runtime, [mail.handler]);
  t.equal(row('ml_1').state, 'cancelled');
  t.equal(mail.sent.length, 1);
});

t.test('the pending-work index: a workspace leaves it once it has nothing to send and its mark is older than a minute', async (t) => {
  const { api, clock, tenant, item } = await setup(t);
  const indexed = () => api.runtime.control.statement('SELECT tenant_id FROM outbox_tenants').pluck().all();
  const other = api.tenant('Never marked');
  inTenant(api, other.id, () => enqueue({ id: 'ml_elsewhere', kind: 'mail', payload: {} }));
  const mail = recordingHandler('mail', [{ status: 421 }, { delivered: true, status: 250 }]);
  item('ml_1');
  t.match(await runOutboxPass(api.runtime, [mail.handler]), { tenants: 1, retrying: 1 }, 'only the marked workspace is visited');
  clock.advance(120_000);
  t.match(await runOutboxPass(api.runtime, [mail.handler]), { delivered: 1 });
  t.same(indexed(), [tenant.id], 'still marked: it had an unfinished item when the pass looked');
  t.match(await runOutboxPass(api.runtime, [mail.handler]), { tenants: 1, attempted: 0 });
  t.same(indexed(), [], 'nothing left and the mark is old: removed');
  t.match(await runOutboxPass(api.runtime, [mail.handler]), { tenants: 0 });
});

t.test('the worker owns its timer: stop() waits for the pass in flight and nothing runs after it', async (t) => {
  const { api, item } = await setup(t);
  let finishSend: () => void = () => undefined;
  let sends = 0;
  const held: OutboxHandler = {
    ...recordingHandler('mail', []).handler,
    send: () => {
      sends += 1;
      return new Promise((resolve) => (finishSend = () => resolve({ delivered: true, status: 250, error: null, durationMs: 1 })));
    },
  };
  item('ml_1');
  const lines: unknown[] = [];
  const worker = startOutboxWorker(api.runtime, [held], { info: (l: unknown) => lines.push(l), warn: () => undefined, error: (l: unknown) => lines.push(l) } as never, 10);
  for (let i = 0; i < 200 && sends === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  t.equal(sends, 1, 'the first pass started on its own');
  let stopped = false;
  const stopping = worker.stop().then(() => (stopped = true));
  await new Promise((resolve) => setTimeout(resolve, 30));
  t.equal(stopped, false, 'stop() waits for the send in flight');
  finishSend();
  await stopping;
  t.match(lines, [{ outbox: { attempted: 1, delivered: 1 } }]);
  item('ml_2');
  await new Promise((resolve) => setTimeout(resolve, 50));
  t.equal(sends, 1, 'no pass after stop()');
});

t.test('listeners are wired and background work is started in one place only', async (t) => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const root = new URL('../../src/', import.meta.url);
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
  const calling = (pattern: RegExp) => files.filter((f) => pattern.test(readFileSync(new URL(f, root), 'utf8'))).sort();
  t.same(calling(/\bonTenantEvent\(/), ['audit/audit.service.ts', 'background.ts'], 'onTenantEvent is called by src/background.ts only (and defined in the audit service)');
  t.same(calling(/\bwireEventListeners\(\)/), ['background.ts', 'runtime.ts'], 'wired by openRuntime, for the server, every CLI command and tests alike');
  t.same(calling(/\bstartOutboxWorker\(|\bstartJobScheduler\(/), ['background.ts', 'jobs/scheduler.ts', 'outbox/worker.ts'], 'workers start from src/background.ts');
  t.same(calling(/\bstartBackgroundWork\(/), ['background.ts', 'server.ts'], 'and only the server starts them');
  const background = /^(outbox|webhooks|jobs)\/|^(background|server)\.ts$/;
  t.same(calling(/\bsetInterval\(/).filter((f) => background.test(f)), [], 'no loop of their own: the worker and the scheduler own their timers');
});
