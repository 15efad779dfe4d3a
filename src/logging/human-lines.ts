// Log lines for a person at a terminal: pino's JSON turned into one readable line each
// ("12:04:05 WARN job finished status=partial counts={"purged":1}"). Commands use it only when
// stderr is a terminal; captured output (cron, pipes, files) keeps the JSON lines.
import type { DestinationStream } from 'pino';

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const NOT_FIELDS = new Set(['level', 'time', 'msg', 'service', 'pid', 'hostname']);

/** One pino JSON line as text: local time, level, message, then the other fields as key=value. */
export function humanLogLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.trimEnd();
  }
  const time = typeof entry.time === 'number' ? new Date(entry.time).toTimeString().slice(0, 8) : '';
  const level = LEVELS[entry.level as number] ?? String(entry.level);
  const fields = Object.entries(entry)
    .filter(([key]) => !NOT_FIELDS.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return [time, level, String(entry.msg ?? ''), ...fields].filter((part) => part !== '').join(' ');
}

/** A pino destination writing humanLogLine()s to `out`, synchronously (a command may exit right after). */
export function humanLogDestination(out: { write(text: string): unknown }): DestinationStream {
  return { write: (line: string) => void out.write(`${humanLogLine(line)}\n`) };
}
