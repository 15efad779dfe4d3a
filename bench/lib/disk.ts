import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface DiskUsage {
  files: number;
  /** Sum of file sizes. */
  bytes: number;
  /** What the files occupy on disk (allocated blocks, as `du` counts), directories included. */
  allocatedBytes: number;
}

export function diskUsage(dir: string): DiskUsage {
  const usage: DiskUsage = { files: 0, bytes: 0, allocatedBytes: 0 };
  const walk = (path: string): void => {
    const stat = lstatSync(path);
    usage.allocatedBytes += stat.blocks * 512;
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) walk(join(path, entry));
    } else {
      usage.files += 1;
      usage.bytes += stat.size;
    }
  };
  walk(dir);
  return usage;
}

export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
