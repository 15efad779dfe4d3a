// `spinney tenant …`: create, list, suspend and resume workspaces; export and delete live in their own files.
import type { Command } from 'commander';
import type { Tenant } from '../tenants/tenants.service.js';
import { print, withRuntime } from './support.js';
import { registerTenantDeletion } from './tenant-delete.command.js';
import { registerTenantExport } from './tenant-export.command.js';

function printTenants(tenants: Tenant[], json: boolean): void {
  if (json) return print(tenants);
  if (tenants.length === 0) return print('no tenants');
  for (const t of tenants) print(`${t.id}  ${t.status.padEnd(9)}  ${t.slug.padEnd(24)}  ${t.name}${t.purgeAfter ? `  (purged after ${t.purgeAfter})` : ''}`);
}

export function registerTenantCommands(program: Command): void {
  const tenant = program.command('tenant').description('create, list, suspend, resume, export and delete tenants');
  tenant
    .command('create')
    .description('create a tenant (workspace) and its database')
    .requiredOption('--name <name>', 'display name')
    .option('--admin <email>', 'invite this email as the first admin')
    .option('--json', 'print the new tenant as JSON')
    .action(async (options: { name: string; admin?: string; json?: boolean }) =>
      withRuntime(async (runtime) => {
        const [{ createTenant, slugify }, { mailInvitation }] = await Promise.all([import('../tenants/tenants.service.js'), import('../members/members.service.js')]);
        const created = createTenant(runtime, { name: options.name, ...(options.admin ? { adminEmail: options.admin } : {}) });
        // The first admin is told by mail where to sign in (the server's outbox sends it).
        const invited = created.invitation;
        if (invited) runtime.tenancy.run(created.id, { actor: null, operator: true, requestId: null }, () => mailInvitation(runtime, invited));
        // A name another workspace already has gets a numbered slug; say so rather than let it pass unnoticed.
        const renamed = created.slug !== slugify(options.name) ? `; the slug ${slugify(options.name)} is taken by another workspace` : '';
        print(options.json ? created : `created ${created.id} (${created.slug}${renamed})${created.invitation ? `, invited ${created.invitation.email} as admin` : ''}`);
      }),
    );
  tenant
    .command('list')
    .description('list tenants that are not deleted (--all: also deleted ones still in their grace period)')
    .option('--all', 'include deleted tenants that are not purged yet, with the time the purge may run')
    .option('--json', 'print as JSON')
    .action(async (options: { all?: boolean; json?: boolean }) =>
      withRuntime(async (runtime) => {
        const { listTenants } = await import('../tenants/tenants.service.js');
        printTenants(listTenants(runtime, { deleted: Boolean(options.all) }), Boolean(options.json));
      }),
    );
  for (const [name, status, verb] of [
    ['suspend', 'suspended', 'suspended'],
    ['resume', 'active', 'resumed'],
  ] as const) {
    tenant
      .command(`${name} <tenantId>`)
      .description(name === 'suspend' ? 'block every request to a tenant (403 tenant_suspended)' : 'lift a suspension')
      .option('--json', 'print the tenant as JSON')
      .action(async (tenantId: string, options: { json?: boolean }) =>
        withRuntime(async (runtime) => {
          const { setTenantStatus } = await import('../tenants/tenants.service.js');
          const updated = setTenantStatus(runtime, tenantId, status);
          print(options.json ? updated : `${verb} ${updated.id}`);
        }),
      );
  }

  registerTenantExport(tenant);
  registerTenantDeletion(tenant);
}
