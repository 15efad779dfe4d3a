// Endpoint tests as rows: who calls (a role, or no token; in the workspace or another one), what
// request, and what a client and an auditor must see. Each row runs through app.inject on the
// real app and checks, besides its status and body:
//  - the audit log: exactly one new event with `auditEvent`'s action (and the row's target), or,
//    when the row names none, no new event at all;
//  - a refusal (4xx) changed nothing: the workspace's database file is byte-for-byte the same;
//  - an error answer has the documented shape and no stack trace.
import type { Test } from 'tap';
import type { Role } from '../../src/auth/permissions.js';
import { tenantDb } from '../../src/tenancy/context.js';
import type { TestApp } from './app.js';

export interface Scenario {
  name: string;
  /** The caller's role, or null for a request without a token. */
  role: Role | null;
  /** Whose token: the workspace under test (default) or another one. */
  as?: 'workspace' | 'other workspace';
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  expect: {
    status: number;
    /** A subset the JSON body must match (t.match), or a predicate on it. */
    body?: object | ((body: unknown) => boolean);
    /** The one audit event the request records (with its target id, when given); none when absent. */
    auditEvent?: string | { action: string; targetId: string };
  };
}

export interface ScenarioWorkspaces {
  workspace: { id: string; token(role?: Role, sub?: string): string };
  other: { id: string; token(role?: Role, sub?: string): string };
}

interface AuditRow {
  action: string;
  target_id: string | null;
}

/** Runs each row in order (rows may depend on earlier ones, e.g. create then read) as its own subtest. */
export async function runScenarios(
  t: Test,
  api: TestApp,
  { workspace, other }: ScenarioWorkspaces,
  rows: Scenario[],
): Promise<void> {
  const inWorkspace = <T>(fn: () => T): T => api.runtime.tenancy.run(workspace.id, { actor: null, requestId: null }, fn);
  const auditRows = (): AuditRow[] => inWorkspace(() => tenantDb().statement('SELECT action, target_id FROM audit_events ORDER BY seq').all() as AuditRow[]);
  for (const row of rows) {
    await t.test(row.name, async (t) => {
      const caller = row.as === 'other workspace' ? other : workspace;
      const token = row.role ? caller.token(row.role, `us_${row.role}`) : undefined;
      const auditBefore = auditRows().length;
      const fileBefore = inWorkspace(() => tenantDb().serialize());
      const res = await api.call({
        method: row.method,
        url: row.url,
        ...(row.query ? { query: row.query } : {}),
        ...(row.headers ? { headers: row.headers } : {}),
        ...(token ? { token } : {}),
        ...(row.body !== undefined ? { payload: row.body as string } : {}),
      });
      t.equal(res.statusCode, row.expect.status, `status ${row.expect.status}${res.statusCode === row.expect.status ? '' : ` (got ${res.body.slice(0, 200)})`}`);
      const body: unknown = res.body === '' ? undefined : res.headers['content-type']?.toString().startsWith('application/json') ? res.json() : res.body;
      if (typeof row.expect.body === 'function') t.ok(row.expect.body(body), `the body is as expected: ${res.body.slice(0, 200)}`);
      else if (row.expect.body) t.match(body, row.expect.body, 'the body');
      if (res.statusCode >= 400) {
        t.match(body, { error: { code: String, message: String } }, 'the documented error shape');
        t.notMatch(res.body, /at \w+ \(|node_modules|\.ts:\d+/, 'no stack trace');
        t.ok(fileBefore.equals(inWorkspace(() => tenantDb().serialize())), 'the workspace is byte-for-byte unchanged');
      }
      const recorded = auditRows().slice(auditBefore);
      const wanted = row.expect.auditEvent;
      if (wanted === undefined) {
        t.same(recorded.map((r) => r.action), [], 'no audit event');
      } else {
        const { action, targetId } = typeof wanted === 'string' ? { action: wanted, targetId: undefined } : wanted;
        t.same(recorded.map((r) => r.action), [action], `one audit event: ${action}`);
        if (targetId) t.equal(recorded[0]?.target_id, targetId, 'naming the record');
      }
    });
  }
}
