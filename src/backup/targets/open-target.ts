// The target the config names. Kept apart from target.ts so the implementations can import the
// interface and its errors without an import cycle.
import type { BackupConfig } from '../../config/config.js';
import { LocalTarget } from './local-target.js';
import { S3Target } from './s3-target.js';
import { SftpTarget } from './sftp-target.js';
import type { BackupTarget } from './target.js';

export function openTarget(config: BackupConfig): BackupTarget {
  if (config.target === 's3' && config.s3) return new S3Target(config.s3);
  if (config.target === 'sftp' && config.sftp) return new SftpTarget(config.sftp);
  return new LocalTarget(config.dir);
}
