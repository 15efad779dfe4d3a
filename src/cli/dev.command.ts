// `spinney dev …`: development helpers, each refused in production.
import { Option, type Command } from 'commander';
import { CliError, print, withConfig, withRuntime } from './support.js';

export function registerDevCommands(program: Command): void {
  const dev = program.command('dev').description('development helpers (refused in production)');
  dev
    .command('token')
    .description('print one access token for a tenant (development and test only)')
    .requiredOption('--tenant <tenant>', 'the workspace (id or slug)')
    .addOption(new Option('--role <role>', 'role').choices(['admin', 'member', 'viewer']).makeOptionMandatory())
    .option('--user <userId>', 'user id to put in the token', 'us_developer')
    .action(async (options: { tenant: string; role: string; user: string }) => {
      const { config } = withConfig();
      if (config.env === 'production') throw new CliError('dev token is refused in production');
      if (!/^[A-Za-z0-9_-]{1,128}$/.test(options.user)) throw new CliError('--user may hold only letters, digits, _ and -');
      await withRuntime(async (runtime) => {
        const { assertRole, getTenant } = await import('../tenants/tenants.service.js');
        const tenantId = getTenant(runtime, options.tenant).id;
        const role = assertRole(options.role);
        // A real session (provider "dev-token"), so the token works like any other and can be revoked.
        const issued = runtime.tenancy.run(tenantId, { actor: null, requestId: null }, () =>
          runtime.sessions.start({ userId: options.user, role, provider: 'dev-token', clientKind: 'native', device: 'spinney dev token', ip: null }),
        );
        print(issued.accessToken);
      }, config);
    });
}
