// Where focus and state go when controls act on the page itself: the skip link, chips that
// disappear when used, and the order select when the visitor walks the history.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { APP_TIMEOUT_MS, PHONE, assertNoProblems, waitForApp, useAppAndBrowser, withPage } from './helpers.mjs';

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

      // On a prerendered page with a query, before the app: the loader keeps the page too.
      const event = new URL('/events/consortium-meeting-pisek-2022?from=x', env.app.url).href;
      await page.goto(event);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main', null, { timeout: APP_TIMEOUT_MS });
      assert.equal(page.url(), event, 'the page was not loaded again without its query');
      // A link to this page with a malformed escape for its place (a body link written by
      // hand): followed as it is, without an error.
      await page.evaluate(() => {
        const a = document.createElement('a');
        a.href = `${location.pathname}${location.search}#%ZZ`;
        a.id = 'bad-escape';
        a.textContent = 'x';
        document.querySelector('main').prepend(a);
      });
      await page.click('#bad-escape');
      await page.waitForFunction(() => location.hash === '#%ZZ');
      assertNoProblems(problems, 'skip link');
    });
  });

  test('removing a chip or clearing all moves focus to the result count, by keyboard too', async () => {
    await withPage(env.browser, 'chip-focus', async ({ page, problems }) => {
      await page.goto(new URL('/?city=pisek&year=2022', env.app.url).href);
      await waitForApp(page);
      await page.locator('.chip__remove').first().focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'result-count', null, { timeout: APP_TIMEOUT_MS });
      assert.equal(await page.locator('.chip').count(), 1, 'one filter is left');
      await page.locator('.clear-all').click();
      await page.waitForFunction(() => document.activeElement?.id === 'result-count', null, { timeout: APP_TIMEOUT_MS });
      assert.equal(await page.locator('.chip').count(), 0);
      assert.equal(new URL(page.url()).search, '');
      // The next Tab goes on from the count into the results, not back to the top.
      await page.keyboard.press('Tab');
      assert.ok(await page.evaluate(() => !!document.activeElement?.closest('.timeline-results')));
      assertNoProblems(problems, 'chips');
    });
  });

  test('on a phone, clearing the filters opens no keyboard and shows the count', async () => {
    await withPage(
      env.browser,
      'phone-clear',
      async ({ page, problems }) => {
        await page.goto(new URL('/?city=pisek&year=2022', env.app.url).href);
        await waitForApp(page);
        await page.locator('.clear-all').tap();
        await page.waitForFunction(() => document.activeElement?.id === 'result-count', null, { timeout: APP_TIMEOUT_MS });
        const typing = await page.evaluate(() => ['INPUT', 'SELECT', 'TEXTAREA'].includes(document.activeElement?.tagName));
        assert.equal(typing, false, 'no text field has the focus, so no keyboard comes up');
        const box = await page.locator('#result-count').boundingBox();
        assert.ok(box && box.y >= 0 && box.y + box.height <= 740, `the count is on the screen: ${JSON.stringify(box)}`);
        assertNoProblems(problems, 'phone clear');
      },
      PHONE,
    );
  });

  test('on a phone, Tab through the open filters never hides the focus under their sticky foot', async () => {
    await withPage(
      env.browser,
      'phone-filters-tab',
      async ({ page, problems }) => {
        await page.goto(env.app.url);
        await waitForApp(page);
        await page.locator('[data-key="filters-toggle"]').click();
        await page.locator('.filters--open').waitFor();
        await page.locator('#search').focus();
        const covered = [];
        for (let i = 0; i < 45; i += 1) {
          await page.keyboard.press('Tab');
          const seen = await page.evaluate(() => {
            const focused = document.activeElement;
            const foot = document.querySelector('.filters__done');
            if (!focused?.closest('.filters') || !foot || foot.contains(focused)) return null;
            const box = (focused.closest('label') ?? focused).getBoundingClientRect();
            return { name: focused.id || focused.textContent.trim(), bottom: box.bottom, foot: foot.getBoundingClientRect().top };
          });
          if (seen && seen.bottom > seen.foot + 1) covered.push(seen);
        }
        assert.deepEqual(covered, [], 'every focused control is above the sticky "Show N events"');
        assertNoProblems(problems, 'phone filters by Tab');
      },
      PHONE,
    );
  });

  test('the way back from an event (the trail, "all events") keeps the visitor\'s filters', async () => {
    await withPage(env.browser, 'last-view', async ({ page, problems }) => {
      await page.goto(new URL('/?city=pisek&year=2022', env.app.url).href);
      await waitForApp(page);
      const count = (await page.locator('#result-count').innerText()).trim();
      await page.locator('article.timeline-entry h4 a').first().click();
      await page.waitForURL((url) => url.pathname.startsWith('/events/'));
      const filters = (href) => {
        const url = new URL(href, 'http://x');
        return [url.pathname, [...url.searchParams].map(([k, v]) => `${k}=${v}`).sort().join('&')];
      };
      const back = page.locator('.event__back a');
      assert.deepEqual(filters(await back.getAttribute('href')), ['/', 'city=pisek&year=2022']);
      const crumb = page.locator('.breadcrumbs a[href^="/?"]');
      assert.deepEqual(filters(await crumb.getAttribute('href')), ['/', 'city=pisek&year=2022'], 'the project step of the trail too');
      await back.click();
      await page.waitForURL((url) => url.searchParams.get('city') === 'pisek' && url.searchParams.get('year') === '2022');
      assert.equal((await page.locator('#result-count').innerText()).trim(), count);
      assert.equal(await page.locator('#f-city-pisek').isChecked(), true);
      // The English pages remember their own.
      await page.goto(new URL('/en/events/consortium-meeting-pisek-2022', env.app.url).href);
      await waitForApp(page);
      assert.equal(await page.locator('.event__back a').getAttribute('href'), '/en');
      assertNoProblems(problems, 'the last view');
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
