// A visit with the keyboard only, in Chromium: skip link, search, a facet, an entry, the
// calendar download, and Back to the same filtered list. Focus is checked after every step.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { APP_TIMEOUT_MS, assertNoProblems, waitForApp, useAppAndBrowser, withPage } from './helpers.mjs';

/** More Tab presses than any page here needs to reach its last control. */
const MAX_TABS = 80;

describe('keyboard', { timeout: 120_000 }, () => {
  const env = useAppAndBrowser();

  /** What has focus, in a form that reads well in a failure message. */
  const describeFocus = (page) =>
    page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return 'body';
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${id}${cls} "${(el.textContent || '').trim().slice(0, 40)}"`;
    });

  /**
   * Presses Tab until `isTarget` (run in the page on document.activeElement) holds; fails
   * after MAX_TABS presses. Returns how many presses it took.
   */
  async function tabUntil(page, isTarget, what, arg = null) {
    for (let presses = 1; presses <= MAX_TABS; presses += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(isTarget, arg)) return presses;
    }
    assert.fail(`${what} was not reached in ${MAX_TABS} Tab presses (focus ended on ${await describeFocus(page)})`);
  }

  async function assertFocus(page, isTarget, what, arg = null) {
    const ok = await page
      .waitForFunction(isTarget, arg, { timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    assert.ok(ok, `${what} should have focus, but ${await describeFocus(page)} has it`);
  }

  test(
    'search, filter, open an event and add it to the calendar without a mouse',
    async () => {
      await withPage(env.browser, 'keyboard-journey', async ({ page, problems }) => {
        await page.goto(env.app.url);
        await waitForApp(page);
        await page.locator('article.timeline-entry').first().waitFor({ timeout: APP_TIMEOUT_MS });

        // The first stop is the skip link, which shows itself when focused.
        await page.keyboard.press('Tab');
        await assertFocus(page, () => document.activeElement?.classList.contains('skip-link'), 'the skip link');
        const skip = await page.locator('.skip-link').boundingBox();
        assert.ok(skip && skip.width > 20 && skip.height > 10, `the focused skip link is visible (${JSON.stringify(skip)})`);

        await tabUntil(page, () => document.activeElement?.id === 'search', 'the search field');
        await page.keyboard.type('pisek', { delay: 40 });
        await page.waitForURL((url) => url.searchParams.get('q') === 'pisek', { timeout: APP_TIMEOUT_MS });
        await assertFocus(page, () => document.activeElement?.id === 'search', 'the search field, after typing');
        assert.equal(await page.locator('#search').inputValue(), 'pisek');

        await tabUntil(
          page,
          () => {
            const el = document.activeElement;
            return el?.type === 'checkbox' && el.id.startsWith('f-city-');
          },
          'a city checkbox',
        );
        const boxId = await page.evaluate(() => document.activeElement.id);
        const city = boxId.slice('f-city-'.length);
        await page.keyboard.press('Space');
        await page.waitForURL((url) => url.searchParams.get('city') === city && url.searchParams.get('q') === 'pisek', {
          timeout: APP_TIMEOUT_MS,
        });
        await page.locator(`#${boxId}:checked`).waitFor({ timeout: APP_TIMEOUT_MS });
        await assertFocus(page, (id) => document.activeElement?.id === id, `the checkbox #${boxId}, after Space`, boxId);
        const filteredUrl = page.url();
        const filteredHrefs = await page.$$eval('.timeline-entry__title a', (links) => links.map((a) => a.getAttribute('href')));
        assert.ok(filteredHrefs.length > 0, 'the filter leaves some events');

        await tabUntil(
          page,
          () => document.activeElement === document.querySelector('.timeline-entry__title a'),
          'the first entry\'s link',
        );
        const href = filteredHrefs[0];
        const title = (await page.locator('.timeline-entry__title a').first().innerText()).trim();
        await page.keyboard.press('Enter');
        await page.waitForURL((url) => url.pathname === href, { timeout: APP_TIMEOUT_MS });
        await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: APP_TIMEOUT_MS });
        await assertFocus(page, () => document.activeElement === document.querySelector('main h1'), 'the event\'s h1');

        await tabUntil(page, () => document.activeElement?.classList.contains('calendar-button'), '"Add to calendar"');
        const [download] = await Promise.all([
          page.waitForEvent('download', { timeout: APP_TIMEOUT_MS }),
          page.keyboard.press('Enter'),
        ]);
        assert.match(download.suggestedFilename(), /\.ics$/);
        await assertFocus(
          page,
          () => document.activeElement?.classList.contains('calendar-button'),
          '"Add to calendar", after the download',
        );

        await page.goBack();
        await page.waitForURL(filteredUrl, { timeout: APP_TIMEOUT_MS });
        await page.locator(`#${boxId}:checked`).waitFor({ timeout: APP_TIMEOUT_MS });
        assert.equal(await page.locator('#search').inputValue(), 'pisek');
        assert.deepEqual(
          await page.$$eval('.timeline-entry__title a', (links) => links.map((a) => a.getAttribute('href'))),
          filteredHrefs,
          'Back shows the same filtered list',
        );
        assertNoProblems(problems, 'keyboard journey');
      });
    },
  );
});
