// Screenshots of a phone visitor's journey (360 px, touch; 320 px at 200 % text), for the
// README's before/after table: the same scenes taken from two builds, e.g. the last release
// before a change (built into another folder) and dist/. Each scene is one screen.
//
// Usage: node scripts/journey-shots.mjs --dist DIR --label before|after [--out docs/screenshots/journey]
// Writes OUT/SCENE-LABEL.png.

import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/e2e/server.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/helpers.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Starts the app as a visitor's first use of search would, and waits until it has the page. */
async function startApp(page) {
  await page.waitForFunction(() => typeof window.newsStart === 'function');
  await page.evaluate(() => window.newsStart());
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
}

async function typeSearch(page, text) {
  await startApp(page);
  await page.locator('#search').tap();
  await page.keyboard.type(text, { delay: 60 });
  await page.waitForTimeout(600);
  await page.locator('#search').blur();
  await page.evaluate(() => document.querySelector('.result-count')?.scrollIntoView({ block: 'start' }));
}

/** Each scene: a name, the page (or how to find it in the site), and what the visitor does
 * before the picture. */
const SCENES = [
  {
    name: 'filters',
    path: '',
    async act(page) {
      await startApp(page);
      await page.locator('.filters__toggle').tap();
      const box = page.locator('.facet input[type=checkbox]:not([disabled])').nth(1);
      await box.scrollIntoViewIfNeeded();
      await box.tap();
      await page.waitForTimeout(400);
    },
  },
  { name: 'word-forms', path: '', act: (page) => typeSearch(page, 'срещи') },
  // A city's name, as a visitor types it: most results show it only on their pages.
  { name: 'found-in', path: '', act: (page, site) => typeSearch(page, site.city) },
  {
    name: 'event-who',
    path: (site) => site.event,
    async act(page) {
      await page.evaluate(() => window.scrollTo(0, document.querySelector('.event__overview').getBoundingClientRect().bottom + window.scrollY - 80));
    },
  },
  {
    name: 'map',
    path: (site) => site.event,
    async act(page) {
      await page.evaluate(() => document.querySelector('.city-map__svg').scrollIntoView({ block: 'center' }));
    },
  },
  {
    name: 'text-200',
    path: '',
    width: 320,
    fontSize: 32,
    async act(page) {
      await page.evaluate(() => document.querySelector('.timeline-entry').scrollIntoView({ block: 'start' }));
    },
  },
];

function parseArgs(argv) {
  const options = { dist: null, label: null, out: join(ROOT, 'docs', 'screenshots', 'journey') };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (!value) throw new Error(`${flag} needs a value`);
    if (flag === '--dist') options.dist = resolve(value);
    else if (flag === '--label') options.label = value;
    else if (flag === '--out') options.out = resolve(value);
    else throw new Error(`unknown option ${flag}`);
  }
  if (!options.dist || !/^[a-z]+$/.test(options.label ?? '')) {
    throw new Error('usage: node scripts/journey-shots.mjs --dist DIR --label before|after [--out DIR]');
  }
  return options;
}

/**
 * What the scenes open, from the build's own news file: the event with the most cities (its
 * page has the longest lists and the fullest map), and its host city's name.
 */
async function siteOf(dist) {
  const news = JSON.parse(await readFile(join(dist, 'data', 'news.json'), 'utf8'));
  const cities = (e) => new Set([e.host?.city, e.location?.city, ...(e.participants?.cities ?? [])].filter(Boolean)).size;
  const event = [...news.events].sort((a, b) => cities(b) - cities(a))[0];
  const host = news.cities.find((c) => c.id === (event.host?.city ?? event.location?.city)) ?? news.cities[0];
  return { event: `events/${event.slug}`, city: (host.name.bg ?? host.name.en).toLowerCase() };
}

const options = parseArgs(process.argv.slice(2));
await mkdir(options.out, { recursive: true });
const site = await siteOf(options.dist);
const server = await startServer({ root: options.dist, base: '/', port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
try {
  for (const scene of SCENES) {
    const width = scene.width ?? 360;
    const context = await browser.newContext({
      viewport: { width, height: 740 },
      hasTouch: true,
      isMobile: true,
      locale: 'bg-BG',
    });
    const page = await context.newPage();
    if (scene.fontSize) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: scene.fontSize, fixed: Math.round(scene.fontSize * 0.8125) } });
    }
    const path = typeof scene.path === 'function' ? scene.path(site) : scene.path;
    await page.goto(new URL(path, server.url).href);
    await scene.act(page, site);
    await page.waitForTimeout(300);
    const file = join(options.out, `${scene.name}-${options.label}.png`);
    await page.screenshot({ path: file });
    console.log(`journey-shots: ${file}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
