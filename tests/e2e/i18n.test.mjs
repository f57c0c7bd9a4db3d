// Bulgarian and English in Chromium: the language switch keeps the page and its filters, the
// English pages speak English (texts, dates, title, lang attribute), counts take the right
// plural form, and the English pages pass axe.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import {
  APP_TIMEOUT_MS,
  DIST_DIR,
  assertNoProblems,
  axeCheck,
  waitForApp,
  useAppAndBrowser,
  withPage,
} from './helpers.mjs';

const SLUG = 'consortium-meeting-pisek-2022';
const COUNT = '.result-count';

describe('languages', { timeout: 180_000 }, () => {
  const env = useAppAndBrowser();
  /** The shipped events, to know the counts without writing them down twice. */
  let events;

  before(async () => {
    events = JSON.parse(await readFile(join(DIST_DIR, 'data', 'news.json'), 'utf8')).events;
  });

  const at = (path) => new URL(path.replace(/^\//, ''), env.app.url).href;
  const inYear = (year) => events.filter((e) => String(e.start).startsWith(`${year}`)).length;

  async function countText(page, expected) {
    await page.waitForFunction(
      ({ selector, text }) => document.querySelector(selector)?.textContent.trim() === text,
      { selector: COUNT, text: expected },
      { timeout: APP_TIMEOUT_MS },
    );
    return (await page.locator(COUNT).textContent()).trim();
  }

  const checkedBoxes = (page) =>
    page.$$eval('.facet input[type=checkbox]', (boxes) => boxes.filter((b) => b.checked).map((b) => b.id).sort());
  const params = (url) => [...new URL(url).searchParams.entries()].sort();
  const htmlLang = (page) => page.locator('html').getAttribute('lang');

  async function waitForLang(page, lang) {
    await page.waitForFunction((l) => document.documentElement.lang === l, lang, { timeout: APP_TIMEOUT_MS });
  }

  async function waitForTitle(page, pattern) {
    await page.waitForFunction(({ source }) => new RegExp(source).test(document.title), { source: pattern.source }, {
      timeout: APP_TIMEOUT_MS,
    });
    return page.title();
  }

  test('the switch keeps the filtered timeline and turns it into English and back', async () => {
    await withPage(env.browser, 'i18n-timeline', async ({ page, problems }) => {
      const total = events.length;
      await page.goto(at('/?city=pisek&year=2022'));
      await waitForApp(page);
      await countText(page, `1 събитие от общо ${total}`);
      assert.equal(await htmlLang(page), 'bg');
      const bgChecked = await checkedBoxes(page);
      assert.deepEqual(bgChecked, ['f-city-pisek', 'f-year-2022']);

      const toEnglish = page.locator('.lang-switch');
      assert.equal((await toEnglish.innerText()).trim(), 'English');
      assert.equal(await toEnglish.getAttribute('hreflang'), 'en');
      await toEnglish.click();
      await page.waitForURL((url) => url.pathname === '/en', { timeout: APP_TIMEOUT_MS });
      assert.deepEqual(params(page.url()), [['city', 'pisek'], ['year', '2022']], 'the filters come along');
      await waitForLang(page, 'en');
      await page.getByRole('heading', { level: 1, name: 'Project timeline' }).waitFor({ timeout: APP_TIMEOUT_MS });
      assert.equal(await countText(page, `1 event of ${total}`), `1 event of ${total}`);
      assert.deepEqual(await checkedBoxes(page), bgChecked, 'the same boxes stay checked');
      assert.equal(await page.locator('#search').getAttribute('aria-describedby'), 'search-hint');
      assert.equal((await page.locator('label[for="search"]').innerText()).trim(), 'Search');
      assert.match(await page.locator('.timeline-entry').innerText(), /consortium meeting in Písek/);
      assert.match(await waitForTitle(page, /^Project timeline/), /\+CityxChange/);
      await axeCheck(page, { label: 'the English timeline, filtered' });

      const toBulgarian = page.locator('.lang-switch');
      assert.equal((await toBulgarian.innerText()).trim(), 'Български');
      await toBulgarian.click();
      await page.waitForURL((url) => url.pathname === '/', { timeout: APP_TIMEOUT_MS });
      assert.deepEqual(params(page.url()), [['city', 'pisek'], ['year', '2022']]);
      await waitForLang(page, 'bg');
      await page.getByRole('heading', { level: 1, name: 'Хронология на проекта' }).waitFor({ timeout: APP_TIMEOUT_MS });
      await countText(page, `1 събитие от общо ${total}`);
      assert.deepEqual(await checkedBoxes(page), bgChecked);
      assertNoProblems(problems, 'switching the timeline\'s language');
    });
  });

  test('the switch on an event page opens the English page of the same event', async () => {
    await withPage(env.browser, 'i18n-event', async ({ page, problems }) => {
      await page.goto(at(`/events/${SLUG}`));
      await waitForApp(page);
      assert.equal(await htmlLang(page), 'bg');
      await page.locator('.lang-switch').click();
      await page.waitForURL((url) => url.pathname === `/en/events/${SLUG}`, { timeout: APP_TIMEOUT_MS });
      await waitForLang(page, 'en');
      await page
        .getByRole('heading', { level: 1, name: 'Annual +CityxChange consortium meeting in Písek' })
        .waitFor({ timeout: APP_TIMEOUT_MS });
      const when = await page.locator('.event__facts time').first().innerText();
      assert.match(when, /November/, `the date is in English: "${when}"`);
      assert.match(when, /Thursday/);
      assert.doesNotMatch(when, /ноември|четвъртък/);
      const title = await waitForTitle(page, /consortium meeting in Písek/);
      assert.equal(title, 'Annual +CityxChange consortium meeting in Písek | +CityxChange');
      assert.match(await page.locator('.participants').textContent(), /Lighthouse cities/);
      assert.match(await page.locator('.agenda').textContent(), /Day 1/);
      assert.equal(await page.getByRole('link', { name: 'Add to calendar', exact: true }).count(), 1);
      const jsonld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
      assert.equal(jsonld.inLanguage, 'en');
      await axeCheck(page, { label: 'the English event page' });

      await page.locator('.lang-switch').click();
      await page.waitForURL((url) => url.pathname === `/events/${SLUG}`, { timeout: APP_TIMEOUT_MS });
      await waitForLang(page, 'bg');
      await waitForTitle(page, /^Годишна среща на консорциума/);
      assertNoProblems(problems, 'switching an event page\'s language');
    });
  });

  test('English pages opened directly are English, the statement and not-found included', async () => {
    await withPage(env.browser, 'i18n-direct', async ({ page, problems }) => {
      await page.goto(at('/en/accessibility'));
      await waitForApp(page);
      assert.equal(await htmlLang(page), 'en');
      assert.equal((await page.locator('h1').innerText()).trim(), 'Accessibility statement');
      await axeCheck(page, { label: 'the English statement' });

      await page.goto(at('/en/events/no-such-event'));
      await waitForApp(page);
      assert.equal(await htmlLang(page), 'en');
      assert.equal((await page.locator('h1').innerText()).trim(), 'Page not found');
      assert.equal(await page.locator('.not-found a[href="/en"]').count(), 1, 'the way back stays in English');
      await axeCheck(page, { label: 'the English not-found page' });
      assertNoProblems(problems, 'English pages opened directly', { allowNotFound: true });
    });
  });

  test('result counts take the singular for one and the plural otherwise', async () => {
    await withPage(env.browser, 'i18n-plurals', async ({ page, problems }) => {
      const total = events.length;
      const year = inYear(2022);
      assert.ok(year > 1, 'the data has several events in 2022');
      const cases = [
        ['/', `${total} събития`],
        ['/?year=2022', `${year} събития от общо ${total}`],
        ['/?year=2022&city=pisek', `1 събитие от общо ${total}`],
        ['/?q=%D0%BA%D0%B2%D0%B0%D0%B7%D0%B8%D0%BC%D0%BE%D0%B4%D0%BE', `0 събития от общо ${total}`],
        ['/en', `${total} events`],
        ['/en?year=2022', `${year} events of ${total}`],
        ['/en?year=2022&city=pisek', `1 event of ${total}`],
        ['/en?q=quasimodo', `0 events of ${total}`],
      ];
      for (const [path, expected] of cases) {
        await page.goto(at(path));
        await waitForApp(page);
        assert.equal(await countText(page, expected), expected, `count on ${path}`);
      }
      assertNoProblems(problems, 'plural forms');
    });
  });
});
