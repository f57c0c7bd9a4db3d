// A site in English alone (`"languages": ["en"]`), published from the second project's file
// with the same app shell: English at the root, in the pages and in the app, no language
// switch, nothing under /en, and the feeds in English only.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { APP_TIMEOUT_MS, REPO_ROOT, assertNoProblems, axeCheck, holdWasm, useAppAndBrowser, withPage } from './helpers.mjs';

const OTHER = JSON.parse(readFileSync(join(REPO_ROOT, 'tests/fixtures/second-project/news.json'), 'utf8'));
OTHER.site.languages = ['en'];

/** The site, published with newsctl as the test run built it (scripts/test.sh builds it first). */
function publish() {
  const dir = mkdtempSync(join(tmpdir(), 'english-alone-'));
  const news = join(dir, 'news.json');
  writeFileSync(news, `${JSON.stringify(OTHER, null, 2)}\n`);
  const built = join(REPO_ROOT, 'target', 'debug', 'newsctl');
  const args = ['publish', '--shell', join(REPO_ROOT, 'target', 'shell'), '--out', join(dir, 'site'), news];
  const [cmd, rest] = existsSync(built) ? [built, args] : ['cargo', ['run', '--quiet', '--bin', 'newsctl', '--', ...args]];
  execFileSync(cmd, rest, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  return dir;
}

describe('a site in English alone', { timeout: 180_000 }, () => {
  const dir = publish();
  after(() => rmSync(dir, { recursive: true, force: true }));
  const env = useAppAndBrowser({ root: join(dir, 'site') });
  const at = (path) => new URL(path, env.app.url).href;
  const cyrillic = /[\u0400-\u04ff]/;

  test('the timeline is English at the root, before the app and in it, and search leads to English pages there', async () => {
    await withPage(env.browser, 'english-alone', async ({ page, problems }) => {
      const release = await holdWasm(page);
      await page.goto(at(''));
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.equal((await page.locator('main h1').textContent()).trim(), 'Project timeline');
      assert.equal(await page.locator('.lang-switch').count(), 0, 'no switch to a language the site lacks');
      assert.doesNotMatch(await page.locator('.timeline-entry').first().textContent(), cyrillic);
      await axeCheck(page, { label: 'a site in English alone' });

      // Typed before the app: the first answer draws English entries.
      const city = OTHER.cities.find((c) => OTHER.events.some((e) => e.participants?.cities?.includes(c.id)));
      const count = () => page.locator('#result-count').textContent().then((t) => t.trim());
      const before = await count();
      await page.locator('#search').click();
      await page.keyboard.type(city.name.en, { delay: 30 });
      await page.waitForFunction((initial) => document.getElementById('result-count').textContent.trim() !== initial, before, {
        timeout: APP_TIMEOUT_MS,
      });
      assert.notEqual(await page.evaluate(() => document.documentElement.dataset.app), 'ready', 'the app was held back');
      const first = await count();
      assert.match(first, /^\d+ events? of \d+$/);
      const english = new Set(OTHER.events.map((e) => e.title.en ?? e.title.bg));
      for (const title of await page.locator('.timeline-entry__title').allTextContents()) {
        assert.ok(english.has(title.trim()), `an English entry: ${title}`);
      }

      release();
      await page.locator('html[data-app="ready"]').waitFor({ state: 'attached', timeout: APP_TIMEOUT_MS });
      await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('q') === city.name.en, {
        timeout: APP_TIMEOUT_MS,
      });
      assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'the app keeps the root English');
      assert.equal(await count(), first, 'the app finds what the first answer found');
      const link = page.locator('.timeline-entry__title a').first();
      const href = await link.getAttribute('href');
      assert.match(href, /^\/events\/[a-z0-9-]+$/, 'an event is at the root, not under /en');
      await link.click();
      await page.waitForURL((url) => url.pathname === href);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      const slug = href.split('/').pop();
      const event = OTHER.events.find((e) => e.slug === slug);
      assert.equal((await page.locator('main h1').textContent()).trim(), event.title.en);
      assertNoProblems(problems, 'a site in English alone');
    });
  });

  test('an address under /en is not found, in English, and only the English feed and calendar are published', async () => {
    await withPage(env.browser, 'english-alone-en', async ({ page, problems }) => {
      const response = await page.goto(at('en'));
      assert.equal(response.status(), 404);
      await page.locator('main h1', { hasText: 'Page not found' }).waitFor({ timeout: APP_TIMEOUT_MS });
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      const statement = await page.goto(at('accessibility'));
      assert.equal(statement.status(), 200);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      for (const [file, status] of [['feed.en.xml', 200], ['events.en.ics', 200], ['feed.bg.xml', 404], ['events.ics', 404]]) {
        assert.equal((await page.request.get(at(file))).status(), status, file);
      }
      assertNoProblems(problems, 'under /en', { allowNotFound: true });
    });
  });
});
