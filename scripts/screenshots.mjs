// Screenshots of the built app (dist/) at phone, tablet and desktop widths, for reviewing the
// visual design and for the documentation. Serves dist/ locally on 127.0.0.1, drives Debian's
// Chromium through playwright-core, and writes docs/screenshots/NAME-WIDTH.png.
//
// Usage: node scripts/screenshots.mjs [--dist dist] [--out docs/screenshots] [--only NAME]
// Build first: trunk build --release

import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/e2e/server.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/helpers.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const WIDTHS = [360, 768, 1280];
const HEIGHTS = { 360: 780, 768: 1024, 1280: 900 };

/**
 * What to capture: a name, a path, what shows the page is ready, and options; `act` (code run
 * in the page once it is ready) brings it into the state to show.
 */
const SHOTS = [
  { name: 'timeline', path: '', ready: '.timeline-entry' },
  { name: 'timeline-filtered', path: '?city=pisek', ready: '.chip' },
  { name: 'timeline-en', path: 'en', ready: '.timeline-entry' },
  { name: 'event', path: 'events/consortium-meeting-pisek-2022', ready: '.event__title', fullPage: true },
  { name: 'not-found', path: 'nope', ready: '.not-found__title' },
  // The prerendered page as a browser without JavaScript shows it: no filters, a notice.
  { name: 'timeline-nojs', path: '', ready: '.timeline-entry', javaScriptEnabled: false, widths: [360, 1280] },
  {
    name: 'event-dark',
    path: 'events/consortium-meeting-pisek-2022',
    ready: '.event__title',
    fullPage: true,
    colorScheme: 'dark',
    widths: [1280],
  },
  // The editor (docs/editing.md): an event with its preview, and a problem at its field.
  {
    name: 'editor',
    path: 'editor/',
    ready: '.ed-event',
    act: `document.querySelectorAll('.ed-event')[3].click();
      await new Promise((r) => setTimeout(r, 200));
      window.scrollTo(0, 0);`,
    widths: [768, 1280],
  },
  {
    name: 'editor-problem',
    path: 'editor/',
    ready: '.ed-event',
    act: `document.querySelectorAll('.ed-event')[3].click();
      await new Promise((r) => setTimeout(r, 200));
      const slug = document.querySelector('input[id$="-slug"]');
      slug.value = 'Среща в Смолян';
      slug.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 200));
      document.querySelector('.ed-problem').click();`,
    widths: [1280],
  },
];

function parseArgs(argv) {
  const options = { dist: join(ROOT, 'dist'), out: join(ROOT, 'docs', 'screenshots'), only: null };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--dist' && value) {
      options.dist = resolve(value);
      i += 1;
    } else if (flag === '--out' && value) {
      options.out = resolve(value);
      i += 1;
    } else if (flag === '--only' && value) {
      options.only = value;
      i += 1;
    } else {
      throw new Error(`unknown option ${flag}: usage: node scripts/screenshots.mjs [--dist DIR] [--out DIR] [--only NAME]`);
    }
  }
  return options;
}

async function capture(browser, baseUrl, shot, width, outDir) {
  const context = await browser.newContext({
    viewport: { width, height: HEIGHTS[width] ?? 900 },
    deviceScaleFactor: 1,
    colorScheme: shot.colorScheme ?? 'light',
    javaScriptEnabled: shot.javaScriptEnabled ?? true,
    // Still pictures: no spinner frames or transitions half way.
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(String(err)));
  try {
    await page.goto(new URL(shot.path, baseUrl).href, { waitUntil: 'load' });
    await page.waitForSelector(shot.ready, { state: 'visible', timeout: 20_000 });
    if (shot.act) {
      await page.evaluate(`(async () => { ${shot.act} })()`);
      await page.waitForTimeout(300);
    }
    // Fonts and layout settle after the first render.
    if (shot.javaScriptEnabled !== false) await page.evaluate(() => document.fonts.ready);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    if (overflow > 0) problems.push(`scrolls sideways by ${overflow}px`);
    const file = join(outDir, `${shot.name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: Boolean(shot.fullPage) });
    console.log(`${file}${problems.length ? `  (${problems.join('; ')})` : ''}`);
    return problems.length === 0;
  } finally {
    await context.close();
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  await mkdir(options.out, { recursive: true });
  const server = await startServer({ root: options.dist, base: '/', port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  let clean = true;
  try {
    for (const shot of SHOTS) {
      if (options.only && shot.name !== options.only) continue;
      for (const width of shot.widths ?? WIDTHS) {
        clean = (await capture(browser, server.url, shot, width, options.out)) && clean;
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (!clean) process.exitCode = 1;
}

main().catch((err) => {
  console.error(`error: ${err.message}`);
  process.exit(1);
});
