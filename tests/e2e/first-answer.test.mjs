// The first answer: a search typed on the timeline before the app has arrived is answered by
// the loader from the light index (search/), and the app, once it has taken over, shows the
// same events, the same count and the same words marked. The app's wasm is held back until
// the first answer is checked. The queries are taken from the news file the site was
// published from (a word of a title in each language, a word without its last letters, two
// words, a word no event has, a word ending in „ия“), not written here.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { APP_TIMEOUT_MS, DIST_DIR, PHONE, assertNoProblems, axeCheck, holdWasm, useAppAndBrowser, withPage } from './helpers.mjs';

const TITLES = '.timeline-entry__title a';

/** The longest word of a text (letters only), or null. */
function longestWord(text) {
  const words = (text.match(/[\p{L}]+/gu) ?? []).sort((a, b) => b.length - a.length);
  return words[0] ?? null;
}

/**
 * What the timeline shows: the count, the entries' addresses in order, the marked words, the
 * empty state's title and advice, where results were found and the filters' "Show N events".
 */
async function shown(page) {
  return page.evaluate((sel) => ({
    count: document.getElementById('result-count').textContent.trim(),
    links: [...document.querySelectorAll(sel)].map((a) => a.getAttribute('href')),
    marks: [...document.querySelectorAll('.timeline mark')].map((m) => m.textContent),
    empty: [...document.querySelectorAll('.empty-state__title, .empty-state__advice')].map((p) => p.textContent),
    found: [...document.querySelectorAll('.timeline-entry__found')].map((p) => p.textContent),
    show: document.querySelector('.filters__show')?.textContent.trim(),
    // The search's chip over the list, and where the first result stands under it: the same
    // before and after the app takes over, so nothing moves under the visitor's finger.
    chips: [...document.querySelectorAll('.active-filters :is(.chip__label, .chip__remove, .clear-all)')].map(
      (e) => e.getAttribute('aria-label') ?? e.textContent,
    ),
    top: Math.round((document.querySelector(sel)?.getBoundingClientRect().top ?? 0) + window.scrollY),
  }), TITLES);
}

/** Whether the filter panel's counts can be seen (and heard). */
async function countsShown(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.facet__count')].every((c) => getComputedStyle(c).visibility === 'visible'),
  );
}

describe('the first answer, before the app', { timeout: 240_000 }, () => {
  const env = useAppAndBrowser();
  const queries = [];

  before(async () => {
    const news = JSON.parse(await readFile(join(DIST_DIR, 'data', 'news.json'), 'utf8'));
    const events = news.events;
    const bg = longestWord(events[0].title.bg);
    const en = longestWord(events.at(-1).title.en ?? events.at(-1).title.bg);
    const middle = longestWord(events[Math.floor(events.length / 2)].summary.bg);
    assert.ok(bg && en && middle, 'the news file has titles and summaries with words');
    queries.push(
      bg,
      en.toUpperCase(),
      // A stem: the word without its last two letters finds its other forms too.
      middle.slice(0, Math.max(4, middle.length - 2)),
      `${bg} ${en}`,
      'qzxwv',
    );
    // A word ending in „ия“, which has two Latin spellings.
    const ya = events.flatMap((e) => e.summary.bg.match(/[\p{L}]{3,}ия(?![\p{L}])/gu) ?? [])[0];
    if (ya) queries.push(ya);
    // A word of an event's programme or description that its card does not show: the card
    // says where on the page it was found.
    const hidden = events
      .map((e) => {
        const card = `${e.title.bg} ${e.summary.bg}`.toLowerCase();
        const page = [
          ...(e.agenda ?? []).flatMap((day) => day.sessions.flatMap((s) => [s.title?.bg, s.description?.bg])),
          e.body?.bg,
        ];
        return page
          .flatMap((text) => text?.match(/[\p{L}]{7,}/gu) ?? [])
          .find((word) => !card.includes(word.toLowerCase().slice(0, 5)));
      })
      .find(Boolean);
    assert.ok(hidden, 'an event has words on its page that its card does not show');
    queries.push(hidden);
  });

  /**
   * Opens the timeline at `path` with the wasm held back, types `query` into the search field
   * and waits until the count changes; returns what was shown before and the wasm's release.
   */
  async function typeFirst(page, query, { path = '', desktop = false } = {}) {
    const release = await holdWasm(page);
    await page.goto(env.app.url + path);
    const before = await shown(page);
    // A phone's visitor taps; a desktop's clicks.
    await (desktop ? page.locator('#search').click() : page.locator('#search').tap());
    await page.keyboard.type(query, { delay: 30 });
    await page.waitForFunction((initial) => document.getElementById('result-count').textContent.trim() !== initial, before.count, {
      timeout: APP_TIMEOUT_MS,
    });
    return { before, release };
  }

  /** Types `query` with the wasm held back; returns the first answer and the app's. */
  async function answers(page, query, path = '', options = {}) {
    const { before, release } = await typeFirst(page, query, { path, desktop: options.desktop });
    await page.waitForTimeout(300);
    const first = await shown(page);
    // The panel counted the whole archive: its counts wait for the app's.
    assert.equal(await countsShown(page), false, `"${query}": the whole archive's counts are hidden`);
    if (options.axe) await axeCheck(page, { label: `first answer to "${query}"` });
    assert.notEqual(await page.evaluate(() => document.documentElement.dataset.app), 'ready', 'the app was held back');
    release();
    await page.locator('html[data-app="ready"]').waitFor({ state: 'attached', timeout: APP_TIMEOUT_MS });
    await page.waitForFunction(() => new URLSearchParams(location.search).has('q'), null, { timeout: APP_TIMEOUT_MS });
    await page.waitForTimeout(300);
    assert.equal(await countsShown(page), true, `"${query}": the app's counts are shown`);
    return { before, first, app: await shown(page) };
  }

  test('each query is answered before the app, as the app answers it', async () => {
    let saidWhere = 0;
    for (const query of queries) {
      await withPage(env.browser, `first-answer-${query}`, async ({ page, problems }) => {
        const { before, first, app } = await answers(page, query);
        assert.deepEqual(first, app, `"${query}": the first answer is the app's`);
        assert.notEqual(first.count, before.count, `"${query}" narrows the list`);
        saidWhere += first.found.length;
        assertNoProblems(problems, `first answer to "${query}"`);
      }, PHONE);
    }
    assert.ok(saidWhere > 0, 'some result says where on its page it was found');
  });

  test('in English, with English entries, and accessible while it is shown', async () => {
    await withPage(env.browser, 'first-answer-en', async ({ page, problems }) => {
      const { first, app } = await answers(page, queries[1].toLowerCase(), 'en', { axe: true, desktop: true });
      assert.deepEqual(first, app);
      assert.ok(first.links.length > 0 && first.links.every((href) => href.startsWith('/en/events/')), first.links.join(' '));
      assert.match(first.count, / of /);
      assertNoProblems(problems, 'first answer in English');
    });
  });

  test('a letter typed on keeps the cards still shown and marks them as a fresh answer does', async () => {
    const most = JSON.parse(await readFile(join(DIST_DIR, 'search', 'meta.json'), 'utf8')).page;
    const word = queries[0];
    const start = Array.from(word).slice(0, -1).join('');
    assert.ok(Array.from(start).length >= 3, `"${word}" has four letters or more`);
    // The answer to `q`, whole: its chip, and as many cards as the count says (a page at most).
    const settled = (page, q) =>
      page.waitForFunction(
        ([text, page]) => {
          const chip = document.querySelector('.chip__label')?.textContent ?? '';
          const count = parseInt(document.getElementById('result-count').textContent, 10);
          return chip.includes(`\u2068${text}\u2069`) && document.querySelectorAll('.timeline-month__item').length === Math.min(count, page);
        },
        [q, most],
        { timeout: APP_TIMEOUT_MS },
      );
    // The whole word in one go, so that nothing was drawn before it, on a page of its own.
    let fresh;
    await withPage(env.browser, 'first-answer-fresh', async ({ page, problems }) => {
      await holdWasm(page);
      await page.goto(env.app.url);
      await page.locator('#search').fill(word);
      await settled(page, word);
      fresh = await shown(page);
      assertNoProblems(problems, 'a word in one go');
    });
    await withPage(env.browser, 'first-answer-typed-on', async ({ page, problems }) => {
      await typeFirst(page, start, { desktop: true });
      await settled(page, start);
      const begun = await shown(page);
      // Each card drawn for the start, tagged: the node itself, not a copy, must stay.
      await page.evaluate(() => document.querySelectorAll('.timeline-month__item').forEach((item) => (item.dataset.kept = '')));
      await page.keyboard.type(word.slice(start.length));
      await settled(page, word);
      assert.deepEqual(await shown(page), fresh, 'the letter typed on draws what the whole word does');
      const cards = await page.evaluate(() =>
        [...document.querySelectorAll('.timeline-month__item')].map((item) => [item.querySelector('.timeline-entry__title a').getAttribute('href'), 'kept' in item.dataset]),
      );
      for (const [href, kept] of cards) assert.equal(kept, begun.links.includes(href), `${href}: kept only if it was shown before`);
      assert.ok(cards.some(([, kept]) => kept), 'some card was kept');
      // And back: the start's answer again, its marks as they were.
      await page.keyboard.press('Backspace');
      await settled(page, start);
      assert.deepEqual(await shown(page), begun);
      assertNoProblems(problems, 'a letter typed on');
    });
  });

  test('a tap on a result opens it at once, and a short word dims the list as still narrowing', async () => {
    await withPage(env.browser, 'first-answer-tap', async ({ page, problems }) => {
      await typeFirst(page, queries[0]);
      const answer = await shown(page);
      // One more word of one letter: the list stays the first word's, marked as narrowing.
      await page.keyboard.type(' x', { delay: 30 });
      await page.waitForFunction(() => document.documentElement.classList.contains('app-filtering'));
      // Where each result was found is not said while a word is that short (nor by the app).
      const narrowing = await shown(page);
      assert.deepEqual(narrowing.found, []);
      // (The chip says the whole query, short word and all, as the app's does.)
      assert.deepEqual({ ...narrowing, found: null, chips: null }, { ...answer, found: null, chips: null });
      assert.match(narrowing.chips[0], / x\u2069“$/);
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await page.waitForFunction(() => !document.documentElement.classList.contains('app-filtering'));
      // The tap blurs the field: the list must not be drawn again under the finger.
      await page.locator(TITLES).first().tap();
      await page.waitForURL((url) => url.pathname === answer.links[0], { timeout: APP_TIMEOUT_MS });
      // Back, the app still on its way: the search came along in the address, and is answered
      // again before the app.
      await page.goBack();
      await page.waitForFunction(
        (q) => new URLSearchParams(location.search).get('q') === q && document.getElementById('search')?.value === q,
        queries[0],
        { timeout: APP_TIMEOUT_MS },
      );
      await page.waitForFunction((count) => document.getElementById('result-count').textContent.trim() === count, answer.count, {
        timeout: APP_TIMEOUT_MS,
      });
      assert.deepEqual((await shown(page)).links, answer.links);
      assertNoProblems(problems, 'tap on a first answer');
    }, PHONE);
  });

  test("on a slow line, a word's answer shows while the next word's is on its way", async () => {
    // The second word is one whose index file the first did not fetch (the files are chosen
    // by the words' letters): taken from the other titles until one is.
    const news = JSON.parse(await readFile(join(DIST_DIR, 'data', 'news.json'), 'utf8'));
    const first = queries[0];
    const seconds = news.events.map((e) => longestWord(e.title.bg)).filter((w) => w && w.length >= 4 && w !== first);
    let tried = 0;
    for (const second of seconds.slice(0, 8)) {
      tried += 1;
      const done = await withPage(env.browser, `first-answer-progressive-${tried}`, async ({ page, problems }) => {
        await holdWasm(page);
        // Entries wait until let go; so does an index file asked for after the first word.
        const entries = [];
        const index = [];
        let holdIndex = false;
        await page.route('**/search/*/*.txt', (route) => entries.push(route));
        await page.route(/\/search\/[^/]+\.txt$/, (route) => (holdIndex ? index.push(route) : route.continue()));
        await page.goto(env.app.url);
        // The queries the search's chip names, in the order they are shown.
        await page.evaluate(() => {
          window.chipsShown = [];
          new MutationObserver(() => {
            const label = document.querySelector('.active-filters .chip__label')?.textContent;
            if (label && label !== window.chipsShown.at(-1)) window.chipsShown.push(label);
          }).observe(document.body, { childList: true, subtree: true, characterData: true });
        });
        await page.locator('#search').click();
        await page.keyboard.type(first, { delay: 30 });
        for (let i = 0; i < 50 && entries.length === 0; i += 1) await page.waitForTimeout(50);
        assert.ok(entries.length > 0, "the first word's entries were asked for");
        holdIndex = true;
        await page.keyboard.type(` ${second}`, { delay: 30 });
        await page.waitForTimeout(500);
        const release = (routes) => routes.splice(0).forEach((route) => route.continue().catch(() => {}));
        if (index.length === 0) {
          // Both words in one file: nothing to wait for. Another word.
          release(entries);
          return false;
        }
        release(entries);
        await page.waitForFunction(() => window.chipsShown.length > 0, null, { timeout: APP_TIMEOUT_MS });
        const early = await page.evaluate(() => window.chipsShown[0]);
        assert.ok(early.includes(first) && !early.includes(second), early);
        release(index);
        await page.waitForFunction((w) => window.chipsShown.some((label) => label.includes(w)), second, { timeout: APP_TIMEOUT_MS });
        release(entries);
        assertNoProblems(problems, 'first answer on a slow line');
        return true;
      });
      if (done) return;
    }
    assert.fail(`no title word of the ${tried} tried has an index file of its own`);
  });

  test('a box ticked before the app brings the whole list back for the app to narrow', async () => {
    await withPage(env.browser, 'first-answer-withdrawn', async ({ page, problems }) => {
      const { before } = await typeFirst(page, queries[0], { desktop: true });
      await page.locator('.facet__option input').first().check();
      await page.waitForFunction((initial) => document.getElementById('result-count').textContent.trim() === initial, before.count);
      assert.deepEqual(await shown(page), before);
      assert.ok(await page.evaluate(() => document.documentElement.classList.contains('app-filtering')), 'marked as being narrowed');
      assertNoProblems(problems, 'box ticked over a first answer');
    });
  });

  test('emptying the field brings the whole list back before the app', async () => {
    await withPage(env.browser, 'first-answer-emptied', async ({ page, problems }) => {
      const { before } = await typeFirst(page, queries[0]);
      assert.equal(await countsShown(page), false);
      await page.locator('#search').fill('');
      await page.waitForFunction((initial) => document.getElementById('result-count').textContent.trim() === initial, before.count);
      assert.deepEqual(await shown(page), before);
      assert.equal(await countsShown(page), true, "the whole list has the whole archive's counts");
      assertNoProblems(problems, 'emptied search');
    }, PHONE);
  });

  test('an address is read as the app reads it, and the app adds no step of its own', async () => {
    const [first, second] = [queries[0], longestWord(queries[1])];
    const encode = (text) => encodeURIComponent(text);
    // The last of two searches; an escape that is not UTF-8 (left out); "+" for a space.
    const cases = [
      [`?q=${encode(first)}&q=${encode(second)}`, second],
      ['?q=%E0%A4%A', ''],
      [`?q=${encode(first)}+${encode(second)}`, `${first} ${second}`],
    ];
    for (const [address, field] of cases) {
      await withPage(env.browser, 'first-answer-address', async ({ page, problems }) => {
        const release = await holdWasm(page);
        await page.goto(env.app.url + address);
        // The first answer's, if any.
        await page.waitForTimeout(800);
        const steps = await page.evaluate(() => history.length);
        assert.equal(await page.locator('#search').inputValue(), field, `${address}: the field before the app`);
        const before = await shown(page);
        release();
        await page.locator('html[data-app="ready"]').waitFor({ state: 'attached', timeout: APP_TIMEOUT_MS });
        await page.waitForTimeout(800);
        assert.equal(await page.locator('#search').inputValue(), field, `${address}: the field in the app`);
        assert.equal(await page.evaluate(() => history.length), steps, `${address}: no step added`);
        assert.equal(await page.evaluate(() => location.search), address, `${address}: the address as it was`);
        if (field) assert.deepEqual((await shown(page)).links, before.links, `${address}: the same events`);
        assertNoProblems(problems, `address ${address}`);
      }, PHONE);
    }
  });

  test('a long search typed before the app is kept to what the app reads, in the field and the address', async () => {
    await withPage(env.browser, 'first-answer-long', async ({ page, problems }) => {
      const { maxQuery } = JSON.parse(await readFile(join(DIST_DIR, 'search', 'meta.json'), 'utf8'));
      const release = await holdWasm(page);
      await page.goto(env.app.url);
      await page.locator('#search').tap();
      const typed = `${queries[0]} `.repeat(Math.ceil((maxQuery + 40) / (queries[0].length + 1)));
      await page.keyboard.insertText(typed);
      await page.keyboard.type('ab', { delay: 30 });
      await page.waitForFunction(() => new URLSearchParams(location.search).has('q'), null, { timeout: APP_TIMEOUT_MS });
      const written = await page.evaluate(() => new URLSearchParams(location.search).get('q'));
      assert.equal([...written].length, maxQuery, 'the address holds what the app reads of it');
      release();
      await page.locator('html[data-app="ready"]').waitFor({ state: 'attached', timeout: APP_TIMEOUT_MS });
      await page.waitForTimeout(800);
      // The field takes no more than the search reads: what it shows is what is searched.
      assert.equal(await page.locator('#search').inputValue(), typed.slice(0, maxQuery), 'the field keeps what the search reads');
      assertNoProblems(problems, 'long search before the app');
    }, PHONE);
  });

  test('punctuation alone typed before the app is no search: no address, no step, before the app or in it', async () => {
    await withPage(env.browser, 'first-answer-punctuation', async ({ page, problems }) => {
      const release = await holdWasm(page);
      await page.goto(env.app.url);
      const landed = await page.evaluate(() => history.length);
      await page.locator('#search').tap();
      // A combining accent is no letter either.
      await page.keyboard.type('!! \u2014 \u0301', { delay: 30 });
      // Past the pause after which a search goes into the address.
      await page.waitForTimeout(1200);
      assert.equal(await page.evaluate(() => location.search), '', 'no search in the address');
      assert.equal(await page.evaluate(() => history.length), landed, 'no step');
      release();
      await page.locator('html[data-app="ready"]').waitFor({ state: 'attached', timeout: APP_TIMEOUT_MS });
      await page.waitForTimeout(1200);
      assert.equal(await page.evaluate(() => location.search), '', 'the app writes none either');
      assert.equal(await page.evaluate(() => history.length), landed, 'nor a step');
      // A digit is a search.
      await page.keyboard.type('7', { delay: 30 });
      await page.waitForFunction(() => new URLSearchParams(location.search).has('q'), null, { timeout: APP_TIMEOUT_MS });
      assertNoProblems(problems, 'punctuation before the app');
    }, PHONE);
  });

  test('a search begun before the app and typed on in it is one step of the history', async () => {
    await withPage(env.browser, 'first-answer-history', async ({ page, problems }) => {
      // Two words, the second one's first letter typed before the app and the rest in it.
      const [first, second] = [queries[0], longestWord(queries[1])];
      const typed = `${first} ${second.slice(0, 1)}`;
      const release = await holdWasm(page);
      await page.goto(env.app.url);
      const landed = await page.evaluate(() => history.length);
      const before = (await page.locator('#result-count').innerText()).trim();
      await page.locator('#search').tap();
      await page.keyboard.type(typed, { delay: 30 });
      // Typing paused: the loader wrote the search into the address as the app writes it (a
      // space as %20; only letters, digits and -._~ as they are), in a step of its own.
      const encoded = [...new TextEncoder().encode(typed)]
        .map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
        .join('');
      await page.waitForFunction((q) => location.search === q, `?q=${encoded}`, { timeout: APP_TIMEOUT_MS });
      assert.equal(await page.evaluate(() => history.length), landed + 1, 'the search is a step of its own');
      release();
      await page.locator('html[data-app="ready"]').waitFor({ state: 'attached', timeout: APP_TIMEOUT_MS });
      assert.equal(await page.locator('#search').inputValue(), typed);
      await page.keyboard.type(second.slice(1), { delay: 30 });
      await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, `${first} ${second}`, { timeout: APP_TIMEOUT_MS });
      assert.equal(await page.evaluate(() => history.length), landed + 1, 'the app wrote the search over its step');
      // One Back leaves the search.
      await page.goBack();
      await page.waitForFunction(
        (initial) => !location.search && document.getElementById('result-count').textContent.trim() === initial,
        before,
        { timeout: APP_TIMEOUT_MS },
      );
      assert.equal(await page.locator('#search').inputValue(), '');
      assertNoProblems(problems, 'search begun before the app');
    }, PHONE);
  });

  test('a search typed on before the app after the window left and came back is still one step', async () => {
    await withPage(env.browser, 'first-answer-window-blur', async ({ page, problems }) => {
      const word = longestWord(queries[0]);
      const release = await holdWasm(page);
      await page.goto(env.app.url);
      const landed = await page.evaluate(() => history.length);
      await page.locator('#search').tap();
      await page.keyboard.type(word.slice(0, 2), { delay: 30 });
      // The window leaves (another app, another tab) and the field keeps its focus; a browser
      // may send it a change then, as when the field itself is left.
      await page.evaluate(() => document.getElementById('search').dispatchEvent(new Event('change', { bubbles: true })));
      const inAddress = (q) =>
        page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, q, { timeout: APP_TIMEOUT_MS });
      await inAddress(word.slice(0, 2));
      await page.keyboard.type(word.slice(2), { delay: 30 });
      await inAddress(word);
      assert.equal(await page.evaluate(() => history.length), landed + 1, 'one step for the search');
      // The search sent (Enter, the field keeping its focus) ends it: what is typed next is a
      // step of its own.
      await page.keyboard.press('Enter');
      await page.keyboard.press('Backspace');
      await inAddress(word.slice(0, -1));
      assert.equal(await page.evaluate(() => history.length), landed + 2, 'a step of its own after Enter');
      release();
      assertNoProblems(problems, 'a window left before the app');
    }, PHONE);
  });
});

// A large archive: publishing marks its pages `data-start="search"` (src/prerender.rs; a
// native test checks when), and the first answer is then the search. Here the timeline's
// pages are served with that mark, so the loader is tested on its own.
describe('a large archive, where the first answer is the search', { timeout: 240_000 }, () => {
  const env = useAppAndBrowser();
  let word;

  before(async () => {
    const news = JSON.parse(await readFile(join(DIST_DIR, 'data', 'news.json'), 'utf8'));
    word = longestWord(news.events[0].title.bg);
    assert.ok(word && word.length >= 3, 'the first title has a word of three letters or more');
  });

  /** Opens the marked timeline at `path`; counts the requests for the app's files. */
  async function openLarge(page, path = '') {
    const asked = { app: 0, answer: 0 };
    page.on('request', (request) => {
      const url = request.url();
      if (/\.wasm$|\/data\/news\.json$/.test(url)) asked.app += 1;
      if (/\/first-answer-[0-9a-f]+\.js$/.test(url)) asked.answer += 1;
    });
    await page.route(
      (url) => url.pathname === '/' || url.pathname === '/en',
      async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace('<html', '<html data-start="search"');
        await route.fulfill({ response, body });
      },
    );
    await page.goto(env.app.url + path);
    return asked;
  }
  const appState = (page) => page.evaluate(() => document.documentElement.dataset.app ?? null);

  test('typing is answered without the app, which comes once typing pauses on a short word', async () => {
    await withPage(env.browser, 'large-typing', async ({ page, problems }) => {
      const asked = await openLarge(page);
      // Idle, the page fetches the first answer, not the app's 260 KB and the archive.
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /first-answer-/.test(e.name)), null, {
        timeout: APP_TIMEOUT_MS,
      });
      const before = (await page.locator('#result-count').innerText()).trim();
      await page.locator('#search').tap();
      await page.keyboard.type(word, { delay: 30 });
      await page.waitForFunction((initial) => document.getElementById('result-count').textContent.trim() !== initial, before);
      // Typing paused: the search is in the address, and the app was not asked for.
      await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, word, { timeout: APP_TIMEOUT_MS });
      await page.waitForTimeout(700);
      assert.equal(asked.app, 0, "the app's files were not fetched");
      assert.equal(asked.answer, 1);
      assert.equal(await appState(page), null, 'the app was not started');
      assert.ok(!(await page.evaluate(() => document.documentElement.classList.contains('app-filtering'))), 'the answer is whole');
      const answer = (await page.locator('#result-count').innerText()).trim();
      // The search is a history step of its own: Back shows the whole list, Forward the
      // search again, both without the app.
      await page.goBack();
      await page.waitForFunction(
        (initial) => !location.search && document.getElementById('search').value === '' && document.getElementById('result-count').textContent.trim() === initial,
        before,
        { timeout: APP_TIMEOUT_MS },
      );
      await page.goForward();
      await page.waitForFunction(
        ([q, count]) => document.getElementById('search').value === q && document.getElementById('result-count').textContent.trim() === count,
        [word, answer],
        { timeout: APP_TIMEOUT_MS },
      );
      assert.equal(asked.app, 0, "Back and Forward fetched none of the app's files");
      assert.equal(await appState(page), null);
      // A word of one letter more: the first answer cannot narrow by it, the app can.
      await page.locator('#search').tap();
      await page.keyboard.press('End');
      await page.keyboard.type(' x', { delay: 30 });
      await page.locator('html[data-app="ready"]').waitFor({ state: 'attached', timeout: APP_TIMEOUT_MS });
      assert.equal(await page.locator('#search').inputValue(), `${word} x`);
      await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, `${word} x`, { timeout: APP_TIMEOUT_MS });
      assert.notEqual((await page.locator('#result-count').innerText()).trim(), '');
      assert.ok(answer.length > 0);
      assertNoProblems(problems, 'large archive, typing');
    }, PHONE);
  });

  test('a search in the address is answered without the app, and one that finds nothing brings it', async () => {
    await withPage(env.browser, 'large-address', async ({ page, problems }) => {
      const asked = await openLarge(page, `?q=${encodeURIComponent(word)}`);
      await page.waitForFunction(
        (q) => document.getElementById('search')?.value === q && !document.documentElement.classList.contains('app-filtering'),
        word,
        { timeout: APP_TIMEOUT_MS },
      );
      await page.waitForTimeout(700);
      assert.equal(asked.app, 0, "the app's files were not fetched");
      assert.equal(await appState(page), null);
      assert.equal(await page.locator('#app-status').textContent(), '', 'nothing says the page is waiting');
      // Nothing found: the app comes with its offers of near words. The address stays as it
      // was given ("+" for a space), and a search typed on in the app gets a step of its own:
      // Back returns to the address given.
      await page.goto(`${env.app.url}?q=qzxwv+abc`);
      const steps = await page.evaluate(() => history.length);
      await page.locator('html[data-app="ready"]').waitFor({ state: 'attached', timeout: APP_TIMEOUT_MS });
      await page.locator('.empty-state').waitFor({ state: 'visible', timeout: APP_TIMEOUT_MS });
      await page.waitForTimeout(700);
      assert.equal(await page.evaluate(() => location.search), '?q=qzxwv+abc');
      await page.locator('#search').click();
      await page.keyboard.press('End');
      await page.keyboard.type('d', { delay: 30 });
      await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'qzxwv abcd', null, { timeout: APP_TIMEOUT_MS });
      assert.equal(await page.evaluate(() => history.length), steps + 1, 'a step of its own');
      await page.goBack();
      await page.waitForFunction(() => location.search === '?q=qzxwv+abc', null, { timeout: APP_TIMEOUT_MS });
      assertNoProblems(problems, 'large archive, address');
    });
  });

  test('the search form alone does not start the app, another control does', async () => {
    await withPage(env.browser, 'large-controls', async ({ page, problems }) => {
      const asked = await openLarge(page);
      // The pointer crosses the panel's heading and margin on its way to the field.
      const panel = await page.locator('.filters').boundingBox();
      await page.mouse.move(panel.x + 2, panel.y + 2);
      await page.locator('.filters__title').hover();
      await page.locator('#search').hover();
      await page.locator('#search').focus();
      await page.locator('.search__submit').hover();
      await page.waitForTimeout(500);
      assert.equal(await appState(page), null, 'the search form did not start the app');
      await page.locator('.facet__option input').first().check();
      await page.locator('html[data-app="ready"]').waitFor({ state: 'attached', timeout: APP_TIMEOUT_MS });
      assert.ok(asked.app > 0);
      assert.ok(await page.locator('.facet__option input').first().isChecked(), 'the box ticked before the app stays ticked');
      assertNoProblems(problems, 'large archive, controls');
    });
  });
});
