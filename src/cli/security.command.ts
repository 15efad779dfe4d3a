// `spinney security events`: the counted anonymous refusals (failed sign-ins, rate-limit
// rejections) per client address, kind and reason, busiest first.
import type { Command } from 'commander';
import { CliError, print, withRuntime } from './support.js';

const KINDS = ['sign_in_failed', 'rate_limited'] as const;
const HOURS_PER_UNIT = { h: 1, d: 24 } as const;
/** Nothing older can be there: the longest SPINNEY_SECURITY_EVENTS_RETENTION_DAYS. */
const MAX_HOURS = 3650 * 24;

/** `24h`, `7d` → hours; the counts are hourly windows, so nothing finer. */
function sinceHours(since: string): number {
  const match = /^(\d+)([hd])$/.exec(since);
  const hours = match ? Number(match[1]) * HOURS_PER_UNIT[match[2] as keyof typeof HOURS_PER_UNIT] : 0;
  if (hours < 1 || hours > MAX_HOURS) throw new CliError('--since must be hours or days, like 24h or 7d (at most 3650d)');
  return hours;
}

export function registerSecurityCommands(program: Command): void {
  const security = program.command('security').description('what anonymous clients were refused');
  security
    .command('events')
    .description('failed sign-ins and rate-limit rejections per client address (IPv4, or IPv6 /64), kind and reason, busiest first')
    .option('--since <duration>', 'how far back: hours or days, like 24h or 7d', '24h')
    .option('--kind <kind>', `only one kind: ${KINDS.join(' or ')}`)
    .option('--reason <reason>', 'only one reason, as printed (google:no_membership, sign-in, global…)')
    .option('--json', 'print as JSON')
    .action(async (options: { since: string; kind?: string; reason?: string; json?: boolean }) => {
      const hours = sinceHours(options.since);
      if (options.kind !== undefined && !(KINDS as readonly string[]).includes(options.kind)) throw new CliError(`--kind must be ${KINDS.join(' or ')}`);
      const filter = { kind: (options.kind as (typeof KINDS)[number] | undefined) ?? null, reason: options.reason ?? null };
      return withRuntime(async (runtime) => {
        const { securityEventsSince } = await import('../security/security-events.js');
        const counts = securityEventsSince(runtime, hours, filter);
        if (options.json) return print(counts);
        if (counts.length === 0) return print(`no refusals in the last ${options.since}`);
        for (const c of counts) print(`${c.clientKey}  ${c.kind}  ${c.reason}  ${c.count}×  first ${c.firstAt}  last ${c.lastAt}`);
      });
    });
}
