// The one place that wires event listeners and starts background work. Listeners are wired by
// openRuntime() (src/runtime.ts), so the server, every CLI command and tests' apps queue the same
// outbox items for the same change, once; workers and schedules start only in the server
// (src/server.ts), never in CLI commands or tests' apps.
import { onTenantEvent } from './audit/audit.service.js';
import type { JobLogger } from './jobs/job.js';
import { startJobScheduler } from './jobs/scheduler.js';
import { mailHandler } from './mail/mail.handler.js';
import { startOutboxWorker, type OutboxHandler } from './outbox/worker.js';
import type { Runtime } from './runtime.js';
import { webhookDeliveryHandler } from './webhooks/delivery.handler.js';
import { queueWebhookDeliveries } from './webhooks/events.js';

/** The outbox's handlers, one per kind (mail, calendar pushes and provider calls join here). */
export const OUTBOX_HANDLERS: readonly OutboxHandler[] = [webhookDeliveryHandler(), mailHandler()];

/** Adds the process's tenant event listeners; calling it again changes nothing (the same functions). */
export function wireEventListeners(): void {
  onTenantEvent(queueWebhookDeliveries);
}

export interface BackgroundWork {
  /** Stops starting new work and waits for what is running to finish. */
  stop(): Promise<void>;
}

/** The outbox worker and the job scheduler, for the server process. */
export function startBackgroundWork(runtime: Runtime, log: JobLogger): BackgroundWork[] {
  return [startOutboxWorker(runtime, OUTBOX_HANDLERS, log), startJobScheduler(runtime, log)];
}
