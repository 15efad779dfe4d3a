// Runs the HTTP server until SIGINT/SIGTERM, then stops taking connections, lets in-flight
// requests finish, and closes every database handle (a clean WAL checkpoint) before exiting.
// The webhook sender runs here and nowhere else (not in CLI commands, not in tests' apps).
import type { FastifyInstance } from 'fastify';
import type { Runtime } from './runtime.js';
import { startWebhookSender } from './webhooks/sender.js';

export async function serve(app: FastifyInstance, runtime: Runtime): Promise<string> {
  const address = await app.listen({ host: runtime.config.host, port: runtime.config.port });
  const webhookSender = startWebhookSender(runtime, app.log);
  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    // A delivery run in progress finishes first (what it cannot finish is taken over after its lease).
    webhookSender
      .stop()
      .then(() => app.close())
      .then(() => {
        runtime.close();
        process.exit(0);
      })
      .catch((err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  return address;
}
