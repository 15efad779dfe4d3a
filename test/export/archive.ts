// Reads an export archive the way a person's tools would: gunzip, then walk the tar entries.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import tar from 'tar-stream';

export interface ArchiveEntry {
  type: string;
  mode: number;
  body: Buffer;
}

export interface ExportArchive {
  /** The whole tar, decompressed: every byte a reader of the archive could see. */
  tar: Buffer;
  entries: Map<string, ArchiveEntry>;
  /** Entry names in archive order. */
  order: string[];
  manifest: Manifest;
  workspace: Record<string, Record<string, unknown>[]>;
  members: { workspace: Record<string, unknown>; members: Record<string, unknown>[]; invitations: Record<string, unknown>[] };
}

export interface Manifest {
  format: string;
  formatVersion: number;
  spinneyVersion: string;
  tenantId: string;
  createdAt: string;
  schemaVersion: number;
  tables: Record<string, number>;
  members: { members: number; invitations: number };
  files: unknown[];
  entries: Record<string, { bytes: number; sha256: string }>;
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export async function readArchive(gzipped: Buffer): Promise<ExportArchive> {
  const tarBytes = gunzipSync(gzipped);
  const extract = tar.extract();
  Readable.from([tarBytes]).pipe(extract);
  const entries = new Map<string, ArchiveEntry>();
  const order: string[] = [];
  for await (const entry of extract) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    entries.set(entry.header.name, { type: entry.header.type ?? 'file', mode: entry.header.mode ?? 0, body: Buffer.concat(chunks) });
    order.push(entry.header.name);
  }
  const json = (name: string) => JSON.parse(entries.get(name)?.body.toString('utf8') ?? 'null');
  return { tar: tarBytes, entries, order, manifest: json('manifest.json'), workspace: json('workspace.json'), members: json('members.json') };
}
