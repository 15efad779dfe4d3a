// autocannon, driven programmatically from the parent process, plus the few numbers we report.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import type { ServerChild } from './child.js';

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds. */
  duration: number;
  headers?: Record<string, string>;
  requests?: autocannon.Request[];
  method?: 'GET' | 'POST';
  body?: string;
}

export interface LoadSummary {
  /** Mean of autocannon's per-second request counts (its "Req/Sec Avg"). */
  reqPerSec: number;
  /** Latency percentiles in milliseconds. */
  p50: number;
  p99: number;
  /** Responses received, and how many of them were not 2xx. */
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** CPU the server and the load generator used, as a share of one core over the run. */
  serverCpu: number;
  loadGenCpu: number;
  /** CPU used by every other process on the machine meanwhile (noise: should be near 0). */
  otherCpu: number;
}

/** Busy CPU seconds of the whole machine, from the first line of /proc/stat. */
function machineBusySeconds(): number {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] as string).trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal …: everything but idle and iowait is busy.
  const busy = fields.slice(0, 8).reduce((sum, value, index) => (index === 3 || index === 4 ? sum : sum + value), 0);
  return busy / 100;
}

export async function runLoad(options: LoadOptions, server: ServerChild): Promise<LoadSummary> {
  const serverCpuBefore = server.cpuSeconds();
  const machineBefore = machineBusySeconds();
  const ownCpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  // autocannon's own histogram keeps whole milliseconds; the response event carries the float.
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.duration,
        ...(options.headers ? { headers: options.headers } : {}),
        ...(options.requests ? { requests: options.requests } : {}),
        ...(options.method ? { method: options.method } : {}),
        ...(options.body !== undefined ? { body: options.body } : {}),
      },
      (err: unknown, res: autocannon.Result) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const ownCpu = process.cpuUsage(ownCpuBefore);
  const serverCpu = (server.cpuSeconds() - serverCpuBefore) / elapsed;
  const loadGenCpu = (ownCpu.user + ownCpu.system) / 1e6 / elapsed;
  const machineCpu = (machineBusySeconds() - machineBefore) / elapsed;
  return {
    reqPerSec: result.requests.average,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    serverCpu,
    loadGenCpu,
    otherCpu: Math.max(0, machineCpu - serverCpu - loadGenCpu),
  };
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const value = sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
  return Math.round(value * 100) / 100;
}

/** A run is only worth reporting if every request got a 2xx answer. */
export function assertClean(name: string, summary: LoadSummary): void {
  if (summary.non2xx > 0 || summary.errors > 0 || summary.timeouts > 0) {
    throw new Error(
      `${name}: ${summary.non2xx} non-2xx responses, ${summary.errors} errors, ${summary.timeouts} timeouts — the numbers are not valid`,
    );
  }
}

export const pct = (share: number): string => `${Math.round(share * 100)}%`;

export function describe(name: string, s: LoadSummary): string {
  const noisy = s.otherCpu > 0.15 ? `\nWARNING: other processes used ${pct(s.otherCpu)} of a core during "${name}"; rerun on an idle machine` : '';
  return (
    `${name}: ${Math.round(s.reqPerSec)} req/s, p50 ${s.p50} ms, p99 ${s.p99} ms ` +
    `(${s.total} requests; CPU: server ${pct(s.serverCpu)}, load generator ${pct(s.loadGenCpu)}, other processes ${pct(s.otherCpu)} of one core)` +
    noisy
  );
}

/** The fields of a run that the benchmarks print in their closing JSON line. */
export function summaryJson(s: LoadSummary) {
  return {
    reqPerSec: Math.round(s.reqPerSec),
    p50Ms: s.p50,
    p99Ms: s.p99,
    requests: s.total,
    serverCpu: Number(s.serverCpu.toFixed(2)),
    loadGenCpu: Number(s.loadGenCpu.toFixed(2)),
    otherCpu: Number(s.otherCpu.toFixed(2)),
  };
}
