// Lighthouse on the web app, as a newcomer meets it: the sign-in page, then the contacts screen
// signed in as the demo admin, each as a phone (Lighthouse's default: emulated mid-range phone,
// simulated slow 4G) and as a desktop. Prints each category's score against the targets
// (performance ≥ 90, accessibility ≥ 95) and the JavaScript the page loaded.
//
// Run with `npm run bench:web`: it installs bench/web/ (Lighthouse and a Node 24 runtime, which
// Lighthouse needs, kept out of the root install) and runs this file under that Node. The
// server runs under the system's Node as `spinney serve --demo`; Chromium is Debian's. Only
// 127.0.0.1 is contacted, and everything stops by itself. `--strict` exits 1 on a missed target.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const TARGETS: Record<string, number> = { performance: 90, accessibility: 95 };
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const strict = process.argv.includes('--strict');

interface LighthouseResult {
  lhr: {
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { score: number | null; numericValue?: number; title: string; details?: { items?: { resourceType?: string; resourceSize?: number }[] } }>;
  };
}
type Lighthouse = (url: string, flags: Record<string, unknown>, config?: unknown) => Promise<LighthouseResult | undefined>;

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function startDemo(dataDir: string): Promise<{ base: string; stop: () => Promise<void> }> {
  const env = { ...process.env, SPINNEY_ENV: 'development', SPINNEY_DATA_DIR: dataDir, SPINNEY_PORT: String(await freePort()), SPINNEY_LOG_LEVEL: 'warn' };
  // The system's Node (the one npm runs): the server's native addon is built for it, not for Node 24.
  const child = spawn('node', [new URL('../bin/spinney.js', import.meta.url).pathname, 'serve', '--demo'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const printed = /Sign in: open (http:\/\/127\.0\.0\.1:\d+)\/ /;
  const deadline = Date.now() + 30_000;
  while (!printed.test(stderr) && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const base = printed.exec(stderr)?.[1];
  if (!base) {
    child.kill('SIGKILL');
    throw new Error(`spinney serve --demo did not start:\n${stderr}`);
  }
  return {
    base,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    },
  };
}

function report(page: string, formFactor: string, result: LighthouseResult): boolean {
  const { categories, audits } = result.lhr;
  const scores = CATEGORIES.map((id) => {
    const score = Math.round((categories[id]?.score ?? 0) * 100);
    const target = TARGETS[id];
    return { id, score, miss: target !== undefined && score < target, target };
  });
  const scripts = (audits['network-requests']?.details?.items ?? []).filter((item) => item.resourceType === 'Script');
  const scriptBytes = scripts.reduce((sum, item) => sum + (item.resourceSize ?? 0), 0);
  const metric = (id: string) => Math.round(audits[id]?.numericValue ?? 0);
  console.log(
    `${page.padEnd(9)} ${formFactor.padEnd(8)} ` +
      scores.map((s) => `${s.id} ${s.score}${s.target === undefined ? '' : s.miss ? ` MISS(<${s.target})` : ' PASS'}`).join('  ') +
      `  | FCP ${metric('first-contentful-paint')} ms, LCP ${metric('largest-contentful-paint')} ms, TBT ${metric('total-blocking-time')} ms, CLS ${(audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)}, JS ${(scriptBytes / 1024).toFixed(1)} KB uncompressed`,
  );
  for (const s of scores.filter((x) => x.miss)) {
    const failing = Object.values(audits).filter((a) => a.score !== null && a.score < 0.9).map((a) => a.title);
    console.log(`  ${s.id} below target; audits under 0.9: ${failing.slice(0, 12).join('; ')}`);
  }
  return scores.every((s) => !s.miss);
}

async function main(): Promise<void> {
  const { default: lighthouse } = (await import(new URL('./web/node_modules/lighthouse/core/index.js', import.meta.url).href)) as { default: Lighthouse };
  // Lighthouse's own desktop preset: desktop screen, fast network, no CPU slowdown.
  const { default: desktopConfig } = (await import(new URL('./web/node_modules/lighthouse/core/config/desktop-config.js', import.meta.url).href)) as { default: unknown };
  const work = mkdtempSync(join(tmpdir(), 'spinney-bench-web-'));
  const demo = await startDemo(join(work, 'data'));
  const port = await freePort();
  // A persistent context is the browser's default one: the tabs Lighthouse opens share its cookies.
  const context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [`--remote-debugging-port=${port}`, '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  let allMet = true;
  try {
    const audit = async (page: string, url: string) => {
      for (const [formFactor, config] of [['phone', undefined], ['desktop', desktopConfig]] as const) {
        const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES, disableStorageReset: true }, config);
        if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
        allMet = report(page, formFactor, result) && allMet;
      }
    };
    console.log(`Lighthouse on ${demo.base} (Chromium ${context.browser()?.version() ?? ''}, Node ${process.versions.node})`);
    await audit('sign-in', `${demo.base}/`);

    const page = await context.newPage();
    await page.goto(`${demo.base}/`);
    await page.getByRole('link', { name: /Development sign-in/ }).click();
    await page.getByRole('button').first().click();
    await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    await page.close();
    await audit('contacts', `${demo.base}/contacts`);
  } finally {
    await context.close();
    await demo.stop();
    rmSync(work, { recursive: true, force: true });
  }
  console.log(allMet ? 'all targets met' : 'some targets missed');
  if (strict && !allMet) process.exitCode = 1;
}

await main();
