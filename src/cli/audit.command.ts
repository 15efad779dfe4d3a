// `spinney audit verify`: recompute the audit hash chains and name the first broken row.
import type { Command } from 'commander';
import type { ChainReport } from '../audit/audit-chain.js';
import { listUnpurgedTenantIds } from '../tenants/tenants.repo.js';
import { CliError, print, withRuntime } from './support.js';

type ChainResult = ChainReport & { log: string; error?: string };

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('check the tamper-evident audit logs');
  audit
    .command('verify')
    .description('recompute the hash chains and report the first broken row of each log; exit 1 when any log is broken or missing')
    .option('--tenant <tenant>', 'one workspace (id or slug)')
    .option('--all', 'the platform log and every tenant, deleted ones still in their grace period included')
    .option('--json', 'print the results as JSON')
    .action(async (options: { tenant?: string; all?: boolean; json?: boolean }) =>
      withRuntime(async (runtime) => {
        if (Boolean(options.tenant) === Boolean(options.all)) throw new CliError('give either --tenant ID or --all');
        const [{ verifyPlatformAudit, verifyTenantAudit }, { getTenant }] = await Promise.all([import('../audit/audit.service.js'), import('../tenants/tenants.service.js')]);
        // Every workspace whose database should exist: active, suspended, and deleted but not yet purged.
        const targets = options.tenant
          ? [getTenant(runtime, options.tenant).id]
          : listUnpurgedTenantIds(runtime.control);
        // One log that cannot be checked (its file missing, unreadable) is reported and the rest still are.
        const verifyOne = (id: string): ChainResult => {
          if (!runtime.tenancy.databaseExists(id)) return { log: id, ok: false, rows: 0, error: 'tenant database missing' };
          try {
            return { log: id, ...verifyTenantAudit(runtime, id, 'operator') };
          } catch (err) {
            return { log: id, ok: false, rows: 0, error: (err as Error).message.split('\n')[0] as string };
          }
        };
        const results: ChainResult[] = [...(options.all ? [{ log: 'platform', ...verifyPlatformAudit(runtime) }] : []), ...targets.map(verifyOne)];
        if (options.json) print(results);
        else {
          for (const r of results) {
            print(r.ok ? `${r.log}: ok (${r.rows} events)` : r.error ? `${r.log}: NOT CHECKED: ${r.error}` : `${r.log}: BROKEN at event ${r.broken?.seq}: ${r.broken?.reason}`);
          }
        }
        const broken = results.filter((r) => !r.ok && !r.error).map((r) => r.log);
        const unchecked = results.filter((r) => r.error).map((r) => r.log);
        const problems = [...(broken.length > 0 ? [`audit chain broken in ${broken.join(', ')}`] : []), ...(unchecked.length > 0 ? [`audit log not checked in ${unchecked.join(', ')}`] : [])];
        if (problems.length > 0) throw new CliError(problems.join('; '));
      }),
    );
}
