// SPINNEY_BACKUP_*: a safe default beside tenants/, S3 settings checked together, refusals named.
import t from 'tap';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import cron from 'node-cron';
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
  t.match(problems(dataDir, { SPINNEY_BACKUP_TARGET: 'ftp' }), /SPINNEY_BACKUP_TARGET must be one of local, s3, sftp/);
  t.match(problems(dataDir, { SPINNEY_BACKUP_TARGET: 's3', SPINNEY_BACKUP_S3_BUCKET: 'b-1', SPINNEY_BACKUP_S3_ACCESS_KEY_ID: 'id' }), /set both SPINNEY_BACKUP_S3_ACCESS_KEY_ID and SPINNEY_BACKUP_S3_SECRET_ACCESS_KEY/);
  t.match(problems(dataDir, { SPINNEY_BACKUP_TARGET: 's3', SPINNEY_BACKUP_S3_BUCKET: 'b-1', SPINNEY_BACKUP_S3_PREFIX: '../x' }), /SPINNEY_BACKUP_S3_PREFIX must be empty or folder names/);
  t.match(problems(dataDir, { SPINNEY_BACKUP_TARGET: 's3', SPINNEY_BACKUP_S3_BUCKET: 'b-1', SPINNEY_BACKUP_S3_ENDPOINT: 'not a url' }), /SPINNEY_BACKUP_S3_ENDPOINT is not a URL/);
  t.match(problems(dataDir, { SPINNEY_BACKUP_SCHEDULE: 'every hour' }), /SPINNEY_BACKUP_SCHEDULE must be a cron expression/);
  // Shaped like cron but out of range: refused by config, before `spinney serve` would start its
  // scheduler and crash on it (a crash loop under PM2).
  for (const schedule of ['99 * * * *', '0 24 * * *', '*/0 * * * *', '0 0 31 2 *', '0 0 * 13 *', '0 0 * * 8', '60 * * * * *']) {
    t.match(problems(dataDir, { SPINNEY_BACKUP_SCHEDULE: schedule }), new RegExp(`SPINNEY_BACKUP_SCHEDULE must be a cron expression .*${JSON.stringify(schedule).replace(/[*/]/g, '\\$&')} is not`), schedule);
  }
  for (const schedule of ['15 */2 * * *', '0 3 * * mon-fri', '30 0 * * * *']) {
    t.equal(load(dataDir, { SPINNEY_BACKUP_SCHEDULE: schedule }).backup.schedule, schedule, `${schedule} accepted`);
    const task = cron.schedule(schedule, () => {}, { timezone: 'UTC' });
    t.teardown(() => task.destroy());
  }
  t.match(problems(dataDir, { SPINNEY_BACKUP_KEEP_DAILY_DAYS: '-1' }), /SPINNEY_BACKUP_KEEP_DAILY_DAYS must be an integer/);
  t.match(problems(dataDir, { SPINNEY_BACKUP_S3_BUKET: 'typo' }), /SPINNEY_BACKUP_S3_BUKET is not a known setting/);
  t.match(problems(dataDir, { SPINNEY_ENV: 'production', SPINNEY_BACKUP_TARGET: 's3', SPINNEY_BACKUP_S3_BUCKET: 'b-1', SPINNEY_BACKUP_S3_ENDPOINT: 'http://minio.internal:9000' }), /SPINNEY_BACKUP_S3_ENDPOINT must be an https:\/\/ URL in production/);

  const secretFile = join(dataDir, 's3-secret');
  writeFileSync(secretFile, 'from-a-file\n');
  t.same(load(dataDir, { SPINNEY_BACKUP_TARGET: 's3', SPINNEY_BACKUP_S3_BUCKET: 'b-1', SPINNEY_BACKUP_S3_ACCESS_KEY_ID: 'id', SPINNEY_BACKUP_S3_SECRET_ACCESS_KEY_FILE: secretFile }).backup.s3?.credentials, { accessKeyId: 'id', secretAccessKey: 'from-a-file' });
});

t.test('SFTP settings: host, user, absolute path, a key file and the pinned host key, each refusal named', async (t) => {
  const dataDir = tempDataDir(t);
  const keyFile = join(dataDir, 'sftp-key');
  writeFileSync(keyFile, '-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----\n');
  const fingerprint = `SHA256:${'A'.repeat(43)}`;
  const good = {
    SPINNEY_BACKUP_TARGET: 'sftp',
    SPINNEY_BACKUP_SFTP_HOST: 'backup.example.net',
    SPINNEY_BACKUP_SFTP_USER: 'spinney-host1',
    SPINNEY_BACKUP_SFTP_PATH: '/srv/backups/host-1/',
    SPINNEY_BACKUP_SFTP_PRIVATE_KEY_FILE: keyFile,
    SPINNEY_BACKUP_SFTP_HOST_FINGERPRINT: fingerprint,
  };
  const sftp = load(dataDir, good).backup.sftp;
  t.match(sftp, { host: 'backup.example.net', port: 22, username: 'spinney-host1', path: '/srv/backups/host-1', passphrase: null, hostFingerprint: fingerprint });
  t.equal(sftp?.privateKey.toString(), '-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----', 'the key read from its file');
  t.equal(load(dataDir, {}).backup.sftp, null, 'no SFTP settings unless it is the target');

  const without = (name: string): Record<string, string> => Object.fromEntries(Object.entries(good).filter(([k]) => k !== name));
  t.match(problems(dataDir, without('SPINNEY_BACKUP_SFTP_HOST')), /SPINNEY_BACKUP_SFTP_HOST must name the backup host/);
  t.match(problems(dataDir, without('SPINNEY_BACKUP_SFTP_USER')), /SPINNEY_BACKUP_SFTP_USER must name the account/);
  t.match(problems(dataDir, without('SPINNEY_BACKUP_SFTP_PRIVATE_KEY_FILE')), /SPINNEY_BACKUP_SFTP_PRIVATE_KEY_FILE must name the client key/);
  t.match(problems(dataDir, without('SPINNEY_BACKUP_SFTP_HOST_FINGERPRINT')), /SPINNEY_BACKUP_SFTP_HOST_FINGERPRINT must be the backup host's key fingerprint/);
  t.match(problems(dataDir, { ...good, SPINNEY_BACKUP_SFTP_HOST_FINGERPRINT: 'MD5:aa:bb' }), /SPINNEY_BACKUP_SFTP_HOST_FINGERPRINT must be/);
  t.match(problems(dataDir, { ...good, SPINNEY_BACKUP_SFTP_PATH: 'relative/dir' }), /SPINNEY_BACKUP_SFTP_PATH must be an absolute directory/);
  t.match(problems(dataDir, { ...good, SPINNEY_BACKUP_SFTP_PATH: '/srv/../etc' }), /SPINNEY_BACKUP_SFTP_PATH must be an absolute directory/);
  t.match(problems(dataDir, { ...good, SPINNEY_BACKUP_SFTP_PORT: '70000' }), /SPINNEY_BACKUP_SFTP_PORT must be an integer/);
  t.match(problems(dataDir, { ...good, SPINNEY_BACKUP_SFTP_PRIVATE_KEY_FILE: join(dataDir, 'missing') }), /SPINNEY_BACKUP_SFTP_PRIVATE_KEY_FILE \(.*\) cannot be read/);
});
