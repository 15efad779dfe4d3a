// `spinney security events`: the counted anonymous refusals (failed sign-ins, rate-limit
// rejections) per client address, kind and reason, busiest first.
import type { Command } from 'commander';
import { CliError, print, withRuntime } from './support.js';

const KINDS = ['sign_in_failed', 'rate_limited'] as const;

export function registerSecurityCommands(program: Command): void {
  const security = program.command('security').description('what anonymous clients were refused');
  security
    .command('events')
    .description('failed sign-ins and rate-limit rejections per client address (IPv4, or IPv6 /64), kind and reason, busiest first')
    .option('--hours <n>', 'how far back, in hours', '24')
    .option('--kind <kind>', `only one kind: ${KINDS.join(' or ')}`)
    .option('--json', 'print as JSON')
    .action(async (options: { hours: string; kind?: string; json?: boolean }) =>
      withRuntime(async (runtime) => {
        const hours = Number(options.hours);
        if (!Number.isInteger(hours) || hours < 1 || hours > 24 * 3650) throw new CliError('--hours must be a whole number of hours, at least 1');
        if (options.kind !== undefined && !(KINDS as readonly string[]).includes(options.kind)) throw new CliError(`--kind must be ${KINDS.join(' or ')}`);
        const { securityEventsSince } = await import('../security/security-events.js');
        const counts = securityEventsSince(runtime, hours, (options.kind as (typeof KINDS)[number] | undefined) ?? null);
        if (options.json) return print(counts);
        if (counts.length === 0) return print(`no refusals in the last ${hours} hours`);
        for (const c of counts) print(`${c.clientKey}  ${c.kind}  ${c.reason}  ${c.count}×  first ${c.firstAt}  last ${c.lastAt}`);
      }),
    );
}
