// Baseline server for bench/read.ts: plain Fastify (no logger, no hooks, no plugins) and one
// better-sqlite3 prepared statement, on a file with Spinney's tenant schema.
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { announce, childArgs } from '../lib/child.js';

const { dbPath } = childArgs<{ dbPath: string }>();

const db = new Database(dbPath, { fileMustExist: true });
db.pragma('journal_mode = WAL');
const byId = db.prepare('SELECT * FROM contacts WHERE id = ?');

const app = Fastify();
app.get<{ Params: { contactId: string } }>('/api/v1/contacts/:contactId', async (request, reply) => {
  const row = byId.get(request.params.contactId);
  if (row === undefined) return reply.code(404).send({ error: 'not found' });
  return row;
});

const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.once('SIGTERM', () => {
  void app.close().then(() => {
    db.close();
    process.exit(0);
  });
});
announce(url);
