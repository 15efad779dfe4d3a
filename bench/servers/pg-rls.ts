// Baseline server for bench/read.ts: the shared-table design. Fastify (no logger, no plugins), the
// access-token check Spinney does (HS256 with fast-jwt: pinned algorithm, issuer, audience,
// required claims, expiry; verified tokens cached, as Spinney caches them), then one transaction
// per request on a node-postgres pool: BEGIN, set the token's tenant for this transaction only,
// the statement (Row-Level Security adds `tenant_id = <that tenant>`), COMMIT.
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { createVerifier } from 'fast-jwt';
import pg from 'pg';
import { announce, childArgs } from '../lib/child.js';
import type { ContactBody } from '../lib/contact-body.js';

interface Args {
  socketDir: string;
  port: number;
  database: string;
  user: string;
  poolSize: number;
  /** The token signing key's bytes, base64, and the claims Spinney's config pins. */
  key: string;
  issuer: string;
  audience: string;
  algorithm: string;
  requiredClaims: string[];
}
const args = childArgs<Args>();

const pool = new pg.Pool({ host: args.socketDir, port: args.port, database: args.database, user: args.user, max: args.poolSize });
const verify = createVerifier({
  key: Buffer.from(args.key, 'base64'),
  algorithms: [args.algorithm as 'HS256'],
  allowedIss: args.issuer,
  allowedAud: args.audience,
  requiredClaims: args.requiredClaims,
  cache: true,
}) as (token: string) => { tid: string; sub: string; role: string };

type Claims = ReturnType<typeof verify>;

function authenticate(request: FastifyRequest, reply: FastifyReply): Claims | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    try {
      return verify(header.slice('Bearer '.length));
    } catch {
      // falls through to 401
    }
  }
  void reply.code(401).send({ error: 'unauthorized' });
  return null;
}

/** One transaction scoped to a tenant; rolled back if anything in it throws. */
async function inTenant<T>(tenantId: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query({ name: 'set-tenant', text: "SELECT set_config('app.tenant_id', $1, true)", values: [tenantId] });
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const COLUMNS = 'id, name, email, phone, company, notes, created_at, created_by, updated_at, updated_by';

const app = Fastify();
app.get<{ Params: { contactId: string } }>('/api/v1/contacts/:contactId', async (request, reply) => {
  const claims = authenticate(request, reply);
  if (!claims) return reply;
  const rows = await inTenant(claims.tid, async (client) => {
    const result = await client.query({ name: 'contact-by-id', text: `SELECT ${COLUMNS} FROM contacts WHERE id = $1`, values: [request.params.contactId] });
    return result.rows;
  });
  if (rows.length === 0) return reply.code(404).send({ error: 'not found' });
  return rows[0];
});

app.post<{ Body: ContactBody }>('/api/v1/contacts', async (request, reply) => {
  const claims = authenticate(request, reply);
  if (!claims) return reply;
  if (claims.role === 'viewer') return reply.code(403).send({ error: 'forbidden' });
  const { name, email = null, phone = null, company = null, notes = null } = request.body;
  const now = new Date().toISOString();
  const id = `ct_${randomBytes(12).toString('hex')}`;
  const rows = await inTenant(claims.tid, async (client) => {
    const result = await client.query({
      name: 'contact-insert',
      text: `INSERT INTO contacts (tenant_id, ${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8, $9) RETURNING ${COLUMNS}`,
      values: [claims.tid, id, name, email, phone, company, notes, now, claims.sub],
    });
    return result.rows;
  });
  return reply.code(201).send(rows[0]);
});

const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.once('SIGTERM', () => {
  void app.close().then(async () => {
    await pool.end();
    process.exit(0);
  });
});
announce(url);
