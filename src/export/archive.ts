// The export archive: a gzip'd tar (docs/export-format.md) streamed entry by entry, never held
// whole in memory: manifest.json, members.json, workspace.json (read back from its spool), and
// files/ (empty until the files feature lands; each file will be an entry under it).
import { pipeline, type Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import type { Spool, SpoolDigest } from './spool.js';

export const EXPORT_FORMAT = 'spinney-workspace-export';
export const EXPORT_FORMAT_VERSION = 1;

export interface Manifest {
  format: typeof EXPORT_FORMAT;
  formatVersion: typeof EXPORT_FORMAT_VERSION;
  spinneyVersion: string;
  tenantId: string;
  createdAt: string;
  /** The tenant database's migration version the rows were read at. */
  schemaVersion: number;
  /** Rows per table of workspace.json, in the file's order. */
  tables: Record<string, number>;
  /** Records in members.json. */
  members: { members: number; invitations: number };
  /** Every file under files/ (none until the files feature lands). */
  files: { path: string; bytes: number; sha256: string }[];
  /** Size and SHA-256 of each JSON document in the archive. */
  entries: { 'workspace.json': SpoolDigest; 'members.json': SpoolDigest };
}

/**
 * The archive as a gzip stream. The spool is closed when the stream ends, fails or is destroyed
 * (a client that disconnects), so no export keeps its temporary file open.
 */
export function packArchive(manifest: Manifest, members: Buffer, workspace: Spool): Readable {
  const mtime = new Date(manifest.createdAt);
  const pack = tar.pack();
  const gzip = pipeline(pack, createGzip(), () => void workspace.close());
  const file = (name: string, content: Buffer) => pack.entry({ name, mtime, mode: 0o600 }, content);
  file('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  file('members.json', members);
  const entry = pack.entry({ name: 'workspace.json', size: manifest.entries['workspace.json'].bytes, mtime, mode: 0o600 }, (err) => {
    if (err) return; // the pack was destroyed; pipeline's callback releases the spool
    pack.entry({ name: 'files/', type: 'directory', mtime, mode: 0o700 });
    pack.finalize();
  });
  // A failed read fails the archive; a destroyed archive (client gone) ends the read.
  pipeline(workspace.read(), entry, (err) => {
    if (err) pack.destroy(err);
  });
  return gzip;
}
