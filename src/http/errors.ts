// One error type with a stable code, and the one handler that turns any thrown thing into the
// documented shape {"error": {"code", "message", "field"?}}. 5xx bodies never carry internals.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { storageErrorCode } from '../tenancy/storage-errors.js';
import { TenantDatabaseMissing } from '../tenancy/tenancy.js';
import type { ErrorCode } from './error-codes.js';

export type { ErrorCode } from './error-codes.js';

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** Extra members of the error object a client can act on (e.g. the workspaces to choose from). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'resource'): AppError => new AppError(404, 'not_found', `${what} not found`);
export const routeNotFound = (): AppError => new AppError(404, 'not_found', 'no such route');
export const badRequest = (code: ErrorCode, message: string, field?: string): AppError =>
  new AppError(400, code, message, field);

export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string; [detail: string]: unknown };
}

const FASTIFY_CODES: Record<string, [number, ErrorCode, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json', 'the request body is not valid JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_json', 'the request body is empty but declared as JSON'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'the request body is too large'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid_request', 'the content-length does not match the body'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'send the body as application/json'],
  FST_ERR_CTP_INVALID_TYPE: [415, 'unsupported_media_type', 'send the body as application/json'],
  FST_ERR_BAD_URL: [404, 'not_found', 'no such route'],
  // A path parameter longer than any id: no such record.
  FST_ERR_MAX_PARAM_LENGTH: [404, 'not_found', 'resource not found'],
  FST_ERR_ASYNC_CONSTRAINT: [404, 'not_found', 'no such route'],
};

/** Errors whose `field` is a name the client made up (an unknown property), not one of ours. */
const CLIENT_NAMED_FIELD = new WeakSet<AppError>();

/** What the request line says about a refused request: the API error code and, when ours, the field. */
export interface LoggedError {
  code: ErrorCode;
  field?: string;
}
const SENT_ERRORS = new WeakMap<FastifyReply, LoggedError>();

/** The error sendError answered this reply with (read by the request log), if any. */
export function sentError(reply: FastifyReply): LoggedError | undefined {
  return SENT_ERRORS.get(reply);
}

interface AjvError {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Maps one schema validation failure to a field name and a sentence that names it. */
function describeValidation(errors: AjvError[], context: string): AppError {
  const first = errors[0];
  if (!first) return badRequest('invalid_request', `invalid ${context}`);
  const path = first.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (first.keyword === 'required') {
    const field = [path, first.params.missingProperty].filter(Boolean).join('.');
    return badRequest('missing_field', `${field} is required`, field);
  }
  if (first.keyword === 'additionalProperties') {
    const field = [path, first.params.additionalProperty].filter(Boolean).join('.');
    const error = badRequest('unknown_field', `${field} is not a known field`, field);
    CLIENT_NAMED_FIELD.add(error); // the client chose this name: echoed back, never logged
    return error;
  }
  if (path === '') return badRequest('invalid_request', `the ${context} ${first.message ?? 'is invalid'}`);
  return badRequest('invalid_field', `${path} ${first.message ?? 'is invalid'}`, path);
}

export function toAppError(err: FastifyError & { validation?: AjvError[]; validationContext?: string }): AppError {
  if (err instanceof AppError) return err;
  if (err.validation) {
    // A malformed id in the path is simply a record that does not exist: never a hint about why.
    if (err.validationContext === 'params') return notFound();
    return describeValidation(err.validation, err.validationContext ?? 'request');
  }
  // A tenant row whose database file is gone (an operator moved it, a restore is under way).
  if (err instanceof TenantDatabaseMissing) return new AppError(503, 'tenant_unavailable', 'this workspace is temporarily unavailable');
  // A full or read-only disk: nothing was written (the transaction rolled back); retrying later may work.
  if (storageErrorCode(err)) return new AppError(503, 'storage_unavailable', 'the server cannot store data right now; try again later');
  const known = err.code ? FASTIFY_CODES[err.code] : undefined;
  if (known) return new AppError(known[0], known[1], known[2]);
  if (err.statusCode === 401) return new AppError(401, 'unauthenticated', 'authentication required');
  if (err.statusCode === 413) return new AppError(413, 'payload_too_large', 'the request is too large');
  if (err.statusCode === 415) return new AppError(415, 'unsupported_media_type', 'send the body as application/json');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return new AppError(err.statusCode, 'invalid_request', 'the request could not be processed');
  }
  return new AppError(500, 'internal_error', 'something went wrong; the error has been logged');
}

/** Records the error a reply answers with for the request log, for a route that answers it otherwise than as JSON (a page). */
export function noteSentError(reply: FastifyReply, error: AppError): void {
  // The request line logs the code and the field's name (a schema's name, never the value).
  SENT_ERRORS.set(reply, error.field && !CLIENT_NAMED_FIELD.has(error) ? { code: error.code, field: error.field } : { code: error.code });
}

export function sendError(reply: FastifyReply, error: AppError): FastifyReply {
  noteSentError(reply, error);
  const body: ErrorBody = { error: { ...error.details, code: error.code, message: error.message } };
  if (error.field) body.error.field = error.field;
  // RFC 6750: say which scheme is expected, and whether the token sent was the problem.
  if (error.statusCode === 401) reply.header('www-authenticate', error.code === 'unauthenticated' ? 'Bearer' : 'Bearer error="invalid_token"');
  return reply.code(error.statusCode).type('application/json; charset=utf-8').send(body);
}

export function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const error = toAppError(err);
  if (error.statusCode >= 500) {
    // Once per 5xx, with the stack: to the log (which never holds bodies or tokens), never to the
    // client. The request line that follows carries the same code.
    request.log.error({ err, error: error.code }, error.code === 'storage_unavailable' ? 'storage unavailable' : 'request failed');
  }
  return sendError(reply, error);
}

/**
 * Bodies are UTF-8 JSON, uncompressed. A declared charset other than UTF-8, or any content
 * encoding, would otherwise be read as UTF-8 regardless: refuse it instead (415).
 */
export function refuseBodyEncoding(headers: Record<string, string | string[] | undefined>): AppError | null {
  const encoding = headers['content-encoding'];
  if (encoding !== undefined && encoding !== 'identity') {
    return new AppError(415, 'unsupported_media_type', 'compressed request bodies are not accepted');
  }
  const type = headers['content-type'];
  const charset = typeof type === 'string' ? /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(type)?.[1] : undefined;
  if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
    return new AppError(415, 'unsupported_media_type', 'send the body as UTF-8 JSON');
  }
  return null;
}

const CLIENT_ERRORS: Record<string, [number, string, ErrorCode, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'headers_too_large', 'the request headers are too large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'request_timeout', 'the request took too long to arrive'],
};

/** A complete HTTP response for a request Node could not even parse, in the usual error shape. */
export function clientErrorResponse(err: { code?: string }): string {
  const [status, reason, code, message] = (err.code && CLIENT_ERRORS[err.code]) || [400, 'Bad Request', 'bad_request', 'the request is not valid HTTP'];
  const body = JSON.stringify({ error: { code, message } });
  return [
    `HTTP/1.1 ${status} ${reason}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}
