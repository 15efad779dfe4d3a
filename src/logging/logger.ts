// pino, JSON, one line per request. Bodies, query strings and credentials never reach the log:
// request lines are built from an allow-list of fields (see request-log.ts), and the redact list
// below is the second layer for anything that logs a request or response object by mistake.
import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config/config.js';

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.body',
  'req.query',
  'res.headers["set-cookie"]',
  'res.body',
  'headers.authorization',
  'headers.cookie',
  'body',
  'query',
  'token',
  'accessToken',
  'refreshToken',
  'password',
  'secret',
];

/**
 * Where log lines go by default (stdout, or a path). Lines are buffered up to 4 KiB and written
 * asynchronously: one write per request was the largest single cost of a request in bench/read.ts.
 * The buffer is also flushed every second, so a quiet server's lines reach the log promptly, and
 * pino flushes it when the process exits; a SIGKILL or a hard crash loses at most one second.
 */
export function logDestination(dest: number | string = 1): DestinationStream {
  return pino.destination({ dest, sync: false, minLength: 4096, periodicFlush: 1000 });
}

/**
 * Where a server's lines go by default: file descriptor 1 (logDestination), except under PM2
 * (NODE_APP_INSTANCE set). PM2's cluster mode captures a worker's output by replacing
 * process.stdout.write; a direct write to descriptor 1 bypasses it and lands in PM2's own daemon
 * log instead of the app's log files (ecosystem.config.cjs).
 */
export function defaultLogDestination(config: Pick<Config, 'jobs'>): DestinationStream {
  return config.jobs.pm2Instance !== null ? process.stdout : logDestination();
}

export function createLogger(config: Pick<Config, 'logLevel'>, destination: DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { service: 'spinney' },
      // pino's default epoch-milliseconds `time`: formatting an ISO string cost ~3 µs per line.
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: {
        // Only what identifies the failure; never err.response bodies or request objects.
        err: (err: Error & { code?: string }) => ({ type: err.name, code: err.code, message: err.message, stack: err.stack }),
      },
    },
    destination,
  );
}
