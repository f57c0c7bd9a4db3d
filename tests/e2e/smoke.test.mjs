// Smoke test of the release build in Chromium: the timeline renders, the app takes it over and
// an entry then opens its event page in place, a deep link works on its own, and no page has
// console errors, failed requests or accessibility violations.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { APP_TIMEOUT_MS, assertNoProblems, axeCheck, useAppAndBrowser, waitForApp, withPage } from './helpers.mjs';

const ENTRY = 'article.timeline-entry';
const ENTRY_LINK = '.timeline-entry__title a';

/** The page's single h1, visible and with text; returns that text. */
async function visibleHeading(page) {
  const h1 = page.locator('h1');
  await h1.first().waitFor({ state: 'visible', timeout: APP_TIMEOUT_MS });
  assert.equal(await h1.count(), 1, 'a page has exactly one h1');
  const text = (await h1.innerText()).trim();
  assert.ok(text.length > 0, 'the h1 has text');
  return text;
}

describe('smoke', { timeout: 120_000 }, () => {
  const env = useAppAndBrowser();

  test('the app takes the timeline over and its first entry opens the event page in place', async () => {
    await withPage(env.browser, 'timeline-to-event', async ({ page, problems }) => {
      await page.goto(env.app.url);
      await page.locator(ENTRY).first().waitFor({ timeout: APP_TIMEOUT_MS });
      await visibleHeading(page);
      await waitForApp(page);
      assert.equal(await page.locator('html').getAttribute('data-app'), 'ready');
      await axeCheck(page, { label: 'the timeline, live' });
      // A mark on this document: it survives only if the link is followed in the page.
      await page.evaluate(() => {
        window.sameDocument = true;
      });

      const link = page.locator(ENTRY_LINK).first();
      const linkText = (await link.innerText()).trim();
      const href = await link.getAttribute('href');
      assert.match(href ?? '', /\/events\/[^/]+$/, 'an entry title links to /events/<slug>');

      await link.click();
      await page.waitForURL((url) => url.pathname.endsWith(href), { timeout: APP_TIMEOUT_MS });
      const heading = await visibleHeading(page);
      assert.equal(heading, linkText, 'the event page is titled like the entry that led to it');
      assert.equal(await page.evaluate(() => window.sameDocument), true, 'the app drew it, no page load');
      await axeCheck(page, { label: `the event page ${href}, live` });

      assertNoProblems(problems, 'timeline and event page');
    });
  });

  test('an event page opened by deep link renders on its own', async () => {
    const href = await withPage(env.browser, 'find-event-link', async ({ page }) => {
      await page.goto(env.app.url);
      await page.locator(ENTRY_LINK).first().waitFor({ timeout: APP_TIMEOUT_MS });
      return page.locator(ENTRY_LINK).first().getAttribute('href');
    });

    await withPage(env.browser, 'event-deep-link', async ({ page, problems }) => {
      const response = await page.goto(new URL(href, env.app.url).href);
      assert.equal(response?.status(), 200);
      await visibleHeading(page);
      assert.equal(await page.locator('html').getAttribute('lang'), 'bg');
      assertNoProblems(problems, `deep link ${href}`);
    });
  });
});
