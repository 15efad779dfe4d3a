// `spinney keys …`: the root keys and what they protect (src/vault/key-rotation.ts does the work).
import { Option, type Command } from 'commander';
import { KeyRotationRefused, keyStatus, retireRootKey, rewrapAll, rotateRootKey, signingKeyOverlapSeconds } from '../vault/key-rotation.js';
import { KeySetError, ROOT_KEY_NAMES, ROOT_KEY_VARIABLES, type RootKeyName } from '../vault/root-keys.js';
import { CliError, print, progress, withRuntime } from './support.js';

const KEY_CHOICES: Record<string, RootKeyName> = { signing: 'signing', app: 'app', sensitive: 'sensitive' };
const keyOption = () => new Option('--key <key>', 'which root key').choices(Object.keys(KEY_CHOICES)).makeOptionMandatory();

/** Refusals and key-file problems are one-line operator errors, not crashes. */
function operatorError(err: unknown): never {
  if (err instanceof KeyRotationRefused || err instanceof KeySetError) throw new CliError(err.message);
  throw err;
}

export function registerKeysCommands(program: Command): void {
  const keys = program.command('keys').description('the root keys, their versions and what they protect');

  keys
    .command('status')
    .description('root key versions and how many wrapped keys each still seals; data keys and backup key per workspace')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) =>
      withRuntime((runtime) => {
        const status = keyStatus(runtime);
        if (options.json) print(status);
        else {
          for (const name of ROOT_KEY_NAMES) {
            const versions = status.rootKeys[name].map((v) => `v${v.version}${v.newest ? ' (newest)' : ''}${name === 'signing' ? '' : `: ${v.wrappedKeys} wrapped`}`);
            print(`${ROOT_KEY_VARIABLES[name]}: ${versions.join(', ')}`);
          }
          for (const t of status.tenants) {
            const data = t.dataKeys.map((k) => `${k.purpose} v${k.version} (root v${k.rootVersion})`).join(', ') || 'no data keys yet';
            print(`${t.id}  ${data}; backup key ${t.backupKey ? 'present' : 'MISSING'}`);
          }
        }
        if (status.tenants.some((t) => !t.backupKey)) throw new CliError('a workspace has no backup key');
      }),
    );

  keys
    .command('rotate')
    .description('add a new version of a root key to its key file; new keys and tokens use it from now on')
    .addOption(keyOption())
    .action(async (options: { key: string }) =>
      withRuntime((runtime) => {
        const name = KEY_CHOICES[options.key] as RootKeyName;
        const added = (() => {
          try {
            return rotateRootKey(runtime, name);
          } catch (err) {
            return operatorError(err);
          }
        })();
        print(`${ROOT_KEY_VARIABLES[name]}: added version ${added.version}; running servers use it within a second`);
        if (name === 'signing') print(`older versions still verify; retire them after ${signingKeyOverlapSeconds(runtime)} s`);
        else print('next: `spinney keys rewrap` moves every wrapped key to it, then `spinney keys retire` drops the old version');
      }),
    );

  keys
    .command('rewrap')
    .description('re-seal every workspace data key and backup key with the newest root key versions (resumable, safe while serving)')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) =>
      withRuntime((runtime) => {
        const bar = progress('rewrap');
        const result = rewrapAll(runtime, (done, total) => bar.update(done, total));
        bar.end();
        if (options.json) print(result);
        else print(`rewrapped ${result.dataKeys} data key(s) in ${result.tenants} workspace(s) and ${result.backupKeys} backup key(s)`);
        for (const f of result.failed) process.stderr.write(`spinney: ${f.tenantId}: ${f.reason}\n`);
        if (result.failed.length > 0) throw new CliError(`${result.failed.length} workspace(s) could not be rewrapped; run rewrap again after fixing them`);
      }),
    );

  keys
    .command('retire')
    .description('drop an old root key version; refused while anything may still need it')
    .addOption(keyOption())
    .requiredOption('--version <n>', 'the version to drop')
    .action(async (options: { key: string; version: string }) =>
      withRuntime((runtime) => {
        if (!/^[1-9]\d{0,8}$/.test(options.version)) throw new CliError('--version must be a positive whole number');
        const name = KEY_CHOICES[options.key] as RootKeyName;
        try {
          retireRootKey(runtime, name, Number(options.version));
        } catch (err) {
          operatorError(err);
        }
        print(`${ROOT_KEY_VARIABLES[name]}: version ${options.version} retired`);
      }),
    );
}
