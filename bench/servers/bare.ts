// Baseline server for bench/read.ts: plain Fastify (no logger, no hooks, no plugins) and one
// better-sqlite3 prepared statement per route, on a file with Spinney's tenant schema and the
// durability Spinney's files have (WAL, the same `synchronous`): a read by id, and an insert.
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { announce, childArgs } from '../lib/child.js';
import type { ContactBody } from '../lib/contact-body.js';

const { dbPath, synchronous } = childArgs<{ dbPath: string; synchronous: string }>();

const db = new Database(dbPath, { fileMustExist: true });
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
const byId = db.prepare('SELECT * FROM contacts WHERE id = ?');

const app = Fastify();
app.get<{ Params: { contactId: string } }>('/api/v1/contacts/:contactId', async (request, reply) => {
  const row = byId.get(request.params.contactId);
  if (row === undefined) return reply.code(404).send({ error: 'not found' });
  return row;
});

const insert = db.prepare(
  `INSERT INTO contacts (id, name, email, phone, company, notes, created_at, created_by, updated_at, updated_by)
   VALUES (@id, @name, @email, @phone, @company, @notes, @now, 'us_bench', @now, 'us_bench')`,
);
app.post<{ Body: ContactBody }>('/api/v1/contacts', async (request, reply) => {
  const { name, email = null, phone = null, company = null, notes = null } = request.body;
  const row = { id: `ct_${randomBytes(12).toString('hex')}`, name, email, phone, company, notes, now: new Date().toISOString() };
  insert.run(row);
  return reply.code(201).send(row);
});

const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.once('SIGTERM', () => {
  void app.close().then(() => {
    db.close();
    process.exit(0);
  });
});
announce(url);
