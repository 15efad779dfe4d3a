// `spinney estimate verify`: recompute a sent estimate's revision hashes from what the workspace
// database holds and compare them with the send (row and hash-chained audit event) and the decision.
import type { Command } from 'commander';
import { CliError, print, withRuntime } from './support.js';

const AS_OPERATOR = { actor: null, operator: true, requestId: null } as const;

export function registerEstimateCommands(program: Command): void {
  const estimate = program.command('estimate').description("check a workspace's estimates");
  estimate
    .command('verify')
    .description('recompute the SHA-256 of each sent revision (or one) and compare it with the send and the decision; exit 1 when any differs')
    .requiredOption('--tenant <tenant>', 'the workspace (id or slug)')
    .requiredOption('--estimate <estimate>', 'the estimate: its id (es_…) or its number (EST-0001)')
    .option('--revision <n>', 'one revision (default: every sent revision)')
    .option('--json', 'print the results as JSON')
    .action(async (options: { tenant: string; estimate: string; revision?: string; json?: boolean }) =>
      withRuntime(async (runtime) => {
        if (options.revision !== undefined && !/^[1-9][0-9]{0,4}$/.test(options.revision)) throw new CliError('--revision must be a revision number (1, 2 …)');
        const [{ getTenant }, { sentRevisionsOf, verifyRevision }] = await Promise.all([import('../tenants/tenants.service.js'), import('../estimates/estimates.service.js')]);
        const tenantId = getTenant(runtime, options.tenant).id;
        const results = runtime.tenancy.run(tenantId, AS_OPERATOR, () => {
          const found = sentRevisionsOf(options.estimate);
          if (!found) throw new CliError(`no estimate ${options.estimate} in workspace ${options.tenant}`);
          const revisions = options.revision === undefined ? found.revisions : [Number(options.revision)];
          if (revisions.length === 0) throw new CliError(`estimate ${options.estimate} was never sent: a draft has no hash to verify`);
          return revisions.map((revision) => verifyRevision(found.id, revision));
        });
        if (options.json) print(results);
        else {
          for (const r of results) {
            print(r.intact ? `${r.number} v${r.revision}: intact (${r.state}, sha256 ${r.computedSha256})` : `${r.number} v${r.revision}: NOT INTACT: ${r.problems.join('; ')}`);
          }
        }
        const broken = results.filter((r) => !r.intact).map((r) => `v${r.revision}`);
        if (broken.length > 0) throw new CliError(`estimate ${options.estimate}: ${broken.join(', ')} not intact`);
      }),
    );
}
