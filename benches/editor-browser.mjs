// The editor (/editor/) in Chromium on archives of several sizes: from the address to the
// file open and checked; the work of a keystroke in an event's title (its handlers, then the
// style and layout it leaves); and from a change to the check drawn, the 150 ms pause the
// editor waits for included. The check runs once typing pauses, so a key costs the same in
// a long archive as in a short one. Archives are made by `newsctl synth` from the shipped
// file. Prints the median of the runs for each size.
//
// Usage: node benches/editor-browser.mjs [--dist dist] [--sizes 24,2000,10000] [--runs 3]
// (24 is the shipped file itself; build first: trunk build --release)

import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/e2e/server.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH, REPO_ROOT } from '../tests/e2e/helpers.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const dist = resolve(option('dist', 'dist'));
const sizes = option('sizes', '24,2000,10000').split(',').map(Number);
const runs = Number(option('runs', '3'));
const LETTERS = 20;

function newsctl(cmdArgs) {
  const built = join(REPO_ROOT, 'target', 'debug', 'newsctl');
  const [cmd, rest] = existsSync(built) ? [built, cmdArgs] : ['cargo', ['run', '--quiet', '--bin', 'newsctl', '--', ...cmdArgs]];
  return execFileSync(cmd, rest, { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One run: open, then type LETTERS letters into the fourth event's Bulgarian title. */
async function run(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    const t0 = Date.now();
    await page.goto(url);
    await page.locator('.ed-bar__status', { hasText: 'Отворен' }).waitFor({ timeout: 120_000 });
    const open = Date.now() - t0;
    await page.locator('.ed-event').nth(3).click();
    await page.waitForTimeout(300);
    const { keys, check } = await page.evaluate(async (letters) => {
      const input = document.querySelector('input[id$="-title-bg"]');
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const keys = [];
      for (let i = 0; i < letters; i += 1) {
        const t = performance.now();
        input.value += 'а';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        // The key's own work: its handlers, then the style and layout it leaves to do.
        void document.body.offsetHeight;
        keys.push(performance.now() - t);
        await frame();
      }
      // The check after the pause: until the counts are drawn again (an emptied Bulgarian
      // title is one more missing translation).
      const counts = document.querySelector('.ed-bar__counts');
      const before = performance.now();
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => {
        const seen = new MutationObserver(() => resolve());
        seen.observe(counts, { childList: true, subtree: true, characterData: true });
      });
      return { keys, check: performance.now() - before };
    }, LETTERS);
    return { open, key: median(keys), check };
  } finally {
    await page.close();
  }
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
console.log(`editor benchmark: ${dist}, ${runs} runs, medians`);
console.log('| events | file | open and checked | a keystroke\'s work (handlers, style, layout) | emptied title → checked (after the pause) |');
console.log('|---:|---:|---:|---:|---:|');
try {
  for (const size of sizes) {
    const root = await mkdtemp(join(tmpdir(), 'editor-bench-'));
    try {
      await cp(dist, root, { recursive: true });
      const shipped = join(REPO_ROOT, 'public/data/news.json');
      const text = size === 24
        ? await readFile(shipped, 'utf8')
        : newsctl(['synth', '--events', String(size), shipped]);
      await writeFile(join(root, 'data', 'news.json'), text);
      // The compressed siblings are the shipped file's.
      await rm(join(root, 'data', 'news.json.br'), { force: true });
      await rm(join(root, 'data', 'news.json.gz'), { force: true });
      const server = await startServer({ root, base: '/', port: 0 });
      try {
        const results = [];
        for (let i = 0; i < runs; i += 1) results.push(await run(browser, new URL('editor/', server.url).href));
        const m = (k) => median(results.map((r) => r[k]));
        console.log(`| ${size} | ${(text.length / 1e6).toFixed(1)} MB | ${m('open').toFixed(0)} ms | ${m('key').toFixed(1)} ms | ${m('check').toFixed(0)} ms |`);
      } finally {
        await server.close();
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }
} finally {
  await browser.close();
}
