// Reading an uploaded CSV file: the bytes must be UTF-8 (a UTF-8 BOM is dropped; UTF-16 and
// invalid sequences are refused, naming the problem), and a file with more than MAX_IMPORT_ROWS
// records is refused while parsing, so a million-row file never becomes a million arrays.
import { parse } from 'csv-parse/sync';
import { AppError, badRequest } from '../http/errors.js';

/** Records one import takes (the header row not counted). */
export const MAX_IMPORT_ROWS = 100_000;

/** The file as text; throws csv_encoding for anything but UTF-8. */
export function decodeCsv(bytes: Buffer): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw badRequest('csv_encoding', 'the file is UTF-16 text (it starts with a UTF-16 byte order mark); save it as CSV UTF-8 and upload it again');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw badRequest('csv_encoding', `the file is not UTF-8 text (${whereInvalid(bytes)} is not UTF-8: Latin-1 or Windows-1252?); save it as CSV UTF-8 and upload it again`);
  }
}

/** The line and byte of the first sequence that is not UTF-8 (where a lenient decoding puts its first U+FFFD). */
function whereInvalid(bytes: Buffer): string {
  const lenient = bytes.toString('utf8');
  const before = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD')));
  return `line ${before.split('\n').length}, byte ${Buffer.byteLength(before)}`;
}

export interface CsvRecords {
  header: string[];
  /** Each record's cells as written (a row may have more or fewer cells than the header). */
  rows: string[][];
}

/** The header and records of the text; throws csv_invalid for unreadable CSV, too_many_rows above the limit. */
export function parseCsv(text: string, maxRows = MAX_IMPORT_ROWS): CsvRecords {
  let records: string[][];
  try {
    // relax_quotes: a quote inside an unquoted cell (5" pipe) is text, as spreadsheets write it.
    // `to` stops the parser after the header and one record too many: enough to know the file is too long.
    records = parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, to: maxRows + 2 }) as string[][];
  } catch (err) {
    throw badRequest('csv_invalid', `the file cannot be read as CSV: ${(err as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header || header.every((name) => name.trim() === '')) throw badRequest('csv_invalid', 'the file has no header row (the first line names the columns)');
  if (rows.length > maxRows) throw new AppError(413, 'too_many_rows', `the file has more than ${maxRows.toLocaleString('en')} rows; split it into files of at most that many`);
  return { header, rows };
}
