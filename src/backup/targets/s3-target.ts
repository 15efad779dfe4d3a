// A backup target in an S3-compatible bucket (AWS S3, MinIO, Ceph …). Each object is one PUT
// (objects up to 5 GiB) sent with its MD5 and SHA-256, which the store checks on receipt; it counts
// as stored only when a HEAD afterwards reports the same size and a checksum of the same bytes
// (the SHA-256 where the store keeps one, otherwise the ETag, which for a single PUT is the MD5).
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { BackupS3Config } from '../../config/config.js';
import { assertObjectName, ObjectMissing, TargetNotConfirmed, type BackupTarget, type ObjectDigest, type StoredObject } from './target.js';

const isMissing = (err: unknown): boolean =>
  err instanceof S3ServiceException && (err.name === 'NoSuchKey' || err.name === 'NotFound' || err.$metadata.httpStatusCode === 404);

export class S3Target implements BackupTarget {
  readonly description: string;
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #prefix: string;

  constructor(config: BackupS3Config) {
    this.#bucket = config.bucket;
    this.#prefix = config.prefix;
    this.description = `s3://${config.bucket}/${config.prefix}${config.endpoint ? ` at ${config.endpoint}` : ''}`;
    this.#client = new S3Client({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint, forcePathStyle: true } : {}),
      // A copy: the SDK marks the object it is given, and the config is frozen.
      ...(config.credentials ? { credentials: { ...config.credentials } } : {}),
      // Checksums are the ones this module sends and checks itself (below), not the SDK's own
      // trailing CRC32, which not every S3-compatible store understands.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  #key(name: string): string {
    assertObjectName(name);
    return `${this.#prefix}${name}`;
  }

  async put(name: string, file: string, digest: ObjectDigest): Promise<void> {
    const Key = this.#key(name);
    const sha256 = Buffer.from(digest.sha256, 'hex').toString('base64');
    await this.#client.send(
      new PutObjectCommand({
        Bucket: this.#bucket,
        Key,
        Body: createReadStream(file),
        ContentLength: digest.size,
        ContentMD5: Buffer.from(digest.md5, 'hex').toString('base64'),
        ChecksumSHA256: sha256,
        ContentType: 'application/octet-stream',
        Metadata: { sha256: digest.sha256 },
      }),
    );
    const head = await this.#client.send(new HeadObjectCommand({ Bucket: this.#bucket, Key, ChecksumMode: 'ENABLED' }));
    const etag = head.ETag?.replace(/"/g, '');
    const checksumMatches = head.ChecksumSHA256 ? head.ChecksumSHA256 === sha256 : etag === digest.md5;
    if (head.ContentLength !== digest.size || !checksumMatches) {
      throw new TargetNotConfirmed(`${name}: the bucket reports ${head.ContentLength} bytes and a checksum that does not match the ${digest.size} bytes sent`);
    }
  }

  async get(name: string, file: string): Promise<void> {
    try {
      const response = await this.#client.send(new GetObjectCommand({ Bucket: this.#bucket, Key: this.#key(name) }));
      await pipeline(response.Body as Readable, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    } catch (err) {
      if (isMissing(err)) throw new ObjectMissing(name);
      throw err;
    }
  }

  async list(prefix: string): Promise<StoredObject[]> {
    const found: StoredObject[] = [];
    let ContinuationToken: string | undefined;
    do {
      const page = await this.#client.send(new ListObjectsV2Command({ Bucket: this.#bucket, Prefix: `${this.#prefix}${prefix}`, ...(ContinuationToken ? { ContinuationToken } : {}) }));
      for (const item of page.Contents ?? []) {
        if (item.Key) found.push({ name: item.Key.slice(this.#prefix.length), size: item.Size ?? 0 });
      }
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
    return found.sort((a, b) => a.name.localeCompare(b.name));
  }

  async delete(name: string): Promise<void> {
    await this.#client.send(new DeleteObjectCommand({ Bucket: this.#bucket, Key: this.#key(name) }));
  }

  close(): void {
    this.#client.destroy();
  }
}
