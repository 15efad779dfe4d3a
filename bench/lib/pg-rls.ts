// The Postgres-RLS baseline's data: one shared `contacts` table (Spinney's tenant columns plus
// tenant_id) with Row-Level Security, a role that the policy binds (not the owner, not a
// superuser), and `tenants` × `perTenant` contacts, one of which is the row Spinney serves.
import pg from 'pg';
import type { Contact as SpinneyContact } from '../../src/contacts/contacts.schemas.js';
import type { PgCluster } from './postgres.js';

const APP_ROLE = 'app';
const DATABASE = 'postgres';

/** The columns the baseline's table keeps of the contact Spinney serves. */
export type Contact = Pick<SpinneyContact, 'id' | 'name' | 'email' | 'phone' | 'company' | 'notes' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'>;

// The policy compares each row with the transaction's setting; missing_ok makes an unset tenant
// NULL, which matches no row (fails closed), and WITH CHECK refuses inserts into another tenant.
const SCHEMA = `
CREATE ROLE ${APP_ROLE} LOGIN;
CREATE TABLE contacts (
  tenant_id   text NOT NULL,
  id          text NOT NULL CHECK (id LIKE 'ct\\_%'),
  name        text NOT NULL,
  email       text,
  phone       text,
  company     text,
  notes       text,
  created_at  text NOT NULL,
  created_by  text NOT NULL,
  updated_at  text NOT NULL,
  updated_by  text NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX contacts_by_created ON contacts (tenant_id, created_at, id);
ALTER TABLE contacts ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON contacts
  USING (tenant_id = current_setting('app.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
GRANT SELECT, INSERT ON contacts TO ${APP_ROLE};
`;

/** Creates the schema and loads the rows; returns the table's row count and whom the server connects as. */
export async function loadRlsContacts(
  cluster: PgCluster,
  options: { tenantId: string; contact: Contact; tenants: number; perTenant: number },
): Promise<{ rows: number; database: string; user: string }> {
  const client = new pg.Client({ host: cluster.socketDir, port: cluster.port, user: 'postgres', database: DATABASE });
  await client.connect();
  try {
    await client.query(SCHEMA);
    // Filler tenants (and filler rows in the served tenant), generated server-side.
    await client.query(
      `INSERT INTO contacts
       SELECT 'tn_bench_' || t, 'ct_fill_' || t || '_' || c, 'Contact ' || c, 'c' || c || '@t' || t || '.example', '+1 555 ' || lpad(c::text, 4, '0'),
              'Company ' || t, NULL, now()::text, 'us_bench', now()::text, 'us_bench'
       FROM generate_series(1, $1::int) AS t, generate_series(1, $2::int) AS c`,
      [options.tenants - 1, options.perTenant],
    );
    await client.query(
      `INSERT INTO contacts
       SELECT $1, 'ct_fill_served_' || c, 'Contact ' || c, NULL, NULL, NULL, NULL, now()::text, 'us_bench', now()::text, 'us_bench'
       FROM generate_series(1, $2::int) AS c`,
      [options.tenantId, options.perTenant - 1],
    );
    const c = options.contact;
    await client.query('INSERT INTO contacts VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)', [
      options.tenantId,
      c.id,
      c.name,
      c.email,
      c.phone,
      c.company,
      c.notes,
      c.createdAt,
      c.createdBy,
      c.updatedAt,
      c.updatedBy,
    ]);
    await client.query('ANALYZE contacts');
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM contacts');
    await assertIsolated(cluster, options.tenantId, options.perTenant);
    return { rows: Number(rows[0]?.n), database: DATABASE, user: APP_ROLE };
  } finally {
    await client.end();
  }
}

/** The policy binds the server's role: no tenant set sees nothing, a tenant sees only its rows. */
async function assertIsolated(cluster: PgCluster, tenantId: string, perTenant: number): Promise<void> {
  const app = new pg.Client({ host: cluster.socketDir, port: cluster.port, user: APP_ROLE, database: DATABASE });
  await app.connect();
  try {
    const count = async (): Promise<number> => Number((await app.query<{ n: string }>('SELECT count(*) AS n FROM contacts')).rows[0]?.n);
    const unset = await count();
    await app.query('BEGIN');
    await app.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
    const scoped = await count();
    await app.query('COMMIT');
    if (unset !== 0 || scoped !== perTenant) throw new Error(`row-level security is not in force: ${unset} rows without a tenant, ${scoped} in the served one (expected 0 and ${perTenant})`);
  } finally {
    await app.end();
  }
}
