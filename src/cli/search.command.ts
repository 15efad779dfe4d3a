// `spinney search rebuild`: derive a workspace's search index again from its records (after a
// repair, or to prove the triggers kept it right: the count printed is what it now holds).
import type { Command } from 'commander';
import { CliError, print, withRuntime } from './support.js';

const AS_OPERATOR = { actor: null, operator: true, requestId: null } as const;

export function registerSearchCommands(program: Command): void {
  const search = program.command('search').description("a workspace's search index");
  search
    .command('rebuild')
    .description('rebuild the search index of one workspace (--tenant) or of every workspace (--all) from its records')
    .option('--tenant <tenant>', 'the workspace (id or slug)')
    .option('--all', 'every workspace that is not deleted')
    .option('--json', 'print the results as JSON')
    .action(async (options: { tenant?: string; all?: boolean; json?: boolean }) =>
      withRuntime(async (runtime) => {
        if (Boolean(options.tenant) === Boolean(options.all)) throw new CliError('name one workspace with --tenant, or all with --all');
        const [{ getTenant, listTenants }, { rebuildSearchIndex }, { tenantDb }] = await Promise.all([
          import('../tenants/tenants.service.js'),
          import('../search/search.repo.js'),
          import('../tenancy/context.js'),
        ]);
        const tenants = options.tenant ? [getTenant(runtime, options.tenant)] : listTenants(runtime);
        const results = tenants.map((tenant) => {
          const started = performance.now();
          const records = runtime.tenancy.run(tenant.id, AS_OPERATOR, () => rebuildSearchIndex(tenantDb()));
          return { tenant: tenant.id, slug: tenant.slug, records, ms: Math.round(performance.now() - started) };
        });
        if (options.json) print(results);
        else for (const r of results) print(`${r.slug} (${r.tenant}): ${r.records} records indexed in ${r.ms} ms`);
      }),
    );
}
