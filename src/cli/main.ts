// `spinney`: every operator action, as a thin layer over the same services the API uses.
// Errors are one line on stderr and exit code 1; list commands take --json.
import { Command, CommanderError, Option } from 'commander';
import { buildApp } from '../app.js';
import type { ChainReport } from '../audit/audit-chain.js';
import { recordPlatformEvent, verifyPlatformAudit, verifyTenantAudit } from '../audit/audit.service.js';
import { ConfigError } from '../config/config.js';
import { assertRole, createTenant, getTenant, listTenants, setTenantStatus, type Tenant } from '../control/tenants.service.js';
import { ensureDemoWorkspace } from '../dev/demo.js';
import { DEMO_PEOPLE, startDevSignIn } from '../dev/dev-sign-in.js';
import { invite } from '../members/members.service.js';
import { openRuntime } from '../runtime.js';
import { serve } from '../server.js';
import { registerJobsCommands } from './jobs.command.js';
import { registerBackupCommands } from './backup.command.js';
import { registerKeysCommands } from './keys.command.js';
import { registerTenantDeletion } from './tenant-delete.command.js';
import { CliError, print, withConfig, withRuntime } from './support.js';
import { registerTenantExport } from './tenant-export.command.js';

type ChainResult = ChainReport & { log: string; error?: string };

function printTenants(tenants: Tenant[], json: boolean): void {
  if (json) return print(tenants);
  if (tenants.length === 0) return print('no tenants');
  for (const t of tenants) print(`${t.id}  ${t.status.padEnd(9)}  ${t.slug.padEnd(24)}  ${t.name}`);
}

export function buildCli(): Command {
  const program = new Command('spinney')
    .description('Spinney workspace server: serve, migrate and administer tenants')
    .exitOverride();

  program
    .command('serve')
    .description('run the HTTP server (SPINNEY_HOST:SPINNEY_PORT)')
    .option('--demo', 'development only: create the demo workspace if missing and print how to call the API')
    .action(async (options: { demo?: boolean }) => {
      const { config } = withConfig();
      if (options.demo && config.env === 'production') throw new CliError('--demo is not available in production');
      const runtime = openRuntime(config);
      // Development sign-in: a real OpenID provider on loopback, never in production (config refuses it).
      const devSignIn = config.devSignIn && config.env === 'development' ? await startDevSignIn(config) : null;
      const app = await buildApp({ runtime, ...(devSignIn ? { extraProviders: [devSignIn.provider], onClose: () => devSignIn.close() } : {}) });
      const demo = options.demo ? ensureDemoWorkspace(runtime) : null;
      const address = await serve(app, runtime);
      if (demo) {
        process.stderr.write(
          [
            '',
            `Spinney (development) is listening on ${address}`,
            `Demo workspace: ${demo.tenant.name} (${demo.tenant.id})${demo.created ? ' — just created' : ''}`,
            '',
            ...(devSignIn
              ? [
                  `Sign in: open ${config.publicUrl}/ and choose "Development sign-in", then a demo person:`,
                  ...DEMO_PEOPLE.map((p) => `  ${p.email} (${p.role})`),
                  `  (development provider: ${devSignIn.provider.issuer})`,
                  '',
                ]
              : []),
            'Or get an access token and call the API:',
            `  TOKEN=$(node bin/spinney.js dev token --tenant ${demo.tenant.id} --role admin)`,
            `  curl -H "Authorization: Bearer $TOKEN" ${address}/api/v1/contacts`,
            '',
            `API description: ${address}/api/v1/openapi.json`,
            '',
          ].join('\n'),
        );
      }
    });

  program
    .command('migrate')
    .description('apply pending migrations to control.db and every tenant database')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) =>
      withRuntime((runtime) => {
        const tenants = runtime.control.statement(`SELECT id FROM tenants WHERE status != 'deleted' ORDER BY id`).all() as { id: string }[];
        let migrated = 0;
        // A listed tenant without its file is an anomaly for a person to look at (a restore under
        // way, a file moved by hand): it is reported, never papered over with an empty database.
        const missing: string[] = [];
        for (const { id } of tenants) {
          if (!runtime.tenancy.databaseExists(id)) missing.push(id);
          else if (runtime.tenancy.migrate(id).length > 0) migrated += 1;
        }
        const result = { tenants: tenants.length, migrated, missing };
        print(options.json ? result : `migrated control.db and ${tenants.length - missing.length} tenant databases (${migrated} changed)`);
        if (missing.length > 0) throw new CliError(`${missing.length} tenant database(s) missing: ${missing.join(', ')}`);
      }),
    );

  const tenant = program.command('tenant').description('create, list, suspend, resume, export and delete tenants');
  tenant
    .command('create')
    .description('create a tenant (workspace) and its database')
    .requiredOption('--name <name>', 'display name')
    .option('--admin <email>', 'invite this email as the first admin')
    .option('--json', 'print the new tenant as JSON')
    .action(async (options: { name: string; admin?: string; json?: boolean }) =>
      withRuntime((runtime) => {
        const created = createTenant(runtime, { name: options.name, ...(options.admin ? { adminEmail: options.admin } : {}) });
        print(options.json ? created : `created ${created.id} (${created.slug})${created.invitation ? `, invited ${created.invitation.email} as admin` : ''}`);
      }),
    );
  tenant
    .command('list')
    .description('list tenants that are not deleted')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => withRuntime((runtime) => printTenants(listTenants(runtime), Boolean(options.json))));
  for (const [name, status, verb] of [
    ['suspend', 'suspended', 'suspended'],
    ['resume', 'active', 'resumed'],
  ] as const) {
    tenant
      .command(`${name} <tenantId>`)
      .description(name === 'suspend' ? 'block every request to a tenant (403 tenant_suspended)' : 'lift a suspension')
      .option('--json', 'print the tenant as JSON')
      .action(async (tenantId: string, options: { json?: boolean }) =>
        withRuntime((runtime) => {
          const updated = setTenantStatus(runtime, tenantId, status);
          print(options.json ? updated : `${verb} ${updated.id}`);
        }),
      );
  }

  registerTenantExport(tenant);
  registerTenantDeletion(tenant);

  const member = program.command('member').description('invite people to a workspace');
  member
    .command('invite')
    .description('invite an email with a role; their first sign-in with that verified email binds them')
    .requiredOption('--tenant <tenantId>', 'the workspace')
    .requiredOption('--email <email>', 'who to invite')
    .option('--role <role>', 'admin, member or viewer', 'member')
    .option('--days <days>', 'days until the invitation expires (1-30)', '7')
    .option('--json', 'print the invitation as JSON')
    .action(async (options: { tenant: string; email: string; role: string; days: string; json?: boolean }) =>
      withRuntime((runtime) => {
        getTenant(runtime, options.tenant);
        const days = Number(options.days);
        if (!Number.isInteger(days) || days < 1 || days > 30) throw new CliError('--days must be a whole number from 1 to 30');
        const role = assertRole(options.role);
        const invitation = runtime.tenancy.run(options.tenant, { actor: null, operator: true, requestId: null }, () => invite(runtime, { email: options.email, role, expiresInDays: days }));
        recordPlatformEvent(runtime, 'member.invited', options.tenant, { after: { invitationId: invitation.id, role } }, 'operator');
        print(options.json ? invitation : `invited ${invitation.email} as ${invitation.role} (${invitation.id}), until ${invitation.expiresAt}`);
      }),
    );

  registerKeysCommands(program);
  registerBackupCommands(program);
  registerJobsCommands(program);

  const audit = program.command('audit').description('check the tamper-evident audit logs');
  audit
    .command('verify')
    .description('recompute the hash chains and report the first broken row of each log; exit 1 when any log is broken or missing')
    .option('--tenant <tenantId>', 'one tenant')
    .option('--all', 'the platform log and every tenant, deleted ones still in their grace period included')
    .option('--json', 'print the results as JSON')
    .action(async (options: { tenant?: string; all?: boolean; json?: boolean }) =>
      withRuntime((runtime) => {
        if (Boolean(options.tenant) === Boolean(options.all)) throw new CliError('give either --tenant ID or --all');
        // Every workspace whose database should exist: active, suspended, and deleted but not yet purged.
        const targets = options.tenant
          ? [getTenant(runtime, options.tenant).id]
          : (runtime.control.statement('SELECT id FROM tenants WHERE purged_at IS NULL ORDER BY created_at, rowid').pluck().all() as string[]);
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

  const dev = program.command('dev').description('development helpers (refused in production)');
  dev
    .command('token')
    .description('print one access token for a tenant (development and test only)')
    .requiredOption('--tenant <tenantId>', 'tenant id')
    .addOption(new Option('--role <role>', 'role').choices(['admin', 'member', 'viewer']).makeOptionMandatory())
    .option('--user <userId>', 'user id to put in the token', 'us_developer')
    .action(async (options: { tenant: string; role: string; user: string }) => {
      const { config } = withConfig();
      if (config.env === 'production') throw new CliError('dev token is refused in production');
      if (!/^[A-Za-z0-9_-]{1,128}$/.test(options.user)) throw new CliError('--user may hold only letters, digits, _ and -');
      await withRuntime((runtime) => {
        getTenant(runtime, options.tenant);
        const role = assertRole(options.role);
        // A real session (provider "dev-token"), so the token works like any other and can be revoked.
        const issued = runtime.tenancy.run(options.tenant, { actor: null, requestId: null }, () =>
          runtime.sessions.start({ userId: options.user, role, provider: 'dev-token', clientKind: 'native', device: 'spinney dev token', ip: null }),
        );
        print(issued.accessToken);
      }, config);
    });

  return program;
}

/** `spinney`, `spinney tenant`, `spinney dev` alone: the group's help on stdout, exit 0. */
const GROUPS = new Set(['', 'tenant', 'dev', 'audit', 'keys', 'jobs', 'backup']);

export async function main(argv: string[]): Promise<number> {
  // Everything Spinney writes (databases, WAL files, keys, logs it opens) is for its own user only.
  process.umask(0o077);
  try {
    await buildCli().parseAsync(GROUPS.has(argv.join(' ')) ? [...argv, '--help'] : argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode; // commander already printed the reason
    const message = err instanceof ConfigError ? err.message : err instanceof Error ? err.message : String(err);
    process.stderr.write(`spinney: ${message.split('\n')[0]}\n`);
    return 1;
  }
}
