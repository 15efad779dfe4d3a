// The one encryption format of backup objects (docs/backup-format.md), on top of Node's AES-256-GCM:
// the plaintext is cut into chunks of CHUNK_BYTES, each sealed on its own with a nonce made of a
// random per-object prefix and the chunk's index, and additional data naming the object, the
// workspace, the chunk's index and whether it is the last. So besides a flipped bit, a chunk moved,
// dropped, repeated or swapped, an object cut short (even at a chunk boundary), chunks appended,
// or a chunk moved to another object or workspace all fail to open. A fresh key per object is
// derived (HKDF) from the caller's key and a random salt, so no two objects share a key.
//
//   header (40 bytes)    "SPNYBK" | format 1 | compression (1 = gzip) | key version u32 |
//                        chunk size u32 | nonce prefix (8) | key salt (16)
//   chunks               ciphertext (chunk size bytes; the last one 0..chunk size) + 16-byte tag
//
// The header is bound into every chunk too. Decryption emits a chunk only after its tag checked;
// a reader must still treat the output as valid only once the stream ended without an error
// (only the end proves nothing was cut off).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

export const CHUNK_BYTES = 64 * 1024;
/**
 * For objects of many megabytes (file blobs, the files object of a backup run): a quarter of the
 * cipher calls, transform callbacks and writes per byte (bench:files). Readers take the chunk size
 * from each header, so objects of either size open.
 */
export const LARGE_CHUNK_BYTES = 256 * 1024;
const MAGIC = Buffer.from('SPNYBK', 'ascii');
const FORMAT = 1;
export const COMPRESSION_GZIP = 1;
/** Stored as sealed, uncompressed: a file blob (src/files/), whose plaintext is often compressed already. */
export const COMPRESSION_NONE = 0;
export const HEADER_BYTES = 40;
const TAG_BYTES = 16;

export class ChunkAuthenticationError extends Error {
  override name = 'ChunkAuthenticationError';
}

/** What an object is bound to: a chunk of one object never opens as part of another. */
export interface ObjectBinding {
  objectId: string;
  /** The workspace the object belongs to; '' for the control plane and the keyring. */
  tenantId: string;
}

export interface ObjectHeader {
  compression: number;
  keyVersion: number;
  chunkBytes: number;
  noncePrefix: Buffer;
  keySalt: Buffer;
  raw: Buffer;
}

function writeHeader(keyVersion: number, chunkBytes: number, compression: number): ObjectHeader {
  const raw = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(raw, 0);
  raw.writeUInt8(FORMAT, 6);
  raw.writeUInt8(compression, 7);
  raw.writeUInt32BE(keyVersion, 8);
  raw.writeUInt32BE(chunkBytes, 12);
  randomBytes(24).copy(raw, 16);
  return parseHeader(raw);
}

/** Reads a header; throws ChunkAuthenticationError for anything that is not one we write. */
export function parseHeader(raw: Buffer): ObjectHeader {
  if (raw.length < HEADER_BYTES || !raw.subarray(0, 6).equals(MAGIC) || raw.readUInt8(6) !== FORMAT) {
    throw new ChunkAuthenticationError('not a Spinney backup object (bad header)');
  }
  const chunkBytes = raw.readUInt32BE(12);
  if (chunkBytes < 1024 || chunkBytes > 16 * 1024 * 1024) throw new ChunkAuthenticationError('not a Spinney backup object (bad chunk size)');
  const header = raw.subarray(0, HEADER_BYTES);
  return {
    compression: header.readUInt8(7),
    keyVersion: header.readUInt32BE(8),
    chunkBytes,
    noncePrefix: header.subarray(16, 24),
    keySalt: header.subarray(24, 40),
    raw: header,
  };
}

function objectKey(key: Buffer, header: ObjectHeader): Buffer {
  if (key.length !== 32) throw new RangeError('backup keys are 32 bytes');
  return Buffer.from(hkdfSync('sha256', key, header.keySalt, 'spinney backup object v1', 32));
}

/** Length-prefixed, so no two bindings encode alike. */
function bindingBytes(binding: ObjectBinding): Buffer {
  const parts = [binding.objectId, binding.tenantId].map((part) => Buffer.from(part, 'utf8'));
  const out = Buffer.alloc(parts.reduce((n, p) => n + 4 + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    offset = out.writeUInt32BE(part.length, offset);
    offset += part.copy(out, offset);
  }
  return out;
}

class ChunkCodec {
  readonly #key: Buffer;
  readonly #header: ObjectHeader;
  readonly #binding: Buffer;

  constructor(key: Buffer, header: ObjectHeader, binding: ObjectBinding) {
    this.#key = objectKey(key, header);
    this.#header = header;
    this.#binding = bindingBytes(binding);
  }

  #nonceAndAad(index: number, final: boolean): { nonce: Buffer; aad: Buffer } {
    if (index > 0xffffffff) throw new RangeError('an object has at most 2^32 chunks');
    const nonce = Buffer.alloc(12);
    this.#header.noncePrefix.copy(nonce, 0);
    nonce.writeUInt32BE(index, 8);
    const tail = Buffer.alloc(5);
    tail.writeUInt32BE(index, 0);
    tail.writeUInt8(final ? 1 : 0, 4);
    return { nonce, aad: Buffer.concat([this.#header.raw, this.#binding, tail]) };
  }

  /**
   * Seals one chunk given as the consecutive pieces it arrived in: each piece is encrypted as it is
   * (GCM takes a chunk's plaintext in several updates), so the plaintext is never joined first.
   * Returns the ciphertext pieces, then the tag: the sealed chunk, in order.
   */
  seal(index: number, final: boolean, pieces: readonly Buffer[]): Buffer[] {
    const { nonce, aad } = this.#nonceAndAad(index, final);
    const cipher = createCipheriv('aes-256-gcm', this.#key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad);
    const sealed = pieces.map((piece) => cipher.update(piece));
    cipher.final(); // GCM holds nothing back: no bytes here
    sealed.push(cipher.getAuthTag());
    return sealed;
  }

  open(index: number, final: boolean, sealed: Buffer): Buffer {
    if (sealed.length < TAG_BYTES) throw new ChunkAuthenticationError(`chunk ${index} is cut short`);
    const { nonce, aad } = this.#nonceAndAad(index, final);
    const decipher = createDecipheriv('aes-256-gcm', this.#key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    try {
      const plaintext = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
      decipher.final(); // checks the tag; GCM holds no bytes back
      return plaintext;
    } catch {
      throw new ChunkAuthenticationError(`chunk ${index} does not authenticate (changed, moved, cut short, extended, or the wrong key)`);
    }
  }
}

/**
 * Cuts a plaintext that arrives in pieces of any size into chunks and seals them, without joining
 * the pieces: a chunk is sealed once a byte after it has arrived (so it is known not to be the
 * last), and the rest, last, by end(). What it returns is to be written in order, after `header`.
 */
export class ChunkSealer {
  readonly header: Buffer;
  readonly #codec: ChunkCodec;
  readonly #chunkBytes: number;
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  #index = 0;

  constructor(key: Buffer, keyVersion: number, binding: ObjectBinding, chunkBytes: number, compression: number) {
    const header = writeHeader(keyVersion, chunkBytes, compression);
    this.header = header.raw;
    this.#codec = new ChunkCodec(key, header, binding);
    this.#chunkBytes = chunkBytes;
  }

  /** Takes the next piece of plaintext; returns the chunks it completed (usually none), each as its buffers. */
  add(piece: Buffer): Buffer[][] {
    this.#pending.push(piece);
    this.#pendingBytes += piece.length;
    const sealed: Buffer[][] = [];
    while (this.#pendingBytes > this.#chunkBytes) {
      const chunk: Buffer[] = [];
      let missing = this.#chunkBytes;
      while (missing > 0) {
        const first = this.#pending[0]!;
        if (first.length <= missing) {
          chunk.push(first);
          this.#pending.shift();
          missing -= first.length;
        } else {
          chunk.push(first.subarray(0, missing));
          this.#pending[0] = first.subarray(missing);
          missing = 0;
        }
      }
      this.#pendingBytes -= this.#chunkBytes;
      sealed.push(this.#codec.seal(this.#index++, false, chunk));
    }
    return sealed;
  }

  /** The last chunk (0..chunk size bytes, empty for an empty plaintext), sealed as the last. */
  end(): Buffer[] {
    const sealed = this.#codec.seal(this.#index, true, this.#pending);
    this.#pending = [];
    this.#pendingBytes = 0;
    return sealed;
  }
}

/** One buffer per sealed chunk: ciphertext pieces and tag pushed apart would cost a file write stream a write call each. */
const joined = (sealed: Buffer[]): Buffer => (sealed.length === 1 ? sealed[0]! : Buffer.concat(sealed));

/**
 * Plaintext in, header and sealed chunks out (ChunkSealer as a stream). `compression` only records
 * what the caller did to the plaintext (gzip for backups).
 */
export function encryptStream(key: Buffer, keyVersion: number, binding: ObjectBinding, chunkBytes = CHUNK_BYTES, compression = COMPRESSION_GZIP): Transform {
  const sealer = new ChunkSealer(key, keyVersion, binding, chunkBytes, compression);
  return new Transform({
    construct(callback) {
      this.push(sealer.header);
      callback();
    },
    transform(data: Buffer, _encoding, callback: TransformCallback) {
      for (const sealed of sealer.add(data)) this.push(joined(sealed));
      callback();
    },
    flush(callback: TransformCallback) {
      this.push(joined(sealer.end()));
      callback();
    },
  });
}

/**
 * Header and sealed chunks in, plaintext out; fails with ChunkAuthenticationError at the first
 * chunk that does not open, and at the end if the last chunk was not sealed as the last.
 * `keyFor` picks the key from the header's key version.
 */
export function decryptStream(keyFor: (keyVersion: number) => Buffer, binding: ObjectBinding): Transform {
  let codec: ChunkCodec | undefined;
  let sealedChunkBytes = 0;
  // What arrived and is not opened yet, joined only once it holds more than a whole chunk (reads
  // are smaller than a chunk: joining at every read would copy a chunk many times over).
  let parts: Buffer[] = [];
  let partBytes = 0;
  let index = 0;
  return new Transform({
    transform(data: Buffer, _encoding, callback: TransformCallback) {
      parts.push(data);
      partBytes += data.length;
      try {
        if (!codec) {
          if (partBytes < HEADER_BYTES) return callback();
          const joined = Buffer.concat(parts, partBytes);
          const header = parseHeader(joined);
          codec = new ChunkCodec(keyFor(header.keyVersion), header, binding);
          sealedChunkBytes = header.chunkBytes + TAG_BYTES;
          parts = [joined.subarray(HEADER_BYTES)];
          partBytes -= HEADER_BYTES;
        }
        // More than one whole chunk buffered: the first one is not the last.
        if (partBytes > sealedChunkBytes) {
          let buffered = parts.length === 1 ? parts[0]! : Buffer.concat(parts, partBytes);
          while (buffered.length > sealedChunkBytes) {
            this.push(codec.open(index++, false, buffered.subarray(0, sealedChunkBytes)));
            buffered = buffered.subarray(sealedChunkBytes);
          }
          parts = [buffered];
          partBytes = buffered.length;
        }
        callback();
      } catch (err) {
        callback(err as Error);
      }
    },
    flush(callback: TransformCallback) {
      try {
        if (!codec) throw new ChunkAuthenticationError('the object is cut short (no complete header)');
        this.push(codec.open(index, true, Buffer.concat(parts, partBytes)));
        callback();
      } catch (err) {
        callback(err as Error);
      }
    },
  });
}
