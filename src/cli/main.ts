// `spinney`: every operator action, as a thin layer over the same services the API uses.
// Errors are one line on stderr starting `spinney: ` and exit code 1; list commands take --json.
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/config.js';
import { spinneyVersion } from '../config/version.js';
import { registerAuditCommands } from './audit.command.js';
import { registerBackupCommands } from './backup.command.js';
import { registerDevCommands } from './dev.command.js';
import { registerEstimateCommands } from './estimate.command.js';
import { registerJobsCommands } from './jobs.command.js';
import { registerKeysCommands } from './keys.command.js';
import { registerMemberCommands } from './member.command.js';
import { registerMigrateCommand } from './migrate.command.js';
import { registerSearchCommands } from './search.command.js';
import { registerSecurityCommands } from './security.command.js';
import { registerServeCommand } from './serve.command.js';
import { registerTenantCommands } from './tenant.command.js';

/** Every command, one `*.command.ts` each, in the order `spinney --help` lists them. */
const COMMANDS: ((program: Command) => void)[] = [
  registerServeCommand,
  registerMigrateCommand,
  registerTenantCommands,
  registerMemberCommands,
  registerKeysCommands,
  registerBackupCommands,
  registerJobsCommands,
  registerAuditCommands,
  registerEstimateCommands,
  registerSearchCommands,
  registerSecurityCommands,
  registerDevCommands,
];

export function buildCli(): Command {
  const program = new Command('spinney')
    .description('Spinney workspace server: serve, migrate and administer tenants')
    .version(spinneyVersion(), '-V, --version', 'print the version and exit')
    // `spinney --version` only before a command: `keys retire --version 1` keeps its own option.
    .enablePositionalOptions()
    // One error style for every failure: commander's own ("error: unknown option") reads like ours.
    .configureOutput({ outputError: (text, write) => write(text.replace(/^error: /, 'spinney: ')) })
    .exitOverride();
  for (const register of COMMANDS) register(program);
  return program;
}

/** A group given alone (`spinney`, `spinney tenant`): its help on stdout, exit 0, not commander's error. */
function isGroup(program: Command, argv: string[]): boolean {
  if (argv.length === 0) return true;
  if (argv.length !== 1) return false;
  const command = program.commands.find((c) => c.name() === argv[0]);
  return command !== undefined && command.commands.length > 0;
}

export async function main(argv: string[]): Promise<number> {
  // Everything Spinney writes (databases, WAL files, keys, logs it opens) is for its own user only.
  process.umask(0o077);
  try {
    const program = buildCli();
    await program.parseAsync(isGroup(program, argv) ? [...argv, '--help'] : argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode; // commander already printed the reason
    const message = err instanceof ConfigError ? err.message : err instanceof Error ? err.message : String(err);
    process.stderr.write(`spinney: ${message.split('\n')[0]}\n`);
    return 1;
  }
}
