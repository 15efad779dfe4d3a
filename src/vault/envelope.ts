// The vault's one cryptographic format, written here on purpose (docs/architecture.md, "Keys"):
// AES-256-GCM from Node's crypto, a fresh random 96-bit nonce per seal, and additional
// authenticated data that binds the value to where it belongs (tenant, purpose, table, record,
// column), so a ciphertext copied to another tenant, row or column fails to open.
//
//   byte 0      format version (1)
//   bytes 1-4   key version, uint32 big-endian (which root or data key sealed it)
//   bytes 5-16  nonce
//   then        ciphertext
//   last 16     GCM tag
//
// The header is authenticated too, so a changed format or key version is caught, not misread.
import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';

export const FORMAT_VERSION = 1;
const HEADER_BYTES = 1 + 4 + 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/** Where a sealed value belongs. Every part is bound into the ciphertext. */
export interface SealContext {
  tenantId: string;
  /** Which key family: `app` (integration secrets, API keys), `sensitive` (customer fields, files), `wrap` (data keys). */
  purpose: string;
  table: string;
  recordId: string;
  column?: string;
}

export class VaultOpenError extends Error {
  override name = 'VaultOpenError';
}

/** Length-prefixed parts: no two different contexts encode to the same bytes. Written into one buffer. */
function contextBytes(header: Buffer, context: SealContext): Buffer {
  const parts = ['spinney-vault', context.tenantId, context.purpose, context.table, context.recordId, context.column ?? ''];
  let size = header.length;
  for (const part of parts) size += 4 + Buffer.byteLength(part, 'utf8');
  const bytes = Buffer.allocUnsafe(size);
  let offset = header.copy(bytes, 0);
  for (const part of parts) {
    const length = bytes.write(part, offset + 4, 'utf8');
    bytes.writeUInt32BE(length, offset);
    offset += 4 + length;
  }
  return bytes;
}

// Nonces come from a pool filled by the CSPRNG 256 at a time (as Node does for randomUUID): one
// call into OpenSSL per 256 seals instead of one per seal. Each 12 bytes are handed out once.
const NONCE_POOL = Buffer.alloc(12 * 256);
let noncePoolOffset = NONCE_POOL.length;

function takeNonce(target: Buffer, offset: number): void {
  if (noncePoolOffset === NONCE_POOL.length) {
    randomFillSync(NONCE_POOL);
    noncePoolOffset = 0;
  }
  NONCE_POOL.copy(target, offset, noncePoolOffset, noncePoolOffset + 12);
  noncePoolOffset += 12;
}

function assertKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new RangeError(`vault keys are ${KEY_BYTES} bytes, not ${key.length}`);
}

export function seal(key: Buffer, keyVersion: number, plaintext: Buffer, context: SealContext): Buffer {
  assertKey(key);
  if (!Number.isInteger(keyVersion) || keyVersion < 1 || keyVersion > 0xffffffff) throw new RangeError('key versions are 1 to 2^32-1');
  const header = Buffer.allocUnsafe(HEADER_BYTES);
  header.writeUInt8(FORMAT_VERSION, 0);
  header.writeUInt32BE(keyVersion, 1);
  takeNonce(header, 5);
  const cipher = createCipheriv('aes-256-gcm', key, header.subarray(5), { authTagLength: TAG_BYTES });
  cipher.setAAD(contextBytes(header, context));
  return Buffer.concat([header, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** The key version a sealed value needs (to pick the key before opening it). */
export function sealedKeyVersion(sealed: Buffer): number {
  if (sealed.length < HEADER_BYTES + TAG_BYTES || sealed.readUInt8(0) !== FORMAT_VERSION) throw new VaultOpenError('not a sealed value of a known format');
  return sealed.readUInt32BE(1);
}

/** Opens a sealed value with the key its header names; any change to any byte or to the context fails. */
export function open(keyFor: (version: number) => Buffer | undefined, sealed: Buffer, context: SealContext): Buffer {
  const version = sealedKeyVersion(sealed);
  const key = keyFor(version);
  if (!key) throw new VaultOpenError(`key version ${version} is not available`);
  assertKey(key);
  const header = sealed.subarray(0, HEADER_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, header.subarray(5), { authTagLength: TAG_BYTES });
  decipher.setAAD(contextBytes(header, context));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(HEADER_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new VaultOpenError('the sealed value does not open here: wrong key, wrong place, or changed');
  }
}
