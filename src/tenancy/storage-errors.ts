// Failures that mean the disk, not the request, is the problem: the file system is full or
// read-only, or the database file cannot be written. SQLite rolls back the transaction that met
// one, so the file stays consistent; the client gets a 503 (src/http/errors.ts), never a 500 or a
// hint about the host, and the log names the code.

// better-sqlite3 reports extended result codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED …).
const SQLITE_STORAGE = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN)(_[A-Z_]+)?$/;
// The same conditions met by plain file writes (spooled exports, file blobs).
const FS_STORAGE = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EIO']);

/** The storage failure's code (SQLITE_FULL, ENOSPC …) if err or its cause is one; null otherwise. */
export function storageErrorCode(err: unknown): string | null {
  for (let cause = err, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    const code = (cause as Error & { code?: unknown }).code;
    if (typeof code === 'string' && (SQLITE_STORAGE.test(code) || FS_STORAGE.has(code))) return code;
  }
  return null;
}
