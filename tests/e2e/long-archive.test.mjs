// A long archive: the timeline draws 40 entries, "show more" adds 40 at a time with the focus
// on the first added entry, and printing draws every entry. The app gets a news file of 100
// events (the shipped 24, copied under new addresses) in place of the shipped one.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { APP_TIMEOUT_MS, DIST_DIR, PHONE, assertNoProblems, useAppAndBrowser, waitForApp, withPage } from './helpers.mjs';

const ENTRY = 'article.timeline-entry';
const MORE = 'button.show-more';
const TOTAL = 100;

describe('a long archive', { timeout: 120_000 }, () => {
  const env = useAppAndBrowser();
  let longFile;

  before(async () => {
    const news = JSON.parse(await readFile(join(DIST_DIR, 'data', 'news.json'), 'utf8'));
    const events = [];
    for (let i = 0; events.length < TOTAL; i += 1) {
      const source = news.events[i % news.events.length];
      const copy = Math.floor(i / news.events.length);
      events.push({ ...source, slug: copy === 0 ? source.slug : `${source.slug}-copy-${copy}` });
    }
    longFile = JSON.stringify({ ...news, events });
  });

  async function openLong(page) {
    await page.route('**/data/news.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: longFile }),
    );
    await page.goto(env.app.url);
    await waitForApp(page);
  }

  test('"show more" adds 40 entries at a time and moves focus to the first one added', async () => {
    await withPage(env.browser, 'long-show-more', async ({ page, problems }) => {
      await openLong(page);
      assert.equal(await page.locator(ENTRY).count(), 40);
      assert.match(await page.locator('.result-count').innerText(), /100 събития/);
      assert.match(await page.locator(MORE).innerText(), /\(40 събития\)/);
      await page.locator(MORE).click();
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 80, ENTRY);
      const focused = await page.evaluate(() => document.activeElement?.closest('article'));
      assert.ok(focused !== null, 'focus is in an entry');
      const index = await page.evaluate(
        (sel) => [...document.querySelectorAll(sel)].indexOf(document.activeElement.closest('article')),
        ENTRY,
      );
      assert.equal(index, 40, 'on the first entry added');
      assert.match(await page.locator(MORE).innerText(), /\(20 събития\)/);
      await page.locator(MORE).click();
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 100, ENTRY);
      assert.equal(await page.locator(MORE).count(), 0, 'nothing more to show');
      assertNoProblems(problems, 'show more');
    });
  });

  test('on a phone, Back from an event returns to the same place in a list grown by "show more"', async () => {
    await withPage(
      env.browser,
      'phone-back',
      async ({ page, problems }) => {
        await openLong(page);
        await page.locator(MORE).tap();
        await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 80, ENTRY);
        // Read down to the 61st entry, then open it.
        const entry = page.locator(ENTRY).nth(60);
        await entry.scrollIntoViewIfNeeded();
        await page.evaluate(() => window.scrollBy(0, -120));
        const before = { y: await page.evaluate(() => window.scrollY), top: (await entry.boundingBox()).y };
        assert.ok(before.y > 5000, `far down the list (${before.y} px)`);
        const title = (await entry.locator('h4').innerText()).trim();
        await entry.locator('h4 a').tap();
        await page.locator('main h1').filter({ hasText: title }).waitFor({ timeout: APP_TIMEOUT_MS });
        assert.ok((await page.evaluate(() => window.scrollY)) < 100, 'the event page opens at its top');

        await page.goBack();
        await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 80, ENTRY, { timeout: APP_TIMEOUT_MS });
        await page.waitForFunction((y) => Math.abs(window.scrollY - y) <= 2, before.y, { timeout: APP_TIMEOUT_MS });
        const top = (await page.locator(ENTRY).nth(60).boundingBox()).y;
        assert.ok(Math.abs(top - before.top) <= 2, `the entry is where it was (${before.top} → ${top})`);
        // The link followed has the focus, so Tab goes on from there; the place stays.
        await page.waitForFunction(
          (sel) => document.activeElement === document.querySelectorAll(sel)[60].querySelector('h4 a'),
          ENTRY,
          { timeout: APP_TIMEOUT_MS },
        );
        assert.ok(Math.abs((await page.evaluate(() => window.scrollY)) - before.y) <= 2, 'focus did not move the view');

        // A new visit to the timeline (not Back) starts at the top with one page.
        await page.locator(ENTRY).nth(60).locator('h4 a').tap();
        await page.locator('main h1').filter({ hasText: title }).waitFor({ timeout: APP_TIMEOUT_MS });
        await page.locator('.site-header__brand').tap();
        await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 40, ENTRY, { timeout: APP_TIMEOUT_MS });
        assert.ok((await page.evaluate(() => window.scrollY)) < 100);
        assertNoProblems(problems, 'back keeps the place');
      },
      PHONE,
    );
  });

  test('printing draws every entry, not just the first 40', async () => {
    await withPage(env.browser, 'long-print', async ({ page, problems }) => {
      await openLong(page);
      assert.equal(await page.locator(ENTRY).count(), 40);
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 100, ENTRY);
      assert.equal(await page.locator(MORE).count(), 0);
      assertNoProblems(problems, 'print');
    });
  });
});
