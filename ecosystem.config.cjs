// PM2 process file for Spinney (docs/operations.md, "Running under PM2"):
//
//   pm2 start ecosystem.config.cjs        pm2 reload spinney        pm2 logs spinney
//
// Spinney's own settings (SPINNEY_*) come from an environment file outside the repository,
// /etc/spinney/spinney.env by default (root keys as *_FILE paths, never the keys themselves), read
// here each time PM2 loads this file, so `pm2 reload ecosystem.config.cjs` picks up changes. The
// names below are read by this file only; none starts with SPINNEY_, because PM2 passes the
// shell's environment on to the app and Spinney refuses SPINNEY_* names it does not know.
//
//   PM2_SPINNEY_ENV_FILE    the environment file                 (/etc/spinney/spinney.env)
//   PM2_SPINNEY_INSTANCES   server processes, cluster mode       (1)
//   PM2_SPINNEY_LOG_DIR     where the JSON log files go          (/var/log/spinney)
//   PM2_SPINNEY_MAX_MEMORY  restart a process above this RSS     (1G)
/* eslint-disable @typescript-eslint/no-require-imports -- PM2 loads this file with require(): it is CommonJS */
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { parseEnv } = require('node:util');

const envFile = process.env.PM2_SPINNEY_ENV_FILE || '/etc/spinney/spinney.env';
let env;
try {
  env = parseEnv(readFileSync(envFile, 'utf8'));
} catch (err) {
  throw new Error(`spinney: cannot read the environment file ${envFile} (set PM2_SPINNEY_ENV_FILE): ${err.message}`);
}

const instances = Number(process.env.PM2_SPINNEY_INSTANCES || 1);
if (!Number.isInteger(instances) || instances < 1) throw new Error('spinney: PM2_SPINNEY_INSTANCES must be a whole number of at least 1');
const logDir = process.env.PM2_SPINNEY_LOG_DIR || '/var/log/spinney';

// Spinney answers requests in flight for SPINNEY_SHUTDOWN_TIMEOUT seconds after SIGINT, then gives
// background work 5 s more (src/server.ts). PM2 sends SIGKILL only after kill_timeout: keep it above both.
const shutdownSeconds = Number(env.SPINNEY_SHUTDOWN_TIMEOUT || 10);

module.exports = {
  apps: [
    {
      name: 'spinney',
      script: 'bin/spinney.js',
      args: 'serve',
      cwd: __dirname,
      // Cluster mode, also for one process: `pm2 reload` starts the new process before stopping
      // the old one. Every instance serves every workspace (SQLite WAL and a busy timeout let
      // processes share a file); only instance 0 (NODE_APP_INSTANCE) runs the scheduled jobs.
      exec_mode: 'cluster',
      instances,
      env,
      max_memory_restart: process.env.PM2_SPINNEY_MAX_MEMORY || '1G',
      kill_timeout: (shutdownSeconds + 10) * 1000,
      // A process that keeps crashing is restarted after 100 ms, 150 ms, … up to 15 s, not in a tight loop.
      exp_backoff_restart_delay: 100,
      // Log lines are pino's JSON (with their own `time`): PM2 must not prefix them with a date
      // (no `time`, no `log_date_format`), or each line stops being JSON. One file for every instance.
      time: false,
      merge_logs: true,
      out_file: join(logDir, 'spinney.out.log'),
      error_file: join(logDir, 'spinney.error.log'),
    },
  ],
};
