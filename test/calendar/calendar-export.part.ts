// The calendar in the workspace's archive and in a restored copy: events and attendees are exported
// as stored; a copy restored with `restore --as` keeps the events, sends none of the invites the
// original still owed, and has no feed (the original's feed URLs open the original only).
import t from 'tap';
import { runBackup } from '../../src/backup/backup-run.js';
import { restoreTenantAs } from '../../src/backup/restore-as.js';
import { mailHandler } from '../../src/mail/mail.handler.js';
import { runOutboxPass } from '../../src/outbox/worker.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { loadMigrations } from '../../src/tenancy/migrations.js';
import { startSession } from '../helpers/app.js';
import { readArchive } from '../export/archive.js';
import { calendarSetup } from './fixtures.js';

const SCOPE = { actor: null, requestId: null };

t.test('export holds the events; restore --as keeps them and sends none of the queued invites', async (t) => {
  const s = await calendarSetup(t);
  const created = await s.ok<{ event: { id: string; uid: string }; mailIds: string[] }>(
    'POST',
    '/api/v1/calendar/events',
    { title: 'Roof survey', timeZone: 'America/Denver', start: '2027-03-14T01:30', end: '2027-03-14T03:30', contactId: s.contact.id, attendees: [{ contactId: s.contact.id }, { memberId: s.sam.id }], sendInvites: true },
    201,
  );
  t.equal(created.mailIds.length, 2, 'two invites queued, not yet sent');
  const feed = await s.ok<{ url: string }>('POST', '/api/v1/calendar/feed', {}, 200, s.sam.token);
  const admin = s.member('admin', 'ada@whitfield.test');

  const exported = await s.api.call({ method: 'POST', url: '/api/v1/export', token: admin.token, payload: {} });
  t.equal(exported.statusCode, 200, 'an admin exports the workspace');
  const { manifest, workspace } = await readArchive(exported.rawPayload);
  t.equal(manifest.schemaVersion, loadMigrations('tenant').length, 'the current schema version (the calendar came with 0020)');
  t.match(manifest.tables, { calendar_events: 1, calendar_attendees: 2, calendar_feeds: 1 });
  t.match(workspace.calendar_events, [{ id: created.event.id, uid: created.event.uid, title: 'Roof survey', time_zone: 'America/Denver', start_local: '2027-03-14T01:30', starts_at: '2027-03-14T08:30:00.000Z', sequence: 0 }]);
  t.same(workspace.calendar_attendees?.map((a) => a.invited_sequence), [0, 0]);

  const { runId } = await runBackup(s.api.runtime, { actor: 'operator' });
  const summary = await restoreTenantAs(s.api.runtime, { tenantId: s.workspace.id, runId, as: 'new', adminEmail: 'restorer@whitfield.test' });
  t.match(summary, { cancelled: { outbox_items: 2 }, leftBehind: { calendar_feeds: 1 } });
  const copy = summary.newTenantId;
  s.api.runtime.tenancy.run(copy, SCOPE, () => {
    const db = tenantDb();
    t.equal(db.statement('SELECT count(*) FROM calendar_events').pluck().get(), 1, 'the event is in the copy');
    t.equal(db.statement("SELECT count(*) FROM outbox_items WHERE state IN ('pending', 'sending')").pluck().get(), 0, "none of the original's invites is owed by the copy");
    t.equal(db.statement('SELECT count(*) FROM calendar_feeds').pluck().get(), 0);
  });
  const copyToken = startSession(s.api.runtime, copy, 'admin', 'us_restorer').accessToken;
  const copyEvent = await s.api.call({ method: 'GET', url: `/api/v1/calendar/events/${created.event.id}`, token: copyToken });
  t.match(copyEvent.json(), { uid: created.event.uid, title: 'Roof survey' });

  // The outbox pass over every workspace delivers the original's two invites (as .eml here) and nothing of the copy's.
  t.match(await runOutboxPass(s.api.runtime, [mailHandler({ timeoutMs: 5_000 })]), { delivered: 2 });
  const copyMail = await s.api.call({ method: 'GET', url: '/api/v1/mail', token: copyToken });
  t.same((copyMail.json() as { items: { state: string }[] }).items.map((m) => m.state), ['cancelled', 'cancelled'], "the copy's record says the invites were never sent from it");
  const feedPath = new URL(feed.url).pathname;
  const ics = await s.api.call({ method: 'GET', url: feedPath });
  t.equal(ics.statusCode, 200, "the feed still opens the original's calendar");
});
