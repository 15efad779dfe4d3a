// Where backup objects go: one small interface that a local directory, an S3-compatible bucket and a
// directory on a backup host over SFTP implement (open-target.ts picks one). Object names are relative paths
// ("runs/<run id>/manifest.json"); each target maps them onto its own namespace (a directory, a
// key prefix).
export interface StoredObject {
  name: string;
  size: number;
}

/** What a target must confirm it holds before an object counts as stored. */
export interface ObjectDigest {
  size: number;
  /** Hex SHA-256 of the stored bytes (what the manifest records). */
  sha256: string;
  /** Hex MD5 of the stored bytes (what S3 answers as the ETag of a single PUT). */
  md5: string;
}

export interface BackupTarget {
  /** For messages: the directory or the bucket and prefix (never a credential). */
  readonly description: string;
  /** Stores a file under a name, replacing what was there; resolves only once the target confirmed size and checksum. */
  put(name: string, file: string, digest: ObjectDigest): Promise<void>;
  /** Writes the object into a file; rejects with ObjectMissing when there is none. */
  get(name: string, file: string): Promise<void>;
  /** Every object whose name starts with the prefix. */
  list(prefix: string): Promise<StoredObject[]>;
  /** Removes an object (no error when it is already gone). */
  delete(name: string): Promise<void>;
  close(): void;
}

export class ObjectMissing extends Error {
  override name = 'ObjectMissing';
  constructor(readonly objectName: string) {
    super(`the target holds no object ${objectName}`);
  }
}

/** The checksum a target reported does not match what was sent: the object does not count as stored. */
export class TargetNotConfirmed extends Error {
  override name = 'TargetNotConfirmed';
}

const NAME = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/i;

/** Names come from this module's own code, never from input; checked anyway so none can climb out of a target. */
export function assertObjectName(name: string): void {
  if (!NAME.test(name) || name.split('/').some((part) => part === '..' || part === '.')) throw new RangeError(`not a backup object name: ${name}`);
}
