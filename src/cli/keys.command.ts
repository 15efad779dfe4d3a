// `spinney keys …`: the root keys and what they protect (src/vault/key-rotation.ts does the work).
import { Option, type Command } from 'commander';
import { KeySetError, ROOT_KEY_NAMES, ROOT_KEY_VARIABLES, type RootKeyName } from '../vault/root-keys.js';
import { CliError, print, progress, withRuntime } from './support.js';

const KEY_CHOICES: Record<string, RootKeyName> = { signing: 'signing', app: 'app', sensitive: 'sensitive' };
const keyOption = () => new Option('--key <key>', 'which root key').choices(Object.keys(KEY_CHOICES)).makeOptionMandatory();

/** The rotation service, loaded when a keys command runs: it reaches the sign-in and backup modules. */
const keyRotation = () => import('../vault/key-rotation.js');

/** Refusals and key-file problems are one-line operator errors, not crashes. */
async function operatorError(err: unknown): Promise<never> {
  const { KeyRotationRefused } = await keyRotation();
  if (err instanceof KeyRotationRefused || err instanceof KeySetError) throw new CliError(err.message);
  throw err;
}

export function registerKeysCommands(program: Command): void {
  const keys = program.command('keys').description('the root keys, their versions and what they protect');

  keys
    .command('status')
    .description('root key versions and how many wrapped keys each still seals; data keys and backup key per workspace, each opened; exit 1 if one is missing or does not open')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) =>
      withRuntime(async (runtime) => {
        const { keyStatus, unopenableKeys } = await keyRotation();
        const unopenable = unopenableKeys(runtime);
        const counted = keyStatus(runtime);
        const status = { ...counted, tenants: counted.tenants.map((t) => ({ ...t, problems: unopenable.get(t.id) ?? [] })) };
        if (options.json) print(status);
        else {
          for (const name of ROOT_KEY_NAMES) {
            const versions = status.rootKeys[name].map((v) => `v${v.version}${v.newest ? ' (newest)' : ''}${name === 'signing' ? '' : `: ${v.wrappedKeys} wrapped`}`);
            print(`${ROOT_KEY_VARIABLES[name]}: ${versions.join(', ')}`);
          }
          for (const t of status.tenants) {
            const data = t.dataKeys.map((k) => `${k.purpose} v${k.version} (root v${k.rootVersion})`).join(', ') || 'no data keys yet';
            print(`${t.id}  ${data}; backup key ${t.backupKey ? 'present' : 'MISSING'}${t.problems.length > 0 ? `; DOES NOT OPEN: ${t.problems.join('; ')}` : ''}`);
          }
        }
        if (status.tenants.some((t) => !t.backupKey)) throw new CliError('a workspace has no backup key');
        if (unopenable.size > 0) throw new CliError(`${unopenable.size} workspace(s) have keys that do not open with the configured root keys (a wrong or outdated key file?)`);
      }),
    );

  keys
    .command('rotate')
    .description('add a new version of a root key to its key file; new keys and tokens use it from now on')
    .addOption(keyOption())
    .action(async (options: { key: string }) =>
      withRuntime(async (runtime) => {
        const { rotateRootKey, ROTATION_SETTLE_MS, signingKeyOverlapSeconds } = await keyRotation();
        const name = KEY_CHOICES[options.key] as RootKeyName;
        const added = await (async () => {
          try {
            return rotateRootKey(runtime, name);
          } catch (err) {
            return operatorError(err);
          }
        })();
        print(`${ROOT_KEY_VARIABLES[name]}: added version ${added.version}; running servers use it within a second`);
        if (name === 'signing') print(`older versions still verify; retire them after ${signingKeyOverlapSeconds(runtime)} s`);
        else {
          print('next: `spinney keys rewrap` moves every wrapped key to it, then `spinney keys retire` drops the old version');
          print(`(retire waits until version ${added.version} is ${ROTATION_SETTLE_MS / 1000} s old; a rewrap before then may need a second run)`);
        }
      }),
    );

  keys
    .command('rewrap')
    .description('re-seal every workspace data key and backup key with the newest root key versions (resumable, safe while serving)')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) =>
      withRuntime(async (runtime) => {
        const { rewrapAll, rotationSettlesAt, ROTATION_SETTLE_MS } = await keyRotation();
        const bar = progress('rewrap');
        const result = rewrapAll(runtime, (done, total) => bar.update(done, total));
        bar.end();
        if (options.json) print(result);
        else print(`rewrapped ${result.dataKeys} data key(s) in ${result.tenants} workspace(s) and ${result.backupKeys} backup key(s)`);
        for (const name of ['app', 'sensitive'] as const) {
          const settlesAt = rotationSettlesAt(runtime, name);
          if (settlesAt) {
            process.stderr.write(
              `spinney: the newest ${name} version is less than ${ROTATION_SETTLE_MS / 1000} s old: a running server may still seal with the older one until ${settlesAt}; ` +
                'run `spinney keys rewrap` again after that if `spinney keys status` shows keys on it\n',
            );
          }
        }
        for (const f of result.failed) process.stderr.write(`spinney: ${f.tenantId}: ${f.reason}\n`);
        if (result.failed.length > 0) throw new CliError(`${result.failed.length} workspace(s) could not be rewrapped; run rewrap again after fixing them`);
      }),
    );

  keys
    .command('retire')
    .description('drop an old root key version from its key file; refused while anything may still need it (wrapped keys, tokens, backups)')
    .addOption(keyOption())
    .requiredOption('--version <n>', 'the version to drop')
    .requiredOption('--confirm <n>', 'the same version again, to confirm')
    .option('--force', 'app key only: retire even though backup runs on the target need the version (they become unreadable) or the target cannot be read')
    .action(async (options: { key: string; version: string; confirm: string; force?: boolean }) => {
      if (!/^[1-9]\d{0,8}$/.test(options.version)) throw new CliError('--version must be a positive whole number');
      if (options.confirm !== options.version) throw new CliError('--confirm must repeat the --version exactly');
      const name = KEY_CHOICES[options.key] as RootKeyName;
      if (options.force && name !== 'app') throw new CliError('--force only applies to the app key (its backups); nothing overrides the other checks');
      return withRuntime(async (runtime) => {
        const { retireRootKey } = await keyRotation();
        const set = runtime.config.keys[name];
        const file = set.source.kind === 'file' ? set.source.path : ROOT_KEY_VARIABLES[name];
        process.stderr.write(
          `spinney: retiring version ${options.version} of ${ROOT_KEY_VARIABLES[name]}: it is removed from ${file}, and nothing it sealed or signed opens afterwards` +
            (name === 'app' ? ', including backups made with it' : '') +
            '\n',
        );
        const outcome = await retireRootKey(runtime, name, Number(options.version), { force: options.force === true }).catch(operatorError);
        print(`${ROOT_KEY_VARIABLES[name]}: version ${options.version} retired${outcome.checkedTarget ? ` (backups checked on ${outcome.checkedTarget})` : ''}`);
        const lost = outcome.unreadable;
        if (lost && 'unknown' in lost) {
          process.stderr.write(`spinney: forced: ${lost.unknown}; runs on it made with version ${options.version} no longer open\n`);
        } else if (lost) {
          process.stderr.write(`spinney: forced: on ${lost.target} these no longer open:\n`);
          for (const run of lost.runs) process.stderr.write(`  run ${run.runId} (taken ${run.startedAt}): ${run.objects.join(' and ')}\n`);
          if (lost.keyringCopy) process.stderr.write('  the keyring copy (run `spinney backup run` now to write a new one)\n');
        }
      });
    });
}
