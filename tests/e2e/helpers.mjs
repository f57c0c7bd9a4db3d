// Shared pieces of the browser tests: Debian's Chromium driven by playwright-core, the static
// server on dist/, per-page collection of console errors and failed requests, and an
// accessibility check with axe that fails on any violation.

import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { startServer } from './server.mjs';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST_DIR = join(REPO_ROOT, 'dist');
/** Screenshots of failed tests land here (ignored by git). */
export const OUT_DIR = join(REPO_ROOT, 'tests', 'e2e', 'out');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// The machines reach only package registries: without these flags Chromium keeps trying to
// phone home. No --user-data-dir: launch() already uses a fresh profile.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** How long to wait for the app to render something after navigation. */
export const APP_TIMEOUT_MS = 20_000;

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** Serves dist/ (or another built site) on a free port; resolves to { url, close }. */
export function startApp({ base = '/', root = DIST_DIR } = {}) {
  return startServer({ root, base, port: 0 });
}

/**
 * Records what went wrong on a page while a test drives it: console errors, uncaught
 * exceptions, requests that failed and responses with an error status.
 */
export function collectProblems(page) {
  const problems = { consoleErrors: [], pageErrors: [], failedRequests: [], notFoundPages: new Set() };
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const where = msg.location()?.url ? ` (${msg.location().url})` : '';
      problems.consoleErrors.push(`${msg.text()}${where}`);
    }
  });
  page.on('pageerror', (err) => problems.pageErrors.push(err.stack || String(err)));
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText ?? 'failed';
    // A navigation cancels what the page it leaves was still fetching (the favicon, say):
    // that is the browser at work, not a fault of the app.
    if (error === 'net::ERR_ABORTED' && req.resourceType() !== 'document') return;
    problems.failedRequests.push(`${req.method()} ${req.url()}: ${error}`);
  });
  page.on('response', (res) => {
    // A page the site does not have is answered with 404.html and status 404, as a static
    // host does (with 400 for a broken escape); tests that open one say so (assertNoProblems'
    // allowNotFound).
    if ([400, 404].includes(res.status()) && res.request().resourceType() === 'document') problems.notFoundPages.add(res.url());
    if (res.status() >= 400) problems.failedRequests.push(`${res.request().method()} ${res.url()}: HTTP ${res.status()}`);
  });
  return problems;
}

/**
 * Fails with every recorded problem listed, one per line. With allowNotFound, a 404 answer to
 * the page itself (an address the site does not have) is expected, not a problem.
 */
export function assertNoProblems(problems, label = 'page', { allowNotFound = false } = {}) {
  const expected = allowNotFound ? problems.notFoundPages : new Set();
  const isExpected = (line) =>
    [...expected].some(
      (url) =>
        line.endsWith(`${url}: HTTP 404`) ||
        line.endsWith(`${url}: HTTP 400`) ||
        (/status of 40[04]|40[04] \((Not Found|Bad Request)\)/.test(line) && line.endsWith(`(${url})`)),
    );
  const lines = [
    ...problems.consoleErrors.filter((m) => !isExpected(m)).map((m) => `console error: ${m}`),
    ...problems.pageErrors.map((m) => `uncaught exception: ${m}`),
    ...problems.failedRequests.filter((m) => !isExpected(m)).map((m) => `failed request: ${m}`),
  ];
  assert.equal(lines.length, 0, `${label} had ${lines.length} problem(s):\n  ${lines.join('\n  ')}`);
}

/** Turns axe violations into a list a person can act on. */
export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes.slice(0, 5).map((n) => {
        const summary = (n.failureSummary || '').split('\n').map((l) => l.trim()).filter(Boolean).join(' / ');
        return `      at ${n.target.join(' ')}\n        ${summary}`;
      });
      const more = v.nodes.length > 5 ? [`      … and ${v.nodes.length - 5} more`] : [];
      return [`  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help}`, `    ${v.helpUrl}`, ...nodes, ...more].join('\n');
    })
    .join('\n');
}

/**
 * Runs axe on the page as it is now and fails on ANY violation of WCAG 2.2 A/AA or axe's best
 * practices. The page must come from browser.newContext() (axe needs the context).
 */
export async function axeCheck(page, { label = page.url() } = {}) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const { violations } = results;
  assert.equal(
    violations.length,
    0,
    `accessibility: ${violations.length} violation(s) on ${label}\n${formatViolations(violations)}`,
  );
  return results;
}

/**
 * Opens a fresh context and page, runs fn({ page, problems }), and always closes the context.
 * On failure a full-page screenshot is saved to tests/e2e/out/<name>.png.
 */
export async function withPage(browser, name, fn, options = {}) {
  const context = await browser.newContext({ locale: 'bg-BG', ...options });
  const page = await context.newPage();
  const problems = collectProblems(page);
  try {
    return await fn({ page, problems });
  } catch (err) {
    try {
      await mkdir(OUT_DIR, { recursive: true });
      const path = join(OUT_DIR, `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`);
      await page.screenshot({ path, fullPage: true });
      err.message += `\n(screenshot: ${path})`;
    } catch {
      // A failed screenshot must not hide the real error.
    }
    throw err;
  } finally {
    await context.close();
  }
}

/** A phone as visitors hold it: 360 px wide, touch (for `withPage`'s options). */
/**
 * The page's browser says what Network Information says on a phone: `saveData` (the visitor
 * asked to save data) and the connection's `effectiveType`. Call before the page loads.
 */
export async function emulateConnection(page, { saveData = false, effectiveType = '4g' } = {}) {
  await page.addInitScript(
    ({ saveData, effectiveType }) => {
      Object.defineProperty(Navigator.prototype, 'connection', {
        configurable: true,
        get: () => ({ saveData, effectiveType, addEventListener() {} }),
      });
    },
    { saveData, effectiveType },
  );
}

export const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };

/**
 * Starts the app on the prerendered page (as a visitor's first use of a filter would) and
 * waits until it has taken the page over: the loader then marks <html data-app="ready">.
 * Every page the app renders (timeline, event, not found, statement, load error) has an h1.
 */
export async function waitForApp(page, { timeout = APP_TIMEOUT_MS } = {}) {
  await page.waitForFunction(() => typeof window.newsStart === 'function', null, { timeout });
  await page.evaluate(() => window.newsStart());
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached', timeout });
  await page.locator('main h1').first().waitFor({ state: 'visible', timeout });
}

/** Holds every request of `page` for the wasm until the returned function is called. */
export async function holdWasm(page) {
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/**
 * For a test suite (inside `describe`): serves dist/ and opens Chromium before its tests,
 * closes both after them. The returned object gets `app` ({ url, close }) and `browser`.
 */
export function useAppAndBrowser({ base = '/', root = DIST_DIR } = {}) {
  const env = {};
  before(async () => {
    env.app = await startApp({ base, root });
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.app?.close();
  });
  return env;
}
