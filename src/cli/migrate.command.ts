// `spinney migrate`: control.db and every tenant database brought to the newest schema.
import type { Command } from 'commander';
import { listLiveTenantIds } from '../tenants/tenants.repo.js';
import { CliError, print, withRuntime } from './support.js';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending migrations to control.db and every tenant database')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) =>
      withRuntime((runtime) => {
        const tenants = listLiveTenantIds(runtime.control);
        let migrated = 0;
        // A listed tenant without its file is an anomaly for a person to look at (a restore under
        // way, a file moved by hand): it is reported, never papered over with an empty database.
        const missing: string[] = [];
        for (const id of tenants) {
          if (!runtime.tenancy.databaseExists(id)) missing.push(id);
          else if (runtime.tenancy.migrate(id).length > 0) migrated += 1;
        }
        const result = { tenants: tenants.length, migrated, missing };
        print(options.json ? result : `migrated control.db and ${tenants.length - missing.length} tenant databases (${migrated} changed)`);
        if (missing.length > 0) throw new CliError(`${missing.length} tenant database(s) missing: ${missing.join(', ')}`);
      }),
    );
}
