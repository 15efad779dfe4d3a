// `spinney member …`: an operator lists a workspace's people and invitations, invites someone and
// revokes an invitation; each change audited in both logs.
import type { Command } from 'commander';
import { CliError, print, withRuntime } from './support.js';

/** The scope every member command runs in: the workspace's own audit log records the operator. */
const AS_OPERATOR = { actor: null, operator: true, requestId: null } as const;

export function registerMemberCommands(program: Command): void {
  const member = program.command('member').description("list a workspace's members and invitations, invite, revoke an invitation");
  member
    .command('invite')
    .description('invite an email with a role; their first sign-in with that verified email binds them')
    .requiredOption('--tenant <tenant>', 'the workspace (id or slug)')
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
        const tenantId = getTenant(runtime, options.tenant).id;
        const days = Number(options.days);
        if (!Number.isInteger(days) || days < 1 || days > 30) throw new CliError('--days must be a whole number from 1 to 30');
        const role = assertRole(options.role);
        const invitation = runtime.tenancy.run(tenantId, AS_OPERATOR, () => invite(runtime, { email: options.email, role, expiresInDays: days }));
        recordPlatformEvent(runtime, 'member.invited', tenantId, { after: { invitationId: invitation.id, role } }, 'operator');
        // No secret in the link: the invitee accepts by signing in with the invited address.
        const acceptUrl = `${runtime.config.publicUrl}/`;
        print(
          options.json
            ? { ...invitation, acceptUrl }
            : `invited ${invitation.email} as ${invitation.role} (${invitation.id}), until ${invitation.expiresAt}\nto accept, they sign in at ${acceptUrl} with that address; the invitation is mailed to them by the server's outbox`,
        );
      }),
    );
  member
    .command('list')
    .description("a workspace's members (email, role, status, last sign-in) and its pending invitations")
    .requiredOption('--tenant <tenant>', 'the workspace (id or slug)')
    .option('--json', 'print { members, invitations } as JSON')
    .action(async (options: { tenant: string; json?: boolean }) =>
      withRuntime(async (runtime) => {
        const [{ getTenant }, { listInvitations, listMembers }] = await Promise.all([import('../tenants/tenants.service.js'), import('../members/members.service.js')]);
        const tenantId = getTenant(runtime, options.tenant).id;
        const [members, invitations] = runtime.tenancy.run(tenantId, AS_OPERATOR, () => [listMembers(runtime), listInvitations(runtime)] as const);
        if (options.json) return print({ members, invitations });
        for (const m of members) print(`${m.id}  ${m.role.padEnd(6)}  ${m.status.padEnd(8)}  ${m.email}  last sign-in ${m.identity?.lastSignInAt ?? 'never'}`);
        for (const i of invitations) print(`${i.id}  ${i.role.padEnd(6)}  invited   ${i.email}  until ${i.expiresAt}`);
        if (members.length + invitations.length === 0) print('no members and no pending invitations');
      }),
    );
  member
    .command('revoke-invitation')
    .description('revoke a pending invitation: its email can no longer join through it')
    .requiredOption('--tenant <tenant>', 'the workspace (id or slug)')
    .requiredOption('--invitation <invitationId>', 'the invitation (from member list)')
    .action(async (options: { tenant: string; invitation: string }) =>
      withRuntime(async (runtime) => {
        const [{ recordPlatformEvent }, { getTenant }, { revokeInvitation }] = await Promise.all([
          import('../audit/audit.service.js'),
          import('../tenants/tenants.service.js'),
          import('../members/members.service.js'),
        ]);
        const tenantId = getTenant(runtime, options.tenant).id;
        runtime.tenancy.run(tenantId, AS_OPERATOR, () => revokeInvitation(runtime, options.invitation));
        recordPlatformEvent(runtime, 'invitation.revoked', tenantId, { before: { invitationId: options.invitation } }, 'operator');
        print(`revoked ${options.invitation}`);
      }),
    );
}
