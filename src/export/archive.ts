// The export archive: a gzip'd tar (docs/export-format.md) streamed entry by entry, never held
// whole in memory: manifest.json, members.json, workspace.json (read back from its spool), and
// files/, each file decrypted into its entry as its turn comes.
import { pipeline, type Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import type { ExportedFile } from '../files/files.service.js';
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
  /** Every file under files/ (files/<file id>/<name>), with the size and SHA-256 of its content. */
  files: { path: string; bytes: number; sha256: string }[];
  /** Size and SHA-256 of each JSON document in the archive. */
  entries: { 'workspace.json': SpoolDigest; 'members.json': SpoolDigest };
}

/**
 * The archive as a gzip stream. The spool is closed when the stream ends, fails or is destroyed
 * (a client that disconnects), so no export keeps its temporary file open.
 */
export function packArchive(manifest: Manifest, members: Buffer, workspace: Spool, files: readonly ExportedFile[] = []): Readable {
  const mtime = new Date(manifest.createdAt);
  const pack = tar.pack();
  const gzip = pipeline(pack, createGzip(), () => void workspace.close());
  const file = (name: string, content: Buffer) => pack.entry({ name, mtime, mode: 0o600 }, content);
  file('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  file('members.json', members);
  const entry = pack.entry({ name: 'workspace.json', size: manifest.entries['workspace.json'].bytes, mtime, mode: 0o600 }, (err) => {
    if (err) return; // the pack was destroyed; pipeline's callback releases the spool
    pack.entry({ name: 'files/', type: 'directory', mtime, mode: 0o700 });
    void packFiles(pack, files, mtime).then(
      () => pack.finalize(),
      (failed: Error) => pack.destroy(failed),
    );
  });
  // A failed read fails the archive; a destroyed archive (client gone) ends the read.
  pipeline(workspace.read(), entry, (err) => {
    if (err) pack.destroy(err);
  });
  return gzip;
}

/** One entry per file, one after the other; a file that fails to decrypt fails the archive (it never ends as if complete). */
async function packFiles(pack: tar.Pack, files: readonly ExportedFile[], mtime: Date): Promise<void> {
  for (const file of files) {
    if (pack.destroyed) return;
    const content = await file.open();
    await new Promise<void>((resolve, reject) => {
      const entry = pack.entry({ name: file.path, size: file.bytes, mtime, mode: 0o600 }, (err) => (err ? reject(err) : resolve()));
      pipeline(content, entry, (err) => {
        if (err) reject(err);
      });
    });
  }
}
