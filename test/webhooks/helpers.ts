// Shared by the webhook tests: signing as a sender would, and a real HTTP receiver on loopback.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestApp, Teardown } from '../helpers/app.js';

export const inTenant = <T>(api: TestApp, tenantId: string, fn: () => T): T => api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, fn);

export const hmacHex = (secret: string, content: string): string => createHmac('sha256', secret).update(content).digest('hex');

/** The generic scheme's headers, computed independently of the server's code. */
export function genericHeaders(secret: string, id: string, timestamp: number, body: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    'spinney-webhook-id': id,
    'spinney-webhook-timestamp': String(timestamp),
    'spinney-webhook-signature': `v1=${hmacHex(secret, `${id}.${timestamp}.${body}`)}`,
  };
}

/** Stripe's header as Stripe computes it: t=<seconds>,v1=HMAC(secret, "<t>.<body>"). */
export function stripeHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${hmacHex(secret, `${timestamp}.${body}`)}`;
}

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real receiver on 127.0.0.1 answering each request with the next status (the last one repeats). */
export async function startReceiver(t: Teardown, statuses: number[], options: { headers?: Record<string, string> } = {}): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      const status = statuses[Math.min(received.length - 1, statuses.length - 1)] as number;
      res.writeHead(status, { 'content-type': 'text/plain', ...options.headers });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}
