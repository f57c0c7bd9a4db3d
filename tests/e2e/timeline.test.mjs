// The timeline in Chromium: facet filters, search across scripts, the URL as the whole view
// state (reload, Back), the empty state, chips, sorting, hostile query strings and the
// folded filter panel on a phone-sized screen.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  APP_TIMEOUT_MS,
  PHONE,
  assertNoProblems,
  axeCheck,
  waitForApp,
  useAppAndBrowser,
  withPage,
} from './helpers.mjs';

const ENTRY = 'article.timeline-entry';
const ENTRY_LINK = '.timeline-entry__title a';
const COUNT = '.result-count';
const PISEK_MEETING = 'consortium-meeting-pisek-2022';

describe('timeline', { timeout: 180_000 }, () => {
  const env = useAppAndBrowser();

  const at = (query = '') => new URL(query ? `?${query}` : '', env.app.url).href;

  /** Opens the timeline and waits until its result count is shown. */
  async function openTimeline(page, query = '') {
    await page.goto(at(query));
    await waitForApp(page);
    await page.locator(COUNT).waitFor({ timeout: APP_TIMEOUT_MS });
  }

  /** Waits until the URL's query satisfies `check(searchParams)`. */
  function waitForQuery(page, check) {
    return page.waitForURL((url) => check(url.searchParams), { timeout: APP_TIMEOUT_MS });
  }

  /** Waits until the result count reads `expected` (a string or a pattern); returns it. */
  async function waitForCount(page, expected) {
    const matches = (text) => (typeof expected === 'string' ? text === expected : expected.test(text));
    await page.waitForFunction(
      ({ selector, source, flags, exact }) => {
        const text = document.querySelector(selector)?.textContent?.trim() ?? '';
        return exact !== null ? text === exact : new RegExp(source, flags).test(text);
      },
      {
        selector: COUNT,
        exact: typeof expected === 'string' ? expected : null,
        source: typeof expected === 'string' ? '' : expected.source,
        flags: typeof expected === 'string' ? '' : expected.flags,
      },
      { timeout: APP_TIMEOUT_MS },
    );
    const text = (await page.locator(COUNT).textContent()).trim();
    assert.ok(matches(text), `result count "${text}" should match ${expected}`);
    return text;
  }

  /** The label of a facet value, found through its fieldset's legend as people read it. */
  const facetLabel = (page, legend, id) =>
    page.getByRole('group', { name: legend, exact: true }).locator(`label[for="${id}"]`);
  const checkedBoxes = (page) =>
    page.$$eval('.facet input[type=checkbox]', (boxes) => boxes.filter((b) => b.checked).map((b) => b.id).sort());
  const entryHrefs = (page) =>
    page.$$eval(ENTRY_LINK, (links) => links.map((a) => a.getAttribute('href')));
  const entryTexts = (page) => page.$$eval(ENTRY, (entries) => entries.map((e) => e.innerText));
  const markTexts = (page) => page.$$eval(`${ENTRY} mark`, (marks) => marks.map((m) => m.textContent));

  /** "3 събития от общо 24" → 3 */
  const leadingNumber = (text) => Number.parseInt(text, 10);

  test('city and year chosen in the filter panel narrow the list and land in the URL', async () => {
    await withPage(env.browser, 'timeline-city-year', async ({ page, problems }) => {
      await openTimeline(page);
      const all = await waitForCount(page, /^\d+ събития$/);
      const total = leadingNumber(all);
      assert.equal(await page.locator(ENTRY).count(), total, 'every event is listed at first');
      assert.equal(await page.locator(COUNT).getAttribute('role'), 'status', 'the count is announced');

      await facetLabel(page, 'Град', 'f-city-pisek').click();
      await waitForQuery(page, (q) => q.get('city') === 'pisek');
      const cityOnly = await waitForCount(page, new RegExp(`^\\d+ събити(е|я) от общо ${total}$`));
      const cityCount = leadingNumber(cityOnly);
      assert.ok(cityCount > 1 && cityCount < total, `Písek narrows the list (${cityOnly})`);
      assert.equal(await page.locator(ENTRY).count(), cityCount, 'the list has as many entries as the count says');
      for (const text of await entryTexts(page)) {
        assert.match(text, /Писек/, `an entry shown for Písek mentions the city:\n${text}`);
      }

      await facetLabel(page, 'Година', 'f-year-2022').click();
      await waitForQuery(page, (q) => q.get('city') === 'pisek' && q.get('year') === '2022');
      await waitForCount(page, `1 събитие от общо ${total}`);
      assert.deepEqual(await entryHrefs(page), [`/events/${PISEK_MEETING}`]);
      for (const text of await entryTexts(page)) assert.match(text, /Писек/);
      assert.deepEqual(await checkedBoxes(page), ['f-city-pisek', 'f-year-2022']);

      await axeCheck(page, { label: 'the timeline filtered by city and year' });
      assertNoProblems(problems, 'filtering by city and year');
    });
  });

  test('an odd search in the address: read to what the search reads, isolated, or none', async () => {
    await withPage(env.browser, 'timeline-odd-q', async ({ page, problems }) => {
      // Only invisible or control characters: no search at all.
      await openTimeline(page, 'q=%E2%80%8B%E2%80%AE%00');
      await waitForCount(page, '24 събития');
      assert.equal(await page.locator('.chip').count(), 0);
      // A direction mark cannot turn the chip's quotes around: the text is isolated.
      await openTimeline(page, 'q=%E2%80%AEpisek');
      const label = await page.locator('.chip__label').textContent();
      assert.ok(label.includes('\u2068\u202episek\u2069'), JSON.stringify(label));
      // A long text: the chip, its button's name and the address hold what the search reads.
      await openTimeline(page, `q=${'pisek+'.repeat(400)}`);
      const chip = (await page.locator('.chip__label').textContent()).length;
      const name = (await page.locator('.chip__remove').getAttribute('aria-label')).length;
      assert.ok(chip < 260 && name < 300, `chip ${chip}, name ${name}`);
      await page.locator('#search').fill(`${'смолян '.repeat(300)}`);
      await page.locator('#search').press('Enter');
      await waitForQuery(page, (q) => (q.get('q') ?? '').startsWith('смолян'));
      assert.ok(new URL(page.url()).searchParams.get('q').length <= 200);
      // A quotation mark typed first is no search yet, but stays in the field for the word.
      await page.locator('#search').fill('');
      await page.locator('#search').pressSequentially('„писек', { delay: 40 });
      await waitForCount(page, /от общо/);
      await page.waitForTimeout(700);
      assert.equal(await page.locator('#search').inputValue(), '„писек');
      assertNoProblems(problems, 'odd searches in the address');
    });
  });

  test("a card's city leads to the timeline of that city's events", async () => {
    await withPage(env.browser, 'city-chip', async ({ page, problems }) => {
      // The prerendered page: the chip is a plain link, before and without the app.
      await page.goto(at());
      const chip = page.locator(`${ENTRY} a.city-label`).first();
      const name = (await chip.textContent()).trim();
      await chip.click();
      await waitForQuery(page, (q) => q.getAll('city').length === 1);
      await waitForCount(page, /^\d+ събити[ея] от общо \d+$/);
      const chips = await page.locator('.chip').allTextContents();
      assert.ok(chips.some((c) => c.includes(name)), `the city is the chosen filter: ${chips}`);
      for (const card of await page.locator(ENTRY).all()) {
        assert.ok((await card.locator('.city-label').allTextContents()).some((c) => c.trim() === name));
      }
      assertNoProblems(problems, 'city chip');
    });
  });

  test('a Latin search finds and marks Cyrillic words', async () => {
    await withPage(env.browser, 'timeline-latin-search', async ({ page, problems }) => {
      await openTimeline(page);
      const search = page.locator('#search');

      await search.fill('smolyan');
      await waitForQuery(page, (q) => q.get('q') === 'smolyan');
      await waitForCount(page, /^\d+ събити(е|я) от общо \d+$/);
      assert.ok((await page.locator(ENTRY).count()) > 0, '"smolyan" finds entries');
      const smolyanMarks = await markTexts(page);
      assert.ok(
        smolyanMarks.some((m) => m.includes('Смолян')),
        `a mark holds "Смолян"; marks were ${JSON.stringify(smolyanMarks)}`,
      );

      await search.fill('pisek');
      await waitForQuery(page, (q) => q.get('q') === 'pisek');
      await page.locator(`${ENTRY_LINK}[href$="/events/${PISEK_MEETING}"]`).waitFor({ timeout: APP_TIMEOUT_MS });
      const pisekMarks = await markTexts(page);
      assert.ok(
        pisekMarks.some((m) => m.includes('Писек')),
        `a mark holds "Писек"; marks were ${JSON.stringify(pisekMarks)}`,
      );
      assert.ok(!pisekMarks.some((m) => m.includes('Смолян')), 'the previous search leaves no marks behind');
      assertNoProblems(problems, 'Latin search');
    });
  });

  test('a Cyrillic search finds Latin text and the Písek meeting', async () => {
    await withPage(env.browser, 'timeline-cyrillic-search', async ({ page, problems }) => {
      await openTimeline(page);
      const search = page.locator('#search');

      // The Bulgarian summary of the Písek meeting names its lead partner only as "NTNU".
      await search.fill('нтну');
      await waitForQuery(page, (q) => q.get('q') === 'нтну');
      await page.locator(`${ENTRY_LINK}[href$="/events/${PISEK_MEETING}"]`).waitFor({ timeout: APP_TIMEOUT_MS });
      const marks = await markTexts(page);
      assert.ok(marks.includes('NTNU'), `"нтну" marks the Latin "NTNU"; marks were ${JSON.stringify(marks)}`);

      await search.fill('писек');
      await waitForQuery(page, (q) => q.get('q') === 'писек');
      await page.locator(`${ENTRY_LINK}[href$="/events/${PISEK_MEETING}"]`).waitFor({ timeout: APP_TIMEOUT_MS });
      assert.ok((await markTexts(page)).some((m) => m.includes('Писек')));
      assertNoProblems(problems, 'Cyrillic search');
    });
  });

  test('a shared URL opens the same view', async () => {
    const shared = await withPage(env.browser, 'timeline-share-source', async ({ page, problems }) => {
      await openTimeline(page);
      await facetLabel(page, 'Град', 'f-city-smolyan').click();
      await waitForQuery(page, (q) => q.get('city') === 'smolyan');
      await page.locator('#search').fill('климатон');
      await waitForQuery(page, (q) => q.get('city') === 'smolyan' && q.get('q') === 'климатон');
      const count = await waitForCount(page, /^\d+ събити(е|я) от общо \d+$/);
      const view = {
        url: page.url(),
        count,
        checked: await checkedBoxes(page),
        text: await page.locator('#search').inputValue(),
        hrefs: await entryHrefs(page),
      };
      assert.ok(view.hrefs.length > 0, 'the shared view is not empty');
      assertNoProblems(problems, 'building the view to share');
      return view;
    });

    await withPage(env.browser, 'timeline-share-target', async ({ page, problems }) => {
      await page.goto(shared.url);
      await waitForApp(page);
      assert.equal(await waitForCount(page, shared.count), shared.count);
      assert.deepEqual(await checkedBoxes(page), shared.checked);
      assert.equal(await page.locator('#search').inputValue(), shared.text);
      assert.deepEqual(await entryHrefs(page), shared.hrefs);

      await page.reload();
      await waitForApp(page);
      assert.equal(await waitForCount(page, shared.count), shared.count, 'a reload keeps the view');
      assert.deepEqual(await checkedBoxes(page), shared.checked);
      assert.equal(await page.locator('#search').inputValue(), shared.text);
      assertNoProblems(problems, 'opening the shared URL');
    });
  });

  test('Back and Forward walk the filter history; typing adds one entry', async () => {
    await withPage(env.browser, 'timeline-history', async ({ page, problems }) => {
      await openTimeline(page);
      const all = await waitForCount(page, /^\d+ събития$/);

      await facetLabel(page, 'Град', 'f-city-pisek').click();
      await waitForQuery(page, (q) => q.get('city') === 'pisek');
      const cityCount = await waitForCount(page, /от/);

      await facetLabel(page, 'Година', 'f-year-2022').click();
      await waitForQuery(page, (q) => q.get('year') === '2022');
      await waitForCount(page, /^1 събитие от общо/);

      await page.goBack();
      await waitForQuery(page, (q) => q.get('city') === 'pisek' && !q.has('year'));
      await waitForCount(page, cityCount);
      assert.deepEqual(await checkedBoxes(page), ['f-city-pisek'], 'the year box is unchecked again');

      await page.goBack();
      await waitForQuery(page, (q) => [...q.keys()].length === 0);
      await waitForCount(page, all);
      assert.deepEqual(await checkedBoxes(page), []);

      await page.goForward();
      await waitForQuery(page, (q) => q.get('city') === 'pisek' && !q.has('year'));
      await waitForCount(page, cityCount);
      assert.deepEqual(await checkedBoxes(page), ['f-city-pisek']);

      // Five keystrokes, one history entry: Back leaves the search altogether.
      const search = page.locator('#search');
      await search.click();
      await search.pressSequentially('pisek', { delay: 30 });
      await waitForQuery(page, (q) => q.get('q') === 'pisek');
      await page.goBack();
      await waitForQuery(page, (q) => q.get('city') === 'pisek' && !q.has('q'));
      await waitForCount(page, cityCount);
      await page.waitForFunction(() => document.querySelector('#search')?.value === '', null, {
        timeout: APP_TIMEOUT_MS,
      });

      // Typed again where Back went, the field still focused, after a letter typed and
      // taken back over a pause: a search of its own, which Back leaves for the same list.
      await search.focus();
      const entries = await page.evaluate(() => history.length);
      await page.keyboard.press('x');
      await page.keyboard.press('Backspace');
      await page.waitForTimeout(800);
      assert.equal(await page.evaluate(() => history.length), entries, 'a letter taken back adds no entry');
      assert.ok(!new URL(page.url()).searchParams.has('q'), 'a letter taken back writes nothing');
      await search.pressSequentially('pisek', { delay: 30 });
      await waitForQuery(page, (q) => q.get('q') === 'pisek' && q.get('city') === 'pisek');
      await page.goBack();
      await waitForQuery(page, (q) => q.get('city') === 'pisek' && !q.has('q'));
      await waitForCount(page, cityCount);
      assertNoProblems(problems, 'walking the history');
    });
  });

  test('a search typed on after the window left and came back is still one history entry', async () => {
    await withPage(env.browser, 'timeline-window-blur', async ({ page, problems }) => {
      await openTimeline(page);
      // The window leaves while typing (the phone's other app, another tab): the field keeps
      // its focus and gets a blur of its own. What was typed is written; typed on after the
      // return, it is still one search in one entry.
      const search = page.locator('#search');
      await search.focus();
      const before = await page.evaluate(() => history.length);
      await page.keyboard.type('pis', { delay: 30 });
      await page.evaluate(() => document.querySelector('#search').dispatchEvent(new FocusEvent('blur')));
      await waitForQuery(page, (q) => q.get('q') === 'pis');
      await page.keyboard.type('ek', { delay: 30 });
      await waitForQuery(page, (q) => q.get('q') === 'pisek');
      assert.equal(await page.evaluate(() => history.length), before + 1, 'one entry for the search');
      await page.goBack();
      await waitForQuery(page, (q) => !q.has('q'));
      await page.goForward();
      await waitForQuery(page, (q) => q.get('q') === 'pisek');

      // Leaving the field itself ends the search: what is typed next is an entry of its own.
      await search.blur();
      await search.focus();
      await page.keyboard.press('End');
      await page.keyboard.press('Backspace');
      await waitForQuery(page, (q) => q.get('q') === 'pise');
      assert.equal(await page.evaluate(() => history.length), before + 2, 'a new entry after the field was left');
      assertNoProblems(problems, 'a window blur');
    });
  });

  test('typing narrows the list and counts at each letter; the address follows when typing pauses', async () => {
    await withPage(env.browser, 'timeline-typing-address', async ({ page, problems }) => {
      // Every history write the page makes, in order.
      await page.addInitScript(() => {
        window.__writes = [];
        for (const name of ['pushState', 'replaceState']) {
          const write = history[name].bind(history);
          history[name] = (state, unused, url) => {
            window.__writes.push(name);
            return write(state, unused, url);
          };
        }
      });
      await openTimeline(page);
      await waitForCount(page, /^\d+ събития$/);
      // A word of the newest entry's title: the search finds at least that entry.
      const word = (
        await page.$eval(ENTRY_LINK, (a) => a.textContent.split(/[^\p{L}]+/u).find((w) => w.length >= 5))
      ).toLowerCase();
      const boxes = () =>
        page.evaluate(() => {
          const now = [...document.querySelectorAll('.facet input[type=checkbox]')];
          const same = now.length === window.__boxes?.length && now.every((b, i) => b === window.__boxes[i]);
          window.__boxes = now;
          const years = [...document.querySelectorAll('.facet--year .facet__count')];
          return { same, yearsTotal: years.reduce((sum, c) => sum + Number(c.textContent), 0) };
        });
      await boxes();
      const search = page.locator('#search');
      await search.click();
      await page.evaluate(() => {
        window.__writes = [];
        // The address when the first letter's results are drawn (the app may replace the
        // page's results as it starts: what changes after the keystroke is looked up).
        let typed = false;
        // Not keydown: a letter off the keyboard's layout is put in without one.
        addEventListener('beforeinput', () => (typed = true), { capture: true, once: true });
        const seen = new MutationObserver((changes) => {
          const inResults = changes.some((m) =>
            (m.target.nodeType === 1 ? m.target : m.target.parentElement)?.closest('.timeline-results'),
          );
          if (!typed || !inResults) return;
          window.__addressAtFirstChange = location.search;
          seen.disconnect();
        });
        seen.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      await search.pressSequentially(word, { delay: 20 });
      const found = leadingNumber(await waitForCount(page, /от/));
      await waitForQuery(page, (q) => q.get('q') === word);
      const writes = await page.evaluate(() => window.__writes);
      assert.equal(
        await page.evaluate(() => window.__addressAtFirstChange),
        '',
        "the first letter's results are drawn before the address is written",
      );
      assert.equal(writes[0], 'pushState', 'the search adds a history entry');
      assert.equal(writes.filter((w) => w === 'pushState').length, 1, 'one entry for the search');
      // One write when typing pauses (more only if the machine stalled between two letters).
      assert.ok(
        writes.length < word.length,
        `the address is written when typing pauses, not at each of ${word.length} letters: ${writes}`,
      );
      const after = await boxes();
      assert.ok(after.same, 'the boxes stay the same elements while typing');
      assert.equal(after.yearsTotal, found, "the years' counts are the search's");

      // A result followed before typing pauses: Back comes to the typed search.
      await search.fill('');
      await waitForQuery(page, (q) => !q.has('q'));
      await search.pressSequentially(word, { delay: 20 });
      const foundCount = new RegExp(`^${found} .*от`);
      await waitForCount(page, foundCount);
      const href = await page.locator(ENTRY_LINK).first().getAttribute('href');
      await page.locator(ENTRY_LINK).first().click();
      await page.waitForURL((url) => url.pathname === href, { timeout: APP_TIMEOUT_MS });
      await page.goBack();
      await waitForQuery(page, (q) => q.get('q') === word);
      await waitForCount(page, foundCount);
      assert.equal(await search.inputValue(), word);

      // Back before typing pauses: the letters typed after the entry's stay out of it.
      await search.click();
      await page.keyboard.press('End');
      await page.keyboard.press('Backspace');
      await waitForQuery(page, (q) => q.get('q') === word.slice(0, -1));
      await page.keyboard.press('Backspace');
      await page.goBack();
      await waitForQuery(page, (q) => q.get('q') === word);
      await page.waitForTimeout(800);
      assert.equal(new URL(page.url()).searchParams.get('q'), word, 'the pause wrote nothing into this entry');
      assert.equal(await search.inputValue(), word);
      await waitForCount(page, foundCount);
      // Forward again, after the pause: what was typed over that entry comes back with it.
      await page.goForward();
      await waitForQuery(page, (q) => q.get('q') === word.slice(0, -1));
      await page.waitForFunction((typed) => document.querySelector('#search')?.value === typed, word.slice(0, -2));
      await page.locator('#search').blur();
      await waitForQuery(page, (q) => q.get('q') === word.slice(0, -2));
      await page.goBack();
      await waitForQuery(page, (q) => q.get('q') === word);
      await waitForCount(page, foundCount);
      assertNoProblems(problems, 'typing and the address');
    });
  });

  test('a search that matches nothing shows the empty state, and its offer brings results back', async () => {
    await withPage(env.browser, 'timeline-empty', async ({ page, problems }) => {
      await openTimeline(page);
      const all = await waitForCount(page, /^\d+ събития$/);
      const total = leadingNumber(all);

      await page.locator('#search').fill('квазимодо');
      await waitForQuery(page, (q) => q.get('q') === 'квазимодо');
      await page.locator('.empty-state').waitFor({ timeout: APP_TIMEOUT_MS });
      await waitForCount(page, `0 събития от общо ${total}`);
      assert.equal(await page.locator(ENTRY).count(), 0);
      await axeCheck(page, { label: 'the empty state' });

      const lift = page.locator('.empty-state__lift');
      assert.match(await lift.innerText(), new RegExp(`\\(${total} събития\\)`), 'the offer says what it brings back');
      await lift.click();
      await waitForQuery(page, (q) => !q.has('q'));
      await waitForCount(page, all);
      assert.equal(await page.locator('.empty-state').count(), 0, 'the empty state is gone');
      assert.equal(await page.locator('#search').inputValue(), '');
      assertNoProblems(problems, 'the empty state');
    });
  });

  test('the empty state lifts the filter that brings back the most events', async () => {
    await withPage(env.browser, 'timeline-empty-facets', async ({ page, problems }) => {
      // No event in Písek in 2019: dropping either filter brings some back.
      await openTimeline(page, 'year=2019&city=pisek');
      await page.locator('.empty-state').waitFor({ timeout: APP_TIMEOUT_MS });
      const lift = page.locator('.empty-state__lift');
      const offer = await lift.innerText();
      const promised = Number.parseInt(/\((\d+) събити/.exec(offer)?.[1] ?? 'NaN', 10);
      assert.ok(promised > 0, `the offer names a count: "${offer}"`);
      await lift.click();
      await waitForQuery(page, (q) => q.has('year') !== q.has('city'));
      await waitForCount(page, new RegExp(`^${promised} събити(е|я) от общо`));
      assert.equal(await page.locator(ENTRY).count(), promised, 'the offer kept its promise');
      assertNoProblems(problems, 'lifting a facet from the empty state');
    });
  });

  test('chips remove one filter each and "clear all" removes every one', async () => {
    await withPage(env.browser, 'timeline-chips', async ({ page, problems }) => {
      await openTimeline(page, 'year=2022&city=pisek&q=%D1%81%D1%80%D0%B5%D1%89%D0%B0');
      await waitForCount(page, /^1 събитие от общо/);
      const chips = page.locator('.chip');
      assert.equal(await chips.count(), 3, 'one chip per filter');

      await page.locator('.chip__remove[aria-label*="Година"]').click();
      await waitForQuery(page, (q) => !q.has('year') && q.get('city') === 'pisek' && q.get('q') === 'среща');
      await page.waitForFunction(() => document.querySelectorAll('.chip').length === 2, null, { timeout: APP_TIMEOUT_MS });
      assert.deepEqual(await checkedBoxes(page), ['f-city-pisek']);

      await page.locator('.clear-all').click();
      await waitForQuery(page, (q) => [...q.keys()].length === 0);
      await waitForCount(page, /^\d+ събития$/);
      assert.equal(await chips.count(), 0, 'no chips without filters');
      assert.equal(await page.locator('.clear-all').count(), 0);
      assert.deepEqual(await checkedBoxes(page), []);
      assert.equal(await page.locator('#search').inputValue(), '');
      assertNoProblems(problems, 'chips and clear all');
    });
  });

  test('the sort control reverses the order of the list', async () => {
    await withPage(env.browser, 'timeline-sort', async ({ page, problems }) => {
      await openTimeline(page);
      await waitForCount(page, /^\d+ събития$/);
      const newest = await entryHrefs(page);
      const years = () => page.$$eval('.timeline-year__title', (hs) => hs.map((h) => Number.parseInt(h.textContent, 10)));
      const newestYears = await years();
      assert.deepEqual(newestYears, [...newestYears].sort((a, b) => b - a), 'newest first by default');

      await page.locator('#sort').selectOption('oldest');
      await waitForQuery(page, (q) => q.get('sort') === 'oldest');
      await page.waitForFunction(
        (first) => document.querySelector('.timeline-entry__title a')?.getAttribute('href') !== first,
        newest[0],
        { timeout: APP_TIMEOUT_MS },
      );
      assert.deepEqual(await entryHrefs(page), [...newest].reverse());
      assert.deepEqual(await years(), [...newestYears].reverse());
      assert.equal(await page.locator('#sort').inputValue(), 'oldest');

      await page.locator('#sort').selectOption('newest');
      await waitForQuery(page, (q) => !q.has('sort'));
      await page.waitForFunction(
        (first) => document.querySelector('.timeline-entry__title a')?.getAttribute('href') === first,
        newest[0],
        { timeout: APP_TIMEOUT_MS },
      );
      assertNoProblems(problems, 'sorting');
    });
  });

  test('malformed query parameters are ignored', async () => {
    await withPage(env.browser, 'timeline-malformed-query', async ({ page, problems }) => {
      await openTimeline(page, 'year=abc&type=nope&city=%E0%A4&q=');
      const all = await waitForCount(page, /^\d+ събития$/);
      assert.equal(await page.locator(ENTRY).count(), leadingNumber(all), 'every event is shown');
      assert.deepEqual(await checkedBoxes(page), []);
      assert.equal(await page.locator('.chip').count(), 0);
      assert.equal(await page.locator('.empty-state').count(), 0);
      assert.equal(await page.locator('#search').inputValue(), '');
      assertNoProblems(problems, 'malformed query');
    });
  });

  test('on a 360 px screen the filters fold behind a toggle', async () => {
    await withPage(env.browser, 'timeline-narrow', async ({ page, problems }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await openTimeline(page);
      const toggle = page.locator('.filters__toggle');
      const box = page.locator('#f-city-pisek');
      assert.ok(await toggle.isVisible(), 'the toggle is shown');
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      assert.equal(await box.isVisible(), false, 'the facets are folded away');
      assert.ok(await page.locator('#search').isVisible(), 'the search stays at hand');

      await toggle.click();
      await page.waitForFunction(
        () => document.querySelector('.filters__toggle')?.getAttribute('aria-expanded') === 'true',
        null,
        { timeout: APP_TIMEOUT_MS },
      );
      await box.waitFor({ state: 'visible', timeout: APP_TIMEOUT_MS });
      assert.equal(await toggle.innerText(), 'Скрийте филтрите');
      await axeCheck(page, { label: 'the open filter panel at 360 px' });

      await toggle.click();
      await box.waitFor({ state: 'hidden', timeout: APP_TIMEOUT_MS });
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      assertNoProblems(problems, 'narrow screen');
    });
  });
  test('on a phone, each choice shows its count at the foot of the screen, and one tap leads to the results', async () => {
    await withPage(
      env.browser,
      'timeline-filter-sheet',
      async ({ page, problems }) => {
        await openTimeline(page);
        await page.locator('.filters__toggle').tap();
        const show = page.locator('.filters__show');
        await show.waitFor({ state: 'visible', timeout: APP_TIMEOUT_MS });
        const inView = (locator) =>
          locator.evaluate((el) => {
            const r = el.getBoundingClientRect();
            return r.top >= 0 && r.bottom <= window.innerHeight;
          });
        // A choice in the middle of the panel: the live count is still in sight.
        const box = page.locator('.facet--city input:not([disabled])').first();
        await box.scrollIntoViewIfNeeded();
        await box.tap();
        const count = await waitForCount(page, /от общо/);
        const n = leadingNumber(count);
        await page.waitForFunction(
          (want) => document.querySelector('.filters__show')?.textContent.includes(want),
          `${n} `,
          { timeout: APP_TIMEOUT_MS },
        );
        assert.ok(await inView(show), 'the action is on screen where the choice was made');
        assert.match(await show.innerText(), new RegExp(`^Покажете ${n} събити[ея]$`));

        await show.tap();
        await page.waitForFunction(() => document.activeElement?.id === 'result-count', null, { timeout: APP_TIMEOUT_MS });
        assert.equal(await page.locator('.filters__toggle').getAttribute('aria-expanded'), 'false', 'the panel closed');
        assert.ok(await inView(page.locator(COUNT)), 'the count is in sight');
        assert.equal(await page.locator(ENTRY).count(), n);
        assertNoProblems(problems, 'filter sheet');
      },
      PHONE,
    );
  });

  test('a long facet group folds to its most frequent values and opens by keyboard', async () => {
    await withPage(env.browser, 'timeline-facet-fold', async ({ page, problems }) => {
      await openTimeline(page);
      // The longest group of the shipped data, whichever it is.
      const longest = await page.$$eval('.facet', (groups) =>
        groups
          .map((g) => ({ key: g.className.match(/facet--(\w+)/)[1], more: !!g.querySelector('.facet__more') }))
          .filter((g) => g.more)
          .map((g) => g.key),
      );
      assert.ok(longest.length > 0, 'some group is long enough to fold');
      const group = page.locator(`.facet--${longest[0]}`);
      const more = group.locator('.facet__more');
      const shown = () => group.locator('.facet__option').count();
      assert.equal(await shown(), 6);
      assert.equal(await more.getAttribute('aria-expanded'), 'false');
      const total = Number((await more.innerText()).match(/\((\d+)\)/)[1]);
      assert.ok(total > 8);

      await more.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction((key) => document.querySelectorAll(`.facet--${key} .facet__option`).length > 6, longest[0], {
        timeout: APP_TIMEOUT_MS,
      });
      assert.equal(await shown(), total);
      assert.equal(await more.getAttribute('aria-expanded'), 'true');
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'button button--link facet__more');

      // A value chosen from the folded part stays in sight when the group folds again.
      const last = group.locator('.facet__option input').last();
      const id = await last.getAttribute('id');
      await last.check();
      await waitForQuery(page, (q) => q.size > 0);
      await more.click();
      await page.waitForFunction((key) => document.querySelectorAll(`.facet--${key} .facet__option`).length <= 7, longest[0], {
        timeout: APP_TIMEOUT_MS,
      });
      assert.equal(await shown(), 7);
      assert.equal(await page.locator(`#${id}`).isChecked(), true);
      await axeCheck(page, { label: 'a folded facet group' });
      assertNoProblems(problems, 'facet fold');
    });
  });

  test('on a wide screen the filters stay beside a long list, with the count at their foot', async () => {
    await withPage(env.browser, 'timeline-sticky-filters', async ({ page, problems }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await openTimeline(page);
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
      const box = page.locator('.facet--year input').first();
      await box.scrollIntoViewIfNeeded();
      await box.check();
      const n = leadingNumber(await waitForCount(page, /от общо/));
      const show = page.locator('.filters__show');
      await page.waitForFunction((want) => document.querySelector('.filters__show')?.textContent.includes(want), `${n} `, {
        timeout: APP_TIMEOUT_MS,
      });
      const r = await show.boundingBox();
      assert.ok(r && r.y >= 0 && r.y + r.height <= 800, `the count is on screen: ${JSON.stringify(r)}`);
      await show.click();
      await page.waitForFunction(() => document.activeElement?.id === 'result-count', null, { timeout: APP_TIMEOUT_MS });
      const c = await page.locator(COUNT).boundingBox();
      assert.ok(c.y >= 0 && c.y < 800, 'the results are in sight');
      assertNoProblems(problems, 'sticky filters');
    });
  });

  test('in dark mode, an option that would find nothing stands apart from the live ones', async () => {
    const context = await env.browser.newContext({ locale: 'bg-BG', colorScheme: 'dark' });
    try {
      const page = await context.newPage();
      await page.goto(at('city=pisek'));
      await waitForApp(page);
      const looks = await page.evaluate(() =>
        [...document.querySelectorAll('.facet__option')].map((option) => {
          const count = getComputedStyle(option.querySelector('.facet__count'));
          return {
            empty: option.classList.contains('facet__option--empty'),
            disabled: option.querySelector('input').disabled,
            opacity: Number(getComputedStyle(option).opacity),
            border: count.borderTopStyle,
          };
        }),
      );
      const empty = looks.filter((l) => l.empty);
      const live = looks.filter((l) => !l.empty);
      assert.ok(empty.length > 0 && live.length > 0, 'both kinds are on the page');
      for (const l of empty) {
        assert.ok(l.disabled && l.opacity <= 0.6 && l.border === 'dashed', JSON.stringify(l));
      }
      for (const l of live) assert.ok(!l.disabled && l.opacity === 1, JSON.stringify(l));
      await axeCheck(page, { label: 'filters in dark mode' });
    } finally {
      await context.close();
    }
  });
  test('on a phone, every search result shows why it was found: a marked word, or where on its page', async () => {
    await withPage(
      env.browser,
      'phone-found-in',
      async ({ page }) => {
        let lines = 0;
        for (const [query, lang] of [['q=писек', ''], ['q=pisek', 'en'], ['q=ntnu', ''], ['q=smolyan', 'en']]) {
          await page.goto(new URL(`${lang}?${query}`, env.app.url).href);
          await waitForApp(page);
          const cards = await page.locator(ENTRY).evaluateAll((els) =>
            els.map((el) => ({
              marked: el.querySelector('mark') !== null,
              found: el.querySelector('.timeline-entry__found')?.textContent ?? null,
            })),
          );
          assert.ok(cards.length > 0, `${query} finds something`);
          for (const card of cards) {
            assert.ok(card.marked !== (card.found !== null), `${query}: ${JSON.stringify(card)}`);
          }
          lines += cards.filter((card) => card.found !== null).length;
        }
        assert.ok(lines > 0, 'some results were found off their cards and say so');
        // Písek's meetings name it in their cities: its label is marked there.
        await page.goto(at('q=pisek'));
        await waitForApp(page);
        assert.ok((await page.locator('a.city-label mark').count()) > 0, 'the city label is marked');
        const explained = await page.locator('.timeline-entry__found').allTextContents();
        for (const line of explained) assert.match(line, /^Намерено в: /);
      },
      PHONE,
    );
  });

  test('search knows Bulgarian and English word forms', async () => {
    await withPage(env.browser, 'word-forms', async ({ page, problems }) => {
      const titles = async (query) => {
        await openTimeline(page, `q=${encodeURIComponent(query)}`);
        return page.locator(`${ENTRY} h4`).allInnerTexts();
      };
      const meeting = await titles('среща');
      assert.ok(meeting.length > 0);
      assert.deepEqual(await titles('срещи'), meeting, 'plural finds what the singular finds');
      assert.deepEqual(await titles('срещата'), meeting, 'and the definite form');
      assert.ok((await titles('енергия')).length > 0, '„енергия“ finds the energy events');
      assert.ok((await titles('Годишна среща на консорциума')).some((t) => t.includes('Писек')));
      await openTimeline(page, 'q=срещи');
      assert.ok((await page.locator(`${ENTRY} mark`).count()) > 0, 'the found forms are marked');
      assertNoProblems(problems, 'word forms');
    });
  });

  test('a search that finds nothing offers the nearest words, in the script typed, by keyboard', async () => {
    await withPage(env.browser, 'did-you-mean', async ({ page, problems }) => {
      await openTimeline(page, `q=${encodeURIComponent('Писк')}`);
      const words = page.locator('.empty-state__word');
      assert.deepEqual(await words.allInnerTexts(), ['Писек']);
      await words.first().focus();
      await page.keyboard.press('Enter');
      await waitForQuery(page, (q) => q.get('q') === 'Писек');
      await page.waitForFunction(() => document.activeElement?.id === 'result-count', null, { timeout: APP_TIMEOUT_MS });
      assert.ok((await page.locator(ENTRY).count()) > 0);
      await openTimeline(page, 'q=pisk');
      assert.ok((await words.allInnerTexts()).includes('pisek'));
      await axeCheck(page, { label: 'the empty state with suggestions' });
      assertNoProblems(problems, 'did you mean');
    });
  });

});
