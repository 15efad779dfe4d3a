// The two signature schemes, both HMAC-SHA256 keyed with the endpoint's secret string (UTF-8, as
// given) over a timestamp and the raw body bytes, compared in constant time, and accepted only
// within five minutes of our clock either way.
//  generic (ours, also what outbound deliveries carry):
//    Spinney-Webhook-Id: <delivery id>   Spinney-Webhook-Timestamp: <unix seconds>
//    Spinney-Webhook-Signature: v1=<hex> [v1=<hex> …]   over  "<id>.<timestamp>.<raw body>"
//  stripe: Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]   over  "<t>.<raw body>"
// Several v1 signatures may be sent so a sender can rotate its secret; one match is enough.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TOLERANCE_SECONDS = 300;

export const GENERIC_HEADERS = {
  id: 'spinney-webhook-id',
  timestamp: 'spinney-webhook-timestamp',
  signature: 'spinney-webhook-signature',
} as const;
export const STRIPE_HEADER = 'stripe-signature';

/** Why a delivery was refused (for the server log; the sender always gets the same 401). */
export type Refusal = 'missing_header' | 'malformed_header' | 'stale_timestamp' | 'bad_signature';

export type Verification<Ok = object> = ({ ok: true } & Ok) | { ok: false; reason: Refusal };

const DELIVERY_ID = /^[A-Za-z0-9_.:-]{1,128}$/;
const UNIX_SECONDS = /^\d{1,12}$/;
const HEX_SHA256 = /^[0-9a-f]{64}$/;
const MAX_HEADER = 2048;

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | undefined | null {
  const value = headers[name];
  if (value === undefined) return undefined;
  // Sent twice, or absurdly long: not a header a real sender writes.
  return typeof value === 'string' && value.length <= MAX_HEADER ? value : null;
}

function hmac(secret: string, parts: (string | Buffer)[]): Buffer {
  const mac = createHmac('sha256', Buffer.from(secret, 'utf8'));
  for (const part of parts) mac.update(part);
  return mac.digest();
}

/** True when any candidate is the expected MAC; every candidate is compared in constant time. */
function anyMatches(expected: Buffer, candidates: string[]): boolean {
  let matched = false;
  for (const candidate of candidates) {
    if (!HEX_SHA256.test(candidate)) continue;
    if (timingSafeEqual(expected, Buffer.from(candidate, 'hex'))) matched = true;
  }
  return matched;
}

const fresh = (timestamp: number, nowMs: number): boolean => Math.abs(nowMs / 1000 - timestamp) <= TOLERANCE_SECONDS;

/** The generic scheme's signature header value for one delivery. */
export function signGeneric(secret: string, id: string, timestamp: number, body: Buffer): string {
  return `v1=${hmac(secret, [`${id}.${timestamp}.`, body]).toString('hex')}`;
}

export function verifyGeneric(headers: Headers, secret: string, body: Buffer, nowMs: number): Verification<{ deliveryId: string }> {
  const id = header(headers, GENERIC_HEADERS.id);
  const timestamp = header(headers, GENERIC_HEADERS.timestamp);
  const signature = header(headers, GENERIC_HEADERS.signature);
  if (id === undefined || timestamp === undefined || signature === undefined) return { ok: false, reason: 'missing_header' };
  if (id === null || timestamp === null || signature === null || !DELIVERY_ID.test(id) || !UNIX_SECONDS.test(timestamp)) return { ok: false, reason: 'malformed_header' };
  const candidates = signature.split(/\s+/).filter((entry) => entry.startsWith('v1=')).map((entry) => entry.slice(3));
  if (candidates.length === 0) return { ok: false, reason: 'malformed_header' };
  if (!fresh(Number(timestamp), nowMs)) return { ok: false, reason: 'stale_timestamp' };
  if (!anyMatches(hmac(secret, [`${id}.${timestamp}.`, body]), candidates)) return { ok: false, reason: 'bad_signature' };
  return { ok: true, deliveryId: id };
}

/** Stripe's scheme (https://docs.stripe.com/webhooks#verify-manually); the delivery id is the event's `id`. */
export function verifyStripe(headers: Headers, secret: string, body: Buffer, nowMs: number): Verification {
  const value = header(headers, STRIPE_HEADER);
  if (value === undefined) return { ok: false, reason: 'missing_header' };
  if (value === null) return { ok: false, reason: 'malformed_header' };
  const pairs = value.split(',').map((pair) => {
    const at = pair.indexOf('=');
    return at === -1 ? ['', ''] : [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
  });
  const timestamps = pairs.filter(([key]) => key === 't').map(([, v]) => v as string);
  const candidates = pairs.filter(([key]) => key === 'v1').map(([, v]) => v as string);
  const timestamp = timestamps[0];
  if (timestamps.length !== 1 || timestamp === undefined || !UNIX_SECONDS.test(timestamp) || candidates.length === 0) return { ok: false, reason: 'malformed_header' };
  if (!fresh(Number(timestamp), nowMs)) return { ok: false, reason: 'stale_timestamp' };
  if (!anyMatches(hmac(secret, [`${timestamp}.`, body]), candidates)) return { ok: false, reason: 'bad_signature' };
  return { ok: true };
}
