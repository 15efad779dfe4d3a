// The complete export of the current workspace, for its admin (POST /api/v1/export) and for an
// operator (`spinney tenant export`): the same archive either way. Two phases:
//  1. inside the tenant scope: every table read from one snapshot and written as workspace.json to
//     an unlinked temporary file, the members read from the control plane, the export audited;
//  2. the archive streamed from there, needing neither the scope nor the database.
// The audit event is written before the first byte of the archive leaves, so no export goes unrecorded.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { recordOperatorTenantEvent, recordTenantEvent } from '../audit/audit.service.js';
import { getTenant } from '../tenants/tenants.service.js';
import { listInvitations, listMembers } from '../members/members.service.js';
import type { Runtime } from '../runtime.js';
import { allowedOrganizations } from '../signin/signin.service.js';
import { currentTenantId } from '../tenancy/context.js';
import { TenantSnapshot } from '../tenancy/tenant-snapshot.js';
import { isoAt } from '../time/clock.js';
import { spinneyVersion } from '../config/version.js';
import { filesForExport } from '../files/files.service.js';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, packArchive, type Manifest } from './archive.js';
import { planExport } from './export-plan.js';
import { Spool } from './spool.js';
import { writeWorkspaceJson } from './workspace-json.js';

export interface ExportOptions {
  /** `operator`: audited as the operator at the CLI; otherwise as the scope's actor. */
  by?: 'operator';
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
  signal?: AbortSignal;
}

export interface PreparedExport {
  manifest: Manifest;
  /** `spinney-export-<tenantId>-<date>.tar.gz` */
  fileName: string;
  /** The archive; call once. Its temporary file is released when the stream closes. */
  archive(): Readable;
  /** Releases the temporary file without sending the archive. */
  discard(): Promise<void>;
}

/** What the audit log and the CLI summary say about an export: counts and sizes, never content. */
export function exportSummary(manifest: Manifest): { tables: number; rows: number; bytes: number } {
  return {
    tables: Object.keys(manifest.tables).length,
    rows: Object.values(manifest.tables).reduce((sum, n) => sum + n, 0),
    bytes: manifest.entries['workspace.json'].bytes,
  };
}

export async function prepareExport(runtime: Runtime, options: ExportOptions = {}): Promise<PreparedExport> {
  const tenantId = currentTenantId();
  const createdAt = isoAt(runtime.clock.now());
  const members = membersDocument(runtime, tenantId);
  const snapshot = TenantSnapshot.open();
  let spool: Spool | undefined;
  try {
    // Refuses an unplanned binary column before anything is written.
    const plans = planExport(snapshot.tables());
    spool = await Spool.create(join(runtime.config.dataDir, 'tmp'));
    const { onProgress } = options;
    let onRow: ((done: number) => void) | undefined;
    if (onProgress) {
      const rowsTotal = plans.reduce((sum, plan) => sum + snapshot.rowCount(plan.table), 0);
      onRow = (done) => onProgress(done, rowsTotal);
    }
    const files = await filesForExport(runtime);
    const tables = await writeWorkspaceJson(runtime.vault, snapshot, plans, spool, { ...(onRow ? { onRow } : {}), ...(options.signal ? { signal: options.signal } : {}) });
    const manifest: Manifest = {
      format: EXPORT_FORMAT,
      formatVersion: EXPORT_FORMAT_VERSION,
      spinneyVersion: spinneyVersion(),
      tenantId,
      createdAt,
      schemaVersion: snapshot.schemaVersion(),
      tables,
      members: { members: members.document.members.length, invitations: members.document.invitations.length },
      files: files.map(({ path, bytes, sha256 }) => ({ path, bytes, sha256 })),
      entries: { 'workspace.json': await spool.finish(), 'members.json': members.digest },
    };
    const record = options.by === 'operator' ? recordOperatorTenantEvent : recordTenantEvent;
    const { rows, bytes } = exportSummary(manifest);
    record('workspace.exported', { type: 'tenant', id: tenantId }, { after: { formatVersion: EXPORT_FORMAT_VERSION, tables, rows, files: files.length, bytes } });
    const prepared = spool;
    return {
      manifest,
      fileName: `spinney-export-${tenantId}-${createdAt.slice(0, 10)}.tar.gz`,
      archive: () => packArchive(manifest, members.bytes, prepared, files),
      discard: () => prepared.close(),
    };
  } catch (err) {
    await spool?.close();
    throw err;
  } finally {
    snapshot.close();
  }
}

/** members.json: the workspace's own control-plane records, in the shapes the admin API shows. */
function membersDocument(runtime: Runtime, tenantId: string) {
  const { id, name, slug, status, createdAt } = getTenant(runtime, tenantId);
  const document = {
    workspace: { id, name, slug, status, createdAt, signIn: { allowedOrganizations: allowedOrganizations(runtime, tenantId) } },
    members: listMembers(runtime),
    invitations: listInvitations(runtime),
  };
  const bytes = Buffer.from(`${JSON.stringify(document, null, 2)}\n`);
  return { document, bytes, digest: { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') } };
}
