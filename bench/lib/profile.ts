// Reads a V8 .cpuprofile (node --cpu-prof) and says where the time went: self time per function,
// per package, and inclusive time of the heaviest call paths, each also as µs per request.
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** Sampled CPU time that was not idle, in ms. */
  busyMs: number;
  requests: number;
  topSelf: { fn: string; ms: number; share: number; usPerRequest: number }[];
  byPackage: { pkg: string; ms: number; share: number; usPerRequest: number }[];
  topInclusive: { fn: string; ms: number; share: number; usPerRequest: number }[];
  text: string;
}

const ROOT = new URL('../../', import.meta.url).href;
const SPECIAL = new Set(['(root)', '(program)', '(idle)', '(garbage collector)']);

function location(frame: CallFrame): string {
  let url = frame.url.startsWith(ROOT) ? frame.url.slice(ROOT.length) : frame.url;
  url = url.replace(/^.*node_modules\//, '');
  return url ? `${url}:${frame.lineNumber + 1}` : '';
}

const label = (frame: CallFrame): string => {
  const where = location(frame);
  return `${frame.functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
};

function packageOf(frame: CallFrame): string {
  if (SPECIAL.has(frame.functionName) && frame.url === '') return frame.functionName;
  const url = frame.url;
  if (url === '') return '(native: V8 builtins, C++ bindings)';
  if (url.startsWith('node:')) return 'node core';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (nm) return nm[1] as string;
  if (url.startsWith(`${ROOT}dist/`) || url.startsWith(`${ROOT}src/`)) return 'spinney';
  if (url.startsWith(`${ROOT}bench/`)) return 'bench';
  return url;
}

export function summarizeProfile(file: string, requests: number, top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>(); // node id → µs

  // timeDeltas[i] is the time before sample i; the time until the next sample belongs to sample i.
  for (let i = 0; i < profile.samples.length; i += 1) {
    const id = profile.samples[i] as number;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  }
  const idleUs = [...self].reduce((sum, [id, us]) => (byId.get(id)?.callFrame.functionName === '(idle)' ? sum + us : sum), 0);
  const totalUs = [...self.values()].reduce((a, b) => a + b, 0);
  const busyUs = totalUs - idleUs;

  const selfByFn = new Map<string, number>();
  const selfByPkg = new Map<string, number>();
  for (const [id, us] of self) {
    const frame = (byId.get(id) as ProfileNode).callFrame;
    if (frame.functionName === '(idle)') continue;
    selfByFn.set(label(frame), (selfByFn.get(label(frame)) ?? 0) + us);
    selfByPkg.set(packageOf(frame), (selfByPkg.get(packageOf(frame)) ?? 0) + us);
  }

  // Inclusive time: a function's own time plus everything it called, counted once per call path
  // even when it recurses.
  const inclusive = new Map<string, number>();
  const root = profile.nodes[0] as ProfileNode;
  const totals = new Map<number, number>();
  const totalOf = (node: ProfileNode): number => {
    let sum = self.get(node.id) ?? 0;
    for (const child of node.children ?? []) sum += totalOf(byId.get(child) as ProfileNode);
    totals.set(node.id, sum);
    return sum;
  };
  totalOf(root);
  const active = new Map<string, number>();
  const frames = new Map<string, CallFrame>();
  const walk = (node: ProfileNode): void => {
    const key = label(node.callFrame);
    frames.set(key, node.callFrame);
    const special = SPECIAL.has(node.callFrame.functionName);
    if (!special && !active.get(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + (totals.get(node.id) ?? 0));
    active.set(key, (active.get(key) ?? 0) + 1);
    for (const child of node.children ?? []) walk(byId.get(child) as ProfileNode);
    active.set(key, (active.get(key) ?? 0) - 1);
  };
  walk(root);

  const rows = <K extends string>(map: Map<string, number>, name: K, limit: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([key, us]) => ({ [name]: key, ms: us / 1000, share: us / busyUs, usPerRequest: us / requests }) as { [P in K]: string } & {
        ms: number;
        share: number;
        usPerRequest: number;
      });

  const topSelf = rows(selfByFn, 'fn', top);
  const byPackage = rows(selfByPkg, 'pkg', 15);
  // Inclusive time only for code that is not the HTTP plumbing every server shares (node core,
  // fastify itself, native frames): Spinney's functions and the libraries it adds.
  const plumbing = new Set(['node core', 'fastify', 'find-my-way', 'light-my-request', '(native: V8 builtins, C++ bindings)']);
  const inclusiveApp = new Map([...inclusive].filter(([key]) => {
    const frame = frames.get(key);
    return frame !== undefined && !plumbing.has(packageOf(frame)) && frame.functionName !== '(anonymous)';
  }));
  const topInclusive = rows(inclusiveApp, 'fn', top);

  const fmt = (row: { ms: number; share: number; usPerRequest: number }, name: string): string =>
    `  ${(row.share * 100).toFixed(1).padStart(5)}%  ${row.usPerRequest.toFixed(1).padStart(6)} µs/req  ${name}`;
  const text = [
    `cpu profile: ${(busyUs / 1000).toFixed(0)} ms busy over ${requests} requests = ${(busyUs / requests).toFixed(1)} µs/request`,
    'self time by package:',
    ...byPackage.map((row) => fmt(row, row.pkg)),
    `top ${top} functions by self time:`,
    ...topSelf.map((row) => fmt(row, row.fn)),
    `top functions by inclusive time (outside node core and fastify's own plumbing):`,
    ...topInclusive.map((row) => fmt(row, row.fn)),
  ].join('\n');

  return { busyMs: busyUs / 1000, requests, topSelf, byPackage, topInclusive, text };
}
