// SPINNEY_BACKUP_*: a safe default beside tenants/, S3 settings checked together, refusals named.
import t from 'tap';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type ConfigError } from '../../src/config/config.js';
import { tempDataDir, TEST_KEYS } from '../helpers/app.js';

const load = (dataDir: string, env: Record<string, string>) => loadConfig({ SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: dataDir, ...TEST_KEYS, ...env }).config;
const problems = (dataDir: string, env: Record<string, string>): string => {
  try {
    load(dataDir, env);
    return '';
  } catch (err) {
    return (err as ConfigError).problems.join('\n');
  }
};

t.test('backup settings: defaults, S3, and every refusal named', async (t) => {
  const dataDir = tempDataDir(t);
  t.match(load(dataDir, {}).backup, { target: 'local', dir: join(dataDir, 'backups'), s3: null, schedule: '0 * * * *', keepAllHours: 48, keepDailyDays: 30 });
  t.match(load(dataDir, { SPINNEY_BACKUP_TARGET: 's3', SPINNEY_BACKUP_S3_BUCKET: 'my-backups', SPINNEY_BACKUP_S3_PREFIX: 'spinney/host-1/' }).backup.s3, { endpoint: null, bucket: 'my-backups', region: 'us-east-1', credentials: null, prefix: 'spinney/host-1/' });

  t.match(problems(dataDir, { SPINNEY_BACKUP_DIR: join(dataDir, 'tenants', 'x') }), /SPINNEY_BACKUP_DIR must not be the data dir or inside its tenants\/ directory/);
  t.match(problems(dataDir, { SPINNEY_BACKUP_DIR: dataDir }), /SPINNEY_BACKUP_DIR must not be/);
  t.match(problems(dataDir, { SPINNEY_BACKUP_TARGET: 's3' }), /SPINNEY_BACKUP_S3_BUCKET must name a bucket/);
  t.match(problems(dataDir, { SPINNEY_BACKUP_TARGET: 'ftp' }), /SPINNEY_BACKUP_TARGET must be one of local, s3/);
  t.match(problems(dataDir, { SPINNEY_BACKUP_TARGET: 's3', SPINNEY_BACKUP_S3_BUCKET: 'b-1', SPINNEY_BACKUP_S3_ACCESS_KEY_ID: 'id' }), /set both SPINNEY_BACKUP_S3_ACCESS_KEY_ID and SPINNEY_BACKUP_S3_SECRET_ACCESS_KEY/);
  t.match(problems(dataDir, { SPINNEY_BACKUP_TARGET: 's3', SPINNEY_BACKUP_S3_BUCKET: 'b-1', SPINNEY_BACKUP_S3_PREFIX: '../x' }), /SPINNEY_BACKUP_S3_PREFIX must be empty or folder names/);
  t.match(problems(dataDir, { SPINNEY_BACKUP_TARGET: 's3', SPINNEY_BACKUP_S3_BUCKET: 'b-1', SPINNEY_BACKUP_S3_ENDPOINT: 'not a url' }), /SPINNEY_BACKUP_S3_ENDPOINT is not a URL/);
  t.match(problems(dataDir, { SPINNEY_BACKUP_SCHEDULE: 'every hour' }), /SPINNEY_BACKUP_SCHEDULE must be a cron expression/);
  t.match(problems(dataDir, { SPINNEY_BACKUP_KEEP_DAILY_DAYS: '-1' }), /SPINNEY_BACKUP_KEEP_DAILY_DAYS must be an integer/);
  t.match(problems(dataDir, { SPINNEY_BACKUP_S3_BUKET: 'typo' }), /SPINNEY_BACKUP_S3_BUKET is not a known setting/);
  t.match(problems(dataDir, { SPINNEY_ENV: 'production', SPINNEY_BACKUP_TARGET: 's3', SPINNEY_BACKUP_S3_BUCKET: 'b-1', SPINNEY_BACKUP_S3_ENDPOINT: 'http://minio.internal:9000' }), /SPINNEY_BACKUP_S3_ENDPOINT must be an https:\/\/ URL in production/);

  const secretFile = join(dataDir, 's3-secret');
  writeFileSync(secretFile, 'from-a-file\n');
  t.same(load(dataDir, { SPINNEY_BACKUP_TARGET: 's3', SPINNEY_BACKUP_S3_BUCKET: 'b-1', SPINNEY_BACKUP_S3_ACCESS_KEY_ID: 'id', SPINNEY_BACKUP_S3_SECRET_ACCESS_KEY_FILE: secretFile }).backup.s3?.credentials, { accessKeyId: 'id', secretAccessKey: 'from-a-file' });
});
