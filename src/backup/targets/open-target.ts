// The target the config names. Kept apart from target.ts so the implementations can import the
// interface and its errors without an import cycle.
import type { BackupConfig } from '../../config/config.js';
import { LocalTarget } from './local-target.js';
import type { BackupTarget } from './target.js';

/**
 * Opens the configured target. The S3 SDK and ssh2 load here, on first use, so a process that never
 * reaches a remote target (most `spinney` commands, a local-target server) never pays their start-up.
 */
export async function openTarget(config: BackupConfig): Promise<BackupTarget> {
  if (config.target === 's3' && config.s3) {
    const { S3Target } = await import('./s3-target.js');
    return new S3Target(config.s3);
  }
  if (config.target === 'sftp' && config.sftp) {
    const { SftpTarget } = await import('./sftp-target.js');
    return new SftpTarget(config.sftp);
  }
  return new LocalTarget(config.dir);
}
