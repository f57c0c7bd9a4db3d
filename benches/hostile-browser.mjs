// The browser's side of benches/hostile.rs: the app started in Chromium on each news file of a
// folder (clean, warnings, crafted, crafted-clean), from the address to the app's first drawn
// page (fetch, parse_news as wasm, the search index, the timeline). Prints the median of the
// runs per file and its ratio to the clean file of the same size.
//
// Usage:
//   HOSTILE_DIR=target/hostile cargo bench --locked --bench hostile   # writes the files
//   node benches/hostile-browser.mjs target/hostile [--dist dist] [--runs 3]

import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/e2e/server.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/helpers.mjs';

const args = process.argv.slice(2);
const folder = args.find((a) => !a.startsWith('--'));
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
if (!folder) {
  console.error('usage: node benches/hostile-browser.mjs DIR [--dist dist] [--runs 3]');
  process.exit(2);
}
const dist = resolve(option('dist', 'dist'));
const runs = Number(option('runs', '3'));
// Clean files first: the others are compared with them.
const order = ['clean', 'warnings', 'crafted-clean', 'crafted'];
const twins = { warnings: 'clean', crafted: 'crafted-clean' };
const files = (await readdir(folder))
  .filter((f) => f.endsWith('.json'))
  .sort((a, b) => order.indexOf(a.slice(0, -5)) - order.indexOf(b.slice(0, -5)));

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
const medians = {};
console.log('| file | app ready (median) | runs | × clean |');
console.log('|---|---:|---|---:|');
for (const file of files) {
  const name = file.slice(0, -5);
  const site = await mkdtemp(join(tmpdir(), 'news-hostile-site-'));
  await cp(dist, site, { recursive: true });
  await cp(join(folder, file), join(site, 'data', 'news.json'));
  // The built folder's compressed copies are of the shipped file: the server must not serve them.
  await rm(join(site, 'data', 'news.json.br'), { force: true });
  await rm(join(site, 'data', 'news.json.gz'), { force: true });
  const app = await startServer({ root: site, base: '/', port: 0 });
  const times = [];
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // A query on the timeline starts the app at once; the figure is the page's own clock
    // (from navigation) at the first frame that sees the loader's mark "ready".
    await page.goto(new URL('?q=zzzz', app.url).href);
    await page.waitForFunction(() => document.documentElement.dataset.app === 'ready', null, {
      timeout: 120_000,
      polling: 'raf',
    });
    times.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  await app.close();
  await rm(site, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  medians[name] = median;
  const twin = twins[name] ?? (name === 'crafted-clean' ? 'clean' : null);
  const ratio = twin && medians[twin] ? `${(median / medians[twin]).toFixed(2)}× ${twin}` : '';
  console.log(`| ${name} | ${median.toFixed(0)} ms | ${times.map((t) => t.toFixed(0)).join(', ')} | ${ratio} |`);
}
await browser.close();
