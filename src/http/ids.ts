// Prefixed random ids: `<prefix>_` + 24 lowercase base32 characters (120 random bits).
// Ids are not secrets, but being unguessable and unsteerable (never derived from input) means a
// tenant id can safely name a directory and a record id cannot be enumerated.
import { randomFillSync } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const BODY_LENGTH = 24;

export const ID_PREFIXES = {
  tenant: 'tn',
  identity: 'id',
  membership: 'mb',
  invitation: 'iv',
  user: 'us',
  session: 'ss',
  contact: 'ct',
  auditEvent: 'ae',
  integration: 'ig',
  webhookEndpoint: 'wh',
  webhookReceipt: 'wr',
  webhookSubscription: 'ws',
  webhookDelivery: 'wd',
  jobRun: 'jr',
  pipeline: 'pl',
  pipelineStage: 'sg',
  lead: 'ld',
  leadStageChange: 'lh',
  leadNote: 'ln',
  import: 'im',
  estimate: 'es',
  estimateRevision: 'er',
  mailMessage: 'ml',
  apiKey: 'ak',
  mailTemplate: 'mt',
  calendarEvent: 'ev',
  mailbox: 'mx',
  inboundMessage: 'mi',
  transcript: 'tr',
  file: 'fl',
} as const;
export type IdKind = keyof typeof ID_PREFIXES;

// Each id takes 15 bytes from a pool the CSPRNG fills 256 ids at a time (as Node does for
// randomUUID): one randomBytes() call per id cost more than the rest of making it (ids are drawn
// several times per write).
const ID_BYTES = 15; // 120 bits = exactly 24 base32 characters
const pool = Buffer.alloc(ID_BYTES * 256);
let poolOffset = pool.length;

export function newId(kind: IdKind): string {
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const start = poolOffset;
  poolOffset += ID_BYTES;
  let bits = 0;
  let value = 0;
  let out = `${ID_PREFIXES[kind]}_`;
  for (let i = start; i < poolOffset; i += 1) {
    value = (value << 8) | (pool[i] as number);
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** The regular expression source for one kind of id (also used in route schemas). */
export function idPattern(kind: IdKind): string {
  return `^${ID_PREFIXES[kind]}_[a-z2-7]{${BODY_LENGTH}}$`;
}

const ANY_ID = new RegExp(`^(${Object.values(ID_PREFIXES).join('|')})_[a-z2-7]{${BODY_LENGTH}}$`);
/** Whether a value has the shape of an id of any kind this server generates. */
export const isAnyId = (value: unknown): value is string => typeof value === 'string' && ANY_ID.test(value);

const compiled = new Map<IdKind, RegExp>();
export function isId(kind: IdKind, value: unknown): value is string {
  let re = compiled.get(kind);
  if (!re) {
    re = new RegExp(idPattern(kind));
    compiled.set(kind, re);
  }
  return typeof value === 'string' && re.test(value);
}
