// Baseline server for bench/refresh.ts: plain Fastify (no logger, no hooks, no plugins) and
// better-sqlite3 on a file with Spinney's tenant schema and the same pragmas. POST
// /api/v1/auth/refresh takes {"refreshToken"} and, in one transaction, marks the presented token's
// row rotated (one UPDATE … RETURNING, found by its SHA-256) and inserts its successor (one
// INSERT), then answers {"refreshToken": successor} as JSON. No session check, no access token.
import { createHash, randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { announce, childArgs } from '../lib/child.js';

const { dbPath, synchronous } = childArgs<{ dbPath: string; synchronous: string }>();

const db = new Database(dbPath, { fileMustExist: true });
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${synchronous}`);
db.pragma('foreign_keys = ON');

const markRotated = db.prepare(
  'UPDATE refresh_tokens SET rotated_at = ? WHERE token_hash = ? AND rotated_at IS NULL RETURNING session_id, generation',
);
const insertToken = db.prepare('INSERT INTO refresh_tokens (token_hash, session_id, generation, issued_at) VALUES (?, ?, ?, ?)');
const sha256 = (secret: string): Buffer => createHash('sha256').update(secret, 'utf8').digest();

const rotate = db.transaction((presented: string): string | null => {
  const now = new Date().toISOString();
  const row = markRotated.get(now, sha256(presented)) as { session_id: string; generation: number } | undefined;
  if (row === undefined) return null;
  const next = randomBytes(32).toString('base64url');
  insertToken.run(sha256(next), row.session_id, row.generation + 1, now);
  return next;
});

const app = Fastify();
app.post<{ Body: { refreshToken?: unknown } | null }>('/api/v1/auth/refresh', async (request, reply) => {
  const presented = request.body?.refreshToken;
  if (typeof presented !== 'string') return reply.code(400).send({ error: 'refreshToken is required' });
  const next = rotate(presented);
  if (next === null) return reply.code(401).send({ error: 'invalid_refresh_token' });
  return { tokenType: 'Bearer', refreshToken: next };
});

const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.once('SIGTERM', () => {
  void app.close().then(() => {
    db.close();
    process.exit(0);
  });
});
announce(url);
