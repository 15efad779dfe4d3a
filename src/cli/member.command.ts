// `spinney member invite`: an operator invites someone to a workspace, audited in both logs.
import type { Command } from 'commander';
import { CliError, print, withRuntime } from './support.js';

export function registerMemberCommands(program: Command): void {
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
      withRuntime(async (runtime) => {
        const [{ recordPlatformEvent }, { assertRole, getTenant }, { invite }] = await Promise.all([
          import('../audit/audit.service.js'),
          import('../tenants/tenants.service.js'),
          import('../members/members.service.js'),
        ]);
        getTenant(runtime, options.tenant);
        const days = Number(options.days);
        if (!Number.isInteger(days) || days < 1 || days > 30) throw new CliError('--days must be a whole number from 1 to 30');
        const role = assertRole(options.role);
        const invitation = runtime.tenancy.run(options.tenant, { actor: null, operator: true, requestId: null }, () => invite(runtime, { email: options.email, role, expiresInDays: days }));
        recordPlatformEvent(runtime, 'member.invited', options.tenant, { after: { invitationId: invitation.id, role } }, 'operator');
        print(options.json ? invitation : `invited ${invitation.email} as ${invitation.role} (${invitation.id}), until ${invitation.expiresAt}`);
      }),
    );
}
