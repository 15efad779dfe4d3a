// `spinney serve`: the HTTP server; --demo also seeds the demo workspace for a first look (development only).
import type { Command } from 'commander';
import { isPackaged } from '../config/assets.js';
import { CliError, withConfig } from './support.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP server (SPINNEY_HOST:SPINNEY_PORT)')
    .option('--demo', 'development only: create the demo workspace if missing and print how to call the API')
    .action(async (options: { demo?: boolean }) => {
      const { config } = withConfig();
      if (options.demo && config.env === 'production') throw new CliError('--demo is not available in production');
      // The HTTP stack loads only for this command, so every other command starts without it.
      const [{ buildApp }, { ensureDemoWorkspace }, { DEMO_PEOPLE, startDevSignIn }, { openRuntime }, { serve }] = await Promise.all([
        import('../app.js'),
        import('../dev/demo.js'),
        import('../dev/dev-sign-in.js'),
        import('../runtime.js'),
        import('../server.js'),
      ]);
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
            `  TOKEN=$(${isPackaged() ? process.execPath : 'node bin/spinney.js'} dev token --tenant ${demo.tenant.id} --role admin)`,
            `  curl -H "Authorization: Bearer $TOKEN" ${address}/api/v1/contacts`,
            '',
            `API description: ${address}/api/v1/openapi.json`,
            '',
          ].join('\n'),
        );
      }
    });
}
