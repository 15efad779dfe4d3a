// Files attached to records: upload (streamed, checked and encrypted on the way to disk), list,
// download (decrypted on the way out) and delete, all in the current workspace. Limits and the
// quota are enforced while the bytes arrive, so a too-large upload is refused at the byte that
// crosses the line and leaves no file anywhere; the type comes from the content (file-types.ts).
// Besides uploads: files read whole for mail attachments (fileForReading, readFileBytes) and bytes
// received in mail checked by the same rules and kept (sealFileBytes, keepSealedFile).
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { closeSync, openSync, readSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { recordTenantEvent } from '../audit/audit.service.js';
import { ChunkAuthenticationError, HEADER_BYTES, parseHeader } from '../backup/chunked-cipher.js';
import { AppError, badRequest, notFound } from '../http/errors.js';
import { newId } from '../http/ids.js';
import { decodeCursor, page } from '../http/pagination.js';
import type { Runtime } from '../runtime.js';
import { currentActorId, currentTenantId, currentTimestamp, tenantDb } from '../tenancy/context.js';
import { blobKeyVersion, blobPath, chunkCount, fileBinding, filesDir, readBlob, resealBlob, writeBlob, type SealedBlob } from './file-blobs.js';
import { cleanFileName } from './file-names.js';
import { detectFileType, INLINE_IMAGE_TYPES, SAMPLE_BYTES } from './file-types.js';
import { allFileRows, deleteFileRow, findFile, insertFile, listFileRows, recordExists, storedBytes, type FileRow, type LinkColumn, type Links } from './files.repo.js';
import type { FileListQuery, FileRecord, FileUploadQuery } from './files.schemas.js';

/** What a multipart body may add around its one file (boundaries, part headers): a Content-Length above the limit by more than this is refused before a byte is read. */
export const MULTIPART_ALLOWANCE_BYTES = 64 * 1024;

const LINKS: readonly { query: keyof FileUploadQuery; column: LinkColumn; table: 'contacts' | 'leads' | 'estimates' | 'mail_messages' | 'calendar_events'; what: string }[] = [
  { query: 'contactId', column: 'contact_id', table: 'contacts', what: 'contact' },
  { query: 'leadId', column: 'lead_id', table: 'leads', what: 'lead' },
  { query: 'estimateId', column: 'estimate_id', table: 'estimates', what: 'estimate' },
  { query: 'mailId', column: 'mail_id', table: 'mail_messages', what: 'mail message' },
  { query: 'eventId', column: 'event_id', table: 'calendar_events', what: 'calendar event' },
];

const toRecord = (row: FileRow): FileRecord => ({
  id: row.id,
  name: row.name,
  type: row.type,
  size: row.size,
  sha256: row.sha256,
  contactId: row.contact_id,
  leadId: row.lead_id,
  estimateId: row.estimate_id,
  eventId: row.event_id,
  mailId: row.mail_id,
  receivedMailId: row.inbound_message_id,
  createdAt: row.created_at,
  createdBy: row.created_by,
  updatedAt: row.created_at,
  updatedBy: row.created_by,
});

/** The records a query names, as columns; `mustExist`: refuse a record this workspace does not hold. */
function linksOf(query: FileUploadQuery, mustExist: boolean): Links {
  const links: Links = {};
  for (const link of LINKS) {
    const id = query[link.query];
    if (id === undefined) continue;
    if (mustExist && !recordExists(tenantDb(), link.table, id)) throw badRequest('invalid_field', `no such ${link.what} in this workspace`, link.query);
    links[link.column] = id;
  }
  return links;
}

/** The limits an upload runs against: the per-file limit, and what is left of the workspace's quota. */
function uploadLimits(runtime: Runtime): { maxBytes: number; remaining: number } {
  const { maxBytes, workspaceQuotaBytes } = runtime.config.files;
  return { maxBytes, remaining: workspaceQuotaBytes - storedBytes(tenantDb()) };
}

const tooLarge = (maxBytes: number) => new AppError(413, 'file_too_large', `the file is larger than ${maxBytes} bytes`);
const overQuota = () => new AppError(413, 'quota_exceeded', "the file does not fit in the workspace's file quota");

/**
 * Refuses before a byte is read what the request's Content-Length already shows is too large
 * (a chunked upload without one is refused at the byte that crosses the line instead).
 */
export function refuseDeclaredLength(runtime: Runtime, declared: number | null): void {
  if (declared === null) return;
  const { maxBytes, remaining } = uploadLimits(runtime);
  if (declared > maxBytes + MULTIPART_ALLOWANCE_BYTES) throw tooLarge(maxBytes);
  if (declared > Math.max(remaining, 0) + MULTIPART_ALLOWANCE_BYTES) throw overQuota();
}

/**
 * Passes the upload through while counting it against the limits and deciding its type from its
 * first SAMPLE_BYTES (held until then; nothing is written before the type is allowed).
 */
async function* checked(source: AsyncIterable<Buffer>, limits: { maxBytes: number; remaining: number }, decided: (type: string) => void): AsyncGenerator<Buffer> {
  let size = 0;
  let sample: Buffer[] | null = [];
  let sampleBytes = 0;
  const decide = async (complete: boolean): Promise<Buffer> => {
    const head = Buffer.concat(sample ?? []);
    sample = null;
    const type = await detectFileType(head.subarray(0, SAMPLE_BYTES), complete);
    if (!type) throw new AppError(415, 'file_type_not_allowed', 'the file is not an allowed type (images, PDF, office documents, text), judged by its content');
    decided(type);
    return head;
  };
  for await (const chunk of source) {
    size += chunk.length;
    if (size > limits.maxBytes) throw tooLarge(limits.maxBytes);
    if (size > limits.remaining) throw overQuota();
    if (sample) {
      sample.push(chunk);
      sampleBytes += chunk.length;
      if (sampleBytes >= SAMPLE_BYTES) yield await decide(false);
    } else yield chunk;
  }
  if (sample) yield await decide(true);
}

export interface Upload {
  /** The part's bytes as they arrive. */
  file: AsyncIterable<Buffer>;
  /** The name the client gave (cleaned here; only ever stored in the database). */
  fileName: string | undefined;
}

/** The row of a file just sealed to disk (uploaded or received): its name cleaned, size, hash and chunks from the blob, linked as given, the rest unlinked. */
function sealedFileRow(id: string, name: string | undefined, type: string, sealed: SealedBlob, links: Links & { inbound_message_id?: string }): FileRow {
  return {
    id,
    name: cleanFileName(name),
    type,
    size: sealed.size,
    sha256: sealed.sha256,
    chunk_count: chunkCount(sealed.size),
    contact_id: links.contact_id ?? null,
    lead_id: links.lead_id ?? null,
    estimate_id: links.estimate_id ?? null,
    event_id: links.event_id ?? null,
    mail_id: links.mail_id ?? null,
    inbound_message_id: links.inbound_message_id ?? null,
    created_at: currentTimestamp(),
    created_by: currentActorId(),
  };
}

export async function uploadFile(runtime: Runtime, query: FileUploadQuery, upload: Upload): Promise<FileRecord> {
  const links = linksOf(query, true);
  const limits = uploadLimits(runtime);
  const tenantId = currentTenantId();
  const id = newId('file');
  const dir = filesDir(runtime.config.dataDir, tenantId);
  let type: string | undefined;
  const sealed = await writeBlob(checked(upload.file, limits, (t) => (type = t)), dir, id, runtime.vault.fileKey(), fileBinding(tenantId, id));
  const db = tenantDb();
  try {
    return db.transaction(() => {
      // Two uploads at once each saw the quota before the other's bytes counted: the second to finish is refused here.
      if (storedBytes(db) + sealed.size > runtime.config.files.workspaceQuotaBytes) throw overQuota();
      const row = sealedFileRow(id, upload.fileName, type as string, sealed, links);
      insertFile(db, row);
      recordTenantEvent('file.uploaded', { type: 'file', id }, { after: { name: row.name, type: row.type, size: row.size, sha256: row.sha256, ...links } });
      return toRecord(row);
    });
  } catch (err) {
    await rm(blobPath(dir, id), { force: true });
    throw err;
  }
}

export function listFiles(query: FileListQuery): { items: FileRecord[]; nextCursor: string | null } {
  const limit = query.limit ?? 50;
  const rows = listFileRows(tenantDb(), { links: linksOf(query, false), before: decodeCursor(query.cursor), limit: limit + 1 });
  return page(rows.map(toRecord), limit);
}

function loadFile(fileId: string): FileRow {
  const row = findFile(tenantDb(), fileId);
  if (!row) throw notFound('file');
  return row;
}

export const getFile = (fileId: string): FileRecord => toRecord(loadFile(fileId));

const unreadable = () => new AppError(500, 'file_unreadable', 'the stored file does not decrypt; nothing of it was sent');

/**
 * A file's plaintext for download, its first chunk already authenticated. `inline`: only the image
 * types a browser may show from the sandboxed path.
 */
export async function fileContent(runtime: Runtime, fileId: string, options: { inline: boolean }): Promise<{ file: FileRecord; content: Readable }> {
  const row = loadFile(fileId);
  if (options.inline && !INLINE_IMAGE_TYPES.has(row.type)) throw new AppError(415, 'file_type_not_allowed', 'only images (PNG, JPEG, GIF, WebP) are shown inline; download the file instead');
  const tenantId = currentTenantId();
  const path = blobPath(filesDir(runtime.config.dataDir, tenantId), row.id);
  try {
    const key = runtime.vault.fileKeyVersion(await blobKeyVersion(path));
    if (!key) throw unreadable();
    return { file: toRecord(row), content: await readBlob(path, key, fileBinding(tenantId, row.id)) };
  } catch (err) {
    if (err instanceof ChunkAuthenticationError || (err as NodeJS.ErrnoException).code === 'ENOENT') throw unreadable();
    throw err;
  }
}

/** Deletes the row (audited), then the blob: a backup taken in between finds no row for it. */
export async function deleteFile(runtime: Runtime, fileId: string): Promise<void> {
  const db = tenantDb();
  const row = db.transaction(() => {
    const found = loadFile(fileId);
    deleteFileRow(db, fileId);
    recordTenantEvent('file.deleted', { type: 'file', id: fileId }, { before: { name: found.name, type: found.type, size: found.size, sha256: found.sha256 } });
    return found;
  });
  await rm(blobPath(filesDir(runtime.config.dataDir, currentTenantId()), row.id), { force: true });
}

/** One file as the export writes it: under files/<id>/<name>, opened (decrypted) when its turn comes. */
export interface ExportedFile {
  path: string;
  bytes: number;
  sha256: string;
  open(): Promise<Readable>;
}

/**
 * Every file of the current workspace, with its key resolved now (inside the scope), so the archive
 * can be written after the scope has ended. A blob that is missing or whose key is gone refuses the
 * export before anything is written.
 */
export async function filesForExport(runtime: Runtime): Promise<ExportedFile[]> {
  const tenantId = currentTenantId();
  const dir = filesDir(runtime.config.dataDir, tenantId);
  const files: ExportedFile[] = [];
  for (const row of allFileRows(tenantDb())) {
    const path = blobPath(dir, row.id);
    let key: Buffer | undefined;
    try {
      key = runtime.vault.fileKeyVersion(await blobKeyVersion(path));
    } catch (err) {
      if (!(err instanceof ChunkAuthenticationError) && (err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    if (!key) throw new AppError(500, 'export_incomplete', `file ${row.id} cannot be read; nothing was exported`);
    const opened = key;
    files.push({ path: `files/${row.id}/${row.name}`, bytes: row.size, sha256: row.sha256, open: () => readBlob(path, opened, fileBinding(tenantId, row.id)) });
  }
  return files;
}

/**
 * restore --as: the blobs of a copy of another workspace (`fromDir`, sealed for `originalTenantId`)
 * become the current workspace's, each decrypted under the original's binding and sealed again
 * under this one's with its newest sensitive data key (the copy's data keys are the original's,
 * already adopted by Vault.adoptCopyOf). Returns how many moved.
 */
export async function adoptFilesOf(runtime: Runtime, originalTenantId: string, fromDir: string): Promise<number> {
  const tenantId = currentTenantId();
  const dir = filesDir(runtime.config.dataDir, tenantId);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  let moved = 0;
  for (const id of (await readdir(fromDir)).sort()) {
    const from = blobPath(fromDir, id);
    const key = runtime.vault.fileKeyVersion(await blobKeyVersion(from));
    if (!key) throw new Error(`file ${id} of the copy names a data key the copy does not hold`);
    await resealBlob(from, blobPath(dir, id), { open: key, seal: runtime.vault.fileKey() }, { from: fileBinding(originalTenantId, id), to: fileBinding(tenantId, id) });
    moved += 1;
  }
  return moved;
}

/** A file ready to be read outside the workspace's scope (a mail attachment, at send time): its key resolved, or why it cannot be read. */
export type ReadableFile = { path: string; key: Buffer; binding: ReturnType<typeof fileBinding>; size: number; sha256: string } | { error: string };

/**
 * Resolves, synchronously and in the workspace's scope, what reading a file's bytes later needs;
 * `expected` is the size and SHA-256 the caller recorded for it (the bytes must still be those).
 * Never throws for a missing or unreadable file: says why instead.
 */
export function fileForReading(runtime: Runtime, fileId: string, expected: { size: number; sha256: string }): ReadableFile {
  const row = findFile(tenantDb(), fileId);
  if (!row) return { error: `${fileId} was deleted` };
  if (row.size !== expected.size || row.sha256 !== expected.sha256) return { error: `${fileId} is not the file it was` };
  const tenantId = currentTenantId();
  const path = blobPath(filesDir(runtime.config.dataDir, tenantId), row.id);
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const header = Buffer.alloc(HEADER_BYTES);
    const read = readSync(fd, header, 0, HEADER_BYTES, 0);
    const key = runtime.vault.fileKeyVersion(parseHeader(header.subarray(0, read)).keyVersion);
    if (!key) return { error: `${fileId} names a data key this workspace no longer holds` };
    return { path, key, binding: fileBinding(tenantId, row.id), size: row.size, sha256: row.sha256 };
  } catch {
    return { error: `${fileId} cannot be read` };
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** The whole plaintext of a file resolved by fileForReading, checked against its recorded size and SHA-256; throws when it does not decrypt or match. */
export async function readFileBytes(file: Exclude<ReadableFile, { error: string }>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await readBlob(file.path, file.key, file.binding)) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  if (bytes.length !== file.size || createHash('sha256').update(bytes).digest('hex') !== file.sha256) throw new Error('the file does not match its record');
  return bytes;
}

/** Why a file was not kept when the workspace's quota had no room for it. */
export const QUOTA_FULL = "the workspace's file quota is full";

/** Bytes that came some other way than an upload (a received mail's attachment), sealed to disk and waiting for their row (keepSealedFile); discardSealedFile removes a blob whose row is not written. */
export interface SealedFile {
  row: FileRow;
  path: string;
}

/**
 * Checks bytes against the rules an upload follows (the per-file limit, the quota as it stands, the
 * type by content) and seals them under a new file id: a refusal says why in a few words and
 * leaves nothing on disk.
 */
export async function sealFileBytes(runtime: Runtime, input: { name: string | null; content: Buffer; inboundMessageId: string }): Promise<{ sealed: SealedFile } | { refused: string }> {
  const { maxBytes } = runtime.config.files;
  if (input.content.length > maxBytes) return { refused: `larger than the ${maxBytes}-byte limit per file` };
  const type = await detectFileType(input.content.subarray(0, SAMPLE_BYTES), input.content.length <= SAMPLE_BYTES);
  if (!type) return { refused: 'not an allowed type (judged by its content)' };
  if (input.content.length > quotaRemaining(runtime)) return { refused: QUOTA_FULL };
  const tenantId = currentTenantId();
  const id = newId('file');
  const dir = filesDir(runtime.config.dataDir, tenantId);
  const stored = await writeBlob([input.content], dir, id, runtime.vault.fileKey(), fileBinding(tenantId, id));
  const row = sealedFileRow(id, input.name ?? undefined, type, stored, { inbound_message_id: input.inboundMessageId });
  return { sealed: { row, path: blobPath(dir, id) } };
}

/** Bytes the workspace's file quota has left (what a batch of received files is measured against). */
export const quotaRemaining = (runtime: Runtime): number => runtime.config.files.workspaceQuotaBytes - storedBytes(tenantDb());

/** Writes a sealed file's row (audited as file.received), inside the caller's transaction, after the caller measured it against quotaRemaining. */
export function keepSealedFile(file: SealedFile, links: Pick<FileRow, 'contact_id' | 'lead_id'>): void {
  const row = { ...file.row, ...links };
  insertFile(tenantDb(), row);
  recordTenantEvent('file.received', { type: 'file', id: row.id }, { after: { name: row.name, type: row.type, size: row.size, sha256: row.sha256, inboundMessageId: row.inbound_message_id, contactId: row.contact_id, leadId: row.lead_id } });
}

export const discardSealedFile = (file: SealedFile): Promise<void> => rm(file.path, { force: true });
