// Where focus and state go when controls act on the page itself: the skip link, chips that
// disappear when used, and the order select when the visitor walks the history.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { APP_TIMEOUT_MS, assertNoProblems, waitForApp, useAppAndBrowser, withPage } from './helpers.mjs';

describe('focus and state', { timeout: 120_000 }, () => {
  const env = useAppAndBrowser();

  test('the skip link moves focus to the content and keeps the page and its filters', async () => {
    await withPage(env.browser, 'skip-link', async ({ page, problems }) => {
      await page.goto(new URL('/?q=pisek', env.app.url).href);
      await waitForApp(page);
      const before = page.url();
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main', null, { timeout: APP_TIMEOUT_MS });
      assert.equal(page.url(), before, 'the address, filters included, stays as it was');
      assert.equal(await page.inputValue('#search'), 'pisek');
      assertNoProblems(problems, 'skip link');
    });
  });

  test('removing a chip or clearing all leaves focus on the search field', async () => {
    await withPage(env.browser, 'chip-focus', async ({ page, problems }) => {
      await page.goto(new URL('/?city=pisek&year=2022', env.app.url).href);
      await waitForApp(page);
      await page.locator('.chip__remove').first().click();
      await page.waitForFunction(() => document.activeElement?.id === 'search', null, { timeout: APP_TIMEOUT_MS });
      assert.equal(await page.locator('.chip').count(), 1, 'one filter is left');
      await page.locator('.clear-all').click();
      await page.waitForFunction(() => document.activeElement?.id === 'search', null, { timeout: APP_TIMEOUT_MS });
      assert.equal(await page.locator('.chip').count(), 0);
      assert.equal(new URL(page.url()).search, '');
      assertNoProblems(problems, 'chips');
    });
  });

  test('the order select follows Back and Forward', async () => {
    await withPage(env.browser, 'sort-history', async ({ page, problems }) => {
      await page.goto(env.app.url);
      await waitForApp(page);
      await page.selectOption('#sort', 'oldest');
      await page.waitForURL((url) => url.search.includes('sort=oldest'), { timeout: APP_TIMEOUT_MS });
      await page.selectOption('#sort', 'newest');
      await page.waitForURL((url) => !url.search.includes('sort=oldest'), { timeout: APP_TIMEOUT_MS });
      await page.goBack();
      await page.waitForURL((url) => url.search.includes('sort=oldest'), { timeout: APP_TIMEOUT_MS });
      await page.waitForFunction(() => document.querySelector('#sort').value === 'oldest', null, { timeout: APP_TIMEOUT_MS });
      await page.goForward();
      await page.waitForFunction(() => document.querySelector('#sort').value === 'newest', null, { timeout: APP_TIMEOUT_MS });
      assertNoProblems(problems, 'order select');
    });
  });
});
