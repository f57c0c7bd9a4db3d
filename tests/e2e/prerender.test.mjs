// Prerendered pages and the loader (src/boot.js): a visitor who only reads gets plain HTML and
// never downloads the app; without JavaScript every page still reads; the app, once started,
// draws the very same page; what the visitor did before it arrived carries over; and when it
// cannot arrive, the page stays and says so.

import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  APP_TIMEOUT_MS,
  DIST_DIR,
  PHONE,
  assertNoProblems,
  axeCheck,
  emulateConnection,
  collectProblems,
  holdWasm,
  useAppAndBrowser,
  waitForApp,
  withPage,
} from './helpers.mjs';
import { bootScript, inlineStyles, pageTemplate, withCspMeta } from '../../scripts/post-build.mjs';

const ENTRY = 'article.timeline-entry';
const SLUG = 'consortium-meeting-pisek-2022';
const TITLE_EN = 'Annual +CityxChange consortium meeting in Písek';
const READY = 'html[data-app="ready"]';
const APP_FILES = /\.wasm$|\/project-news-[0-9a-f]+\.js$|\/data\/news\.json$/;
const ANSWER_FILES = /\/first-answer-[0-9a-f]+\.js$|\/search\/meta\.json$/;

describe('prerendered pages', { timeout: 180_000 }, () => {
  const env = useAppAndBrowser();
  const at = (path) => new URL(path.replace(/^\//, ''), env.app.url).href;

  /**
   * Opens `path` with the wasm held back, runs `before` on the prerendered page (the app is
   * on its way but not there), then lets the wasm through and waits until the app is ready.
   */
  async function beforeTheApp(page, path, before) {
    const release = await holdWasm(page);
    await page.goto(at(path));
    await before();
    release();
    await page.locator(READY).waitFor({ state: 'attached', timeout: APP_TIMEOUT_MS });
  }


  test('a visitor who only reads never runs the app; its files come only once the page is idle', async () => {
    await withPage(env.browser, 'prerender-read-only', async ({ page, problems }) => {
      const requests = [];
      page.on('request', (r) => requests.push({ url: r.url(), at: Date.now() }));
      let loaded = 0;
      page.on('load', () => {
        loaded = Date.now();
      });
      await page.goto(env.app.url, { waitUntil: 'load' });
      assert.equal(await page.locator(ENTRY).count(), 24, 'every event is in the HTML');
      await page.mouse.wheel(0, 1500);
      await page.locator(`${ENTRY} a`).first().hover();
      // The idle prefetch: the three files, fetched after the page's load, never run.
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('.wasm') && r.responseEnd > 0), null, {
        timeout: APP_TIMEOUT_MS,
      });
      const fetched = requests.filter((r) => APP_FILES.test(r.url));
      assert.equal(fetched.length, 3, fetched.map((r) => r.url).join(', '));
      assert.ok(fetched.every((r) => r.at >= loaded), 'nothing of the app before the page has loaded');
      // Before them, the first answer to a search (its module and tables): the small files
      // first, so that they do not wait behind the wasm.
      const answer = requests.filter((r) => ANSWER_FILES.test(r.url));
      assert.equal(answer.length, 2, answer.map((r) => r.url).join(', '));
      assert.ok(answer.every((r) => r.at >= loaded && r.at <= Math.min(...fetched.map((f) => f.at))), 'the first answer first');
      await page.waitForTimeout(300);
      assert.equal(await page.locator('html').getAttribute('data-app'), null, 'the app did not start');
      await axeCheck(page, { label: 'the prerendered timeline' });

      const onTimeline = requests.length;
      await page.locator(`${ENTRY} a[href$="/events/${SLUG}"]`).first().click();
      await page.waitForURL((url) => url.pathname === `/events/${SLUG}`);
      assert.match(await page.locator('main h1').innerText(), /Писек/);
      assert.equal(await page.locator('html').getAttribute('data-app'), null, 'a link is a plain page load');
      // Nothing on an event page needs the app: it is not fetched there, idle or not.
      await page.waitForLoadState('load');
      await page.waitForTimeout(1500);
      const onEvent = requests.slice(onTimeline).filter((r) => APP_FILES.test(r.url) || ANSWER_FILES.test(r.url));
      assert.deepEqual(onEvent.map((r) => r.url), []);
      await axeCheck(page, { label: 'the prerendered event page' });
      assertNoProblems(problems, 'reading without the app');
    });
  });

  for (const [what, connection] of [
    ['asks to save data', { saveData: true }],
    ['is on a 3G connection', { effectiveType: '3g' }],
  ]) {
    test(`a reader whose browser ${what} downloads neither the app nor the news file`, async () => {
      await withPage(env.browser, `prerender-read-only-${connection.effectiveType ?? 'save-data'}`, async ({ page, problems }) => {
        await emulateConnection(page, connection);
        const requests = [];
        page.on('request', (r) => requests.push(r.url()));
        await page.goto(env.app.url, { waitUntil: 'load' });
        await page.mouse.wheel(0, 1500);
        await page.waitForTimeout(1500);
        assert.deepEqual(requests.filter((u) => APP_FILES.test(u)), [], 'no app files were fetched');
        // The first use still starts it, and it answers.
        await waitForApp(page);
        assert.equal(requests.filter((u) => APP_FILES.test(u)).length, 3);
        assertNoProblems(problems, `reading, ${what}`);
      });
    });
  }

  test('without JavaScript the timeline and the event pages read, the filters are not offered', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false, locale: 'bg-BG' });
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      await page.goto(env.app.url);
      assert.equal(await page.locator(ENTRY).count(), 24);
      assert.equal(await page.locator('.filters').isVisible(), false, 'filters need the app');
      assert.match(await page.locator('.noscript[lang="bg"]').innerText(), /Търсенето и филтрите работят с JavaScript/);
      assert.equal(await page.locator('.noscript[lang="en"]').isVisible(), false, 'one language at a time');

      // The skip link names its own page: without a script, "#main" alone would resolve
      // against <base href> and open the timeline.
      await page.goto(at(`/en/events/${SLUG}`));
      assert.equal(await page.locator('.skip-link').getAttribute('href'), `/en/events/${SLUG}#main`);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.hash === '#main');
      assert.equal(new URL(page.url()).pathname, `/en/events/${SLUG}`, 'still the same page');

      // An unknown English address gets the English not-found page.
      const missing = await page.goto(at('/en/no-such-page'));
      assert.equal(missing?.status(), 404);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.equal((await page.locator('main h1').innerText()).trim(), 'Page not found');
      // An address with a broken escape: refused, with the not-found page all the same.
      const broken = await page.goto(at('/en/events/%ZZ'));
      assert.equal(broken?.status(), 400);
      assert.equal((await page.locator('main h1').innerText()).trim(), 'Page not found');

      await page.goto(at(`/events/${SLUG}`));
      await page.locator('.lang-switch').click();
      await page.waitForURL((url) => url.pathname === `/en/events/${SLUG}`);
      assert.equal((await page.locator('main h1').innerText()).trim(), TITLE_EN);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      for (const section of ['.event__facts', '.city-map__svg', '.agenda__session']) {
        assert.ok(await page.locator(section).first().isVisible(), `${section} is there`);
      }
      assertNoProblems(problems, 'pages without JavaScript', { allowNotFound: true });
    } finally {
      await context.close();
    }
  });

  for (const path of ['/', '/en', `/events/${SLUG}`, `/en/events/${SLUG}`, '/accessibility']) {
    test(`the app draws ${path} element for element as the prerendered HTML has it`, async () => {
      await withPage(env.browser, `prerender-same-${path}`, async ({ page, problems }) => {
        await page.goto(at(path));
        // The DOM, not only its text: every element with all its attributes (lang, href,
        // aria-*, class …) and the text in it, for the page's regions and its head tags.
        // Comments (the renderers' markers) are left out, neighbouring text nodes read as
        // one, and whitespace runs as one space.
        const snapshot = () =>
          page.evaluate(() => {
            const tree = (element) => {
              const attrs = [...element.attributes].map((a) => `${a.name}=${a.value}`).sort();
              const children = [];
              let text = '';
              const flush = () => {
                if (text.trim()) children.push(text.replace(/\s+/g, ' '));
                text = '';
              };
              for (const node of element.childNodes) {
                if (node.nodeType === Node.TEXT_NODE) text += node.data;
                else if (node.nodeType === Node.ELEMENT_NODE) {
                  flush();
                  children.push(tree(node));
                }
              }
              flush();
              return [element.localName, attrs, children];
            };
            const head = [...document.head.querySelectorAll('title, meta, link, script[type="application/ld+json"]')]
              .filter((el) => el.localName !== 'link' || !['preload', 'modulepreload', 'stylesheet'].includes(el.rel))
              .map(tree)
              .map((t) => JSON.stringify(t))
              .sort();
            return {
              lang: document.documentElement.lang,
              head,
              header: tree(document.querySelector('header')),
              main: tree(document.querySelector('main')),
              footer: tree(document.querySelector('footer')),
            };
          });
        const before = await snapshot();
        await waitForApp(page);
        const after = await snapshot();
        assert.deepEqual(after, before);
        assert.equal(await page.locator('main').count(), 1, 'one page, not two');
        assert.equal(await page.locator('meta[name="description"]').count(), 1, 'one set of head tags');
        assertNoProblems(problems, `${path} prerendered and live`);
      });
    });
  }

  test('taking over keeps the scroll position and moves nothing on screen', async () => {
    await withPage(env.browser, 'prerender-scroll', async ({ page, problems }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(env.app.url);
      await page.evaluate(() => window.scrollTo(0, 2000));
      const box = async () => (await page.locator(`${ENTRY} .timeline-entry__title`).nth(6).boundingBox())?.y;
      const before = await box();
      await waitForApp(page);
      assert.equal(await page.evaluate(() => window.scrollY), 2000);
      assert.equal(await box(), before, 'the same entry at the same place');
      const shift = await page.evaluate(
        () =>
          new Promise((resolve) => {
            let total = 0;
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries()) total += entry.value;
            }).observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => resolve(total), 100);
          }),
      );
      assert.equal(shift, 0, 'no layout shift');
      assertNoProblems(problems, 'scroll kept');
    });
  });

  test('text typed before the app arrives is searched for, with the focus kept', async () => {
    await withPage(env.browser, 'prerender-typing', async ({ page, problems }) => {
      await beforeTheApp(page, '/', async () => {
        await page.locator('#search').click();
        await page.keyboard.type('pisek');
        assert.equal(await page.locator('html').getAttribute('data-app'), 'starting');
      });
      await page.waitForURL((url) => url.searchParams.get('q') === 'pisek', { timeout: APP_TIMEOUT_MS });
      assert.equal(await page.locator('#search').inputValue(), 'pisek');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'search');
      const count = await page.locator(ENTRY).count();
      assert.ok(count > 0 && count < 24, `the search narrowed the list (${count})`);
      await page.keyboard.type('x');
      assert.equal(await page.locator('#search').inputValue(), 'pisekx', 'typing goes on in the same field');
      assertNoProblems(problems, 'typing before the app');
    });
  });

  test('a box ticked before the app arrives takes effect', async () => {
    await withPage(env.browser, 'prerender-tick', async ({ page, problems }) => {
      await beforeTheApp(page, '/', async () => {
        await page.locator('label[for="f-city-pisek"]').click();
      });
      await page.waitForURL((url) => url.searchParams.get('city') === 'pisek', { timeout: APP_TIMEOUT_MS });
      assert.equal(await page.locator('#f-city-pisek').isChecked(), true);
      assertNoProblems(problems, 'a box ticked before the app');
    });
  });

  test('the focus carries over by key: a facet box, and a link by its address', async () => {
    await withPage(env.browser, 'prerender-focus-key', async ({ page, problems }) => {
      await beforeTheApp(page, '/', async () => {
        await page.locator('#f-city-pisek').focus();
        assert.equal(await page.locator('html').getAttribute('data-app'), 'starting');
      });
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-city-pisek');
      assert.equal(await page.locator('#f-city-pisek').isChecked(), false, 'focus alone ticks nothing');

      await page.goto(env.app.url);
      const link = page.locator(`${ENTRY} a[href$="/events/${SLUG}"]`).first();
      await link.focus();
      await waitForApp(page);
      assert.equal(
        await page.evaluate(() => document.activeElement?.getAttribute('href')),
        await link.getAttribute('href'),
        'the same link has the focus in the app',
      );
      assertNoProblems(problems, 'focus by key');
    });
  });

  test('on a phone, "show filters" pressed before the app arrives opens them', async () => {
    await withPage(env.browser, 'prerender-toggle', async ({ page, problems }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await beforeTheApp(page, '/', async () => {
        await page.locator('.filters__toggle').click();
        // A sign of life at once, while the app is on its way: the filters open, the button
        // says it is busy.
        assert.ok(await page.locator('label[for="f-city-pisek"]').isVisible(), 'open before the app');
        assert.equal(await page.locator('.filters__toggle').getAttribute('aria-busy'), 'true');
      });
      assert.equal(await page.locator('.filters__toggle').getAttribute('aria-busy'), null, 'not busy in the app');
      await page.waitForFunction(() => document.querySelector('.filters__toggle')?.getAttribute('aria-expanded') === 'true');
      assert.ok(await page.locator('label[for="f-city-pisek"]').isVisible(), 'the filters are open');
      assertNoProblems(problems, 'the toggle before the app');
    });
  });

  test('a shared filtered link shows the whole list at once and the app narrows it when it arrives', async () => {
    await withPage(
      env.browser,
      'prerender-filtered',
      async ({ page, problems }) => {
        const status = page.locator('#app-status');
        await beforeTheApp(page, '/?city=pisek', async () => {
          assert.equal(await page.locator('html').getAttribute('data-app'), 'starting');
          assert.ok(await page.locator(ENTRY).first().isVisible(), 'the list is shown while the app comes');
          assert.equal(await page.locator(ENTRY).count(), 24);
          assert.ok(await page.locator('html.app-filtering').count(), 'marked as being filtered');
          // The count says the filters are on their way, not the whole list's number (its
          // live region tells screen readers).
          assert.equal((await page.locator('#result-count').textContent()).trim(), 'Филтрите се прилагат…');
          assert.equal(await page.locator('#result-count').getAttribute('role'), 'status');
        });
        assert.equal(await page.locator('#f-city-pisek').isChecked(), true);
        const count = await page.locator(ENTRY).count();
        assert.ok(count > 0 && count < 24, `narrowed to Písek's events (${count})`);
        assert.equal(await page.locator('html.app-filtering').count(), 0);
        assert.equal((await status.textContent()).trim(), '', 'and nothing once the page is there');
        assert.match((await page.locator('#result-count').textContent()).trim(), /^\d+ събити[ея] от общо 24$/);
        assertNoProblems(problems, 'a filtered address');
      },
      PHONE,
    );
  });

  test('when the app cannot load, the page stays readable and says so', async () => {
    await withPage(env.browser, 'prerender-app-fails', async ({ page, problems }) => {
      await page.route('**/*.wasm', (route) => route.abort('connectionfailed'));
      await page.goto(env.app.url);
      await page.locator('#search').focus();
      const note = page.locator('#boot-error');
      await note.waitFor({ state: 'visible', timeout: APP_TIMEOUT_MS });
      assert.equal(await note.getAttribute('role'), 'alert');
      assert.match(await note.innerText(), /Търсенето и филтрите не се заредиха/);
      assert.equal(await page.locator('html').getAttribute('data-app'), 'failed');
      assert.equal(await page.locator(ENTRY).count(), 24);
      assert.ok(await page.locator(ENTRY).first().isVisible(), 'the news stay readable');
      // A filtered link: the whole list's count comes back with the note.
      await page.goto(new URL('/?city=pisek', env.app.url).href);
      await page.locator('#boot-error').waitFor({ state: 'visible', timeout: APP_TIMEOUT_MS });
      assert.equal((await page.locator('#result-count').textContent()).trim(), '24 събития');
      assert.deepEqual(problems.pageErrors, []);
    });
  });

  test('when the app fails while drawing, the prerendered page comes back, with its head and focus', async () => {
    await withPage(env.browser, 'prerender-app-breaks', async ({ page }) => {
      // As if the app stopped (a panic) between taking the page over and being ready.
      await page.addInitScript(() => {
        window.addEventListener('news-ready', (event) => event.stopImmediatePropagation(), true);
      });
      await page.goto(env.app.url);
      const title = await page.title();
      await page.locator('#search').focus();
      await page.locator('html[data-app="failed"]').waitFor({ state: 'attached', timeout: APP_TIMEOUT_MS });
      assert.ok(await page.locator('#boot-error').isVisible(), 'a notice says so');
      assert.equal(await page.locator('main').count(), 1, 'one page, the prerendered one');
      assert.equal(await page.locator(ENTRY).count(), 24);
      assert.ok(await page.locator(ENTRY).first().isVisible());
      // The head tags the app had added go with it.
      assert.equal(await page.locator('meta[name="description"]').count(), 1);
      assert.equal(await page.locator('title').count(), 1);
      assert.equal(await page.locator('link[rel="alternate"]').count(), 2);
      assert.equal(await page.title(), title);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'search', 'the focus is back where it was');
    });
  });

  test('an app that announces it will not take the page over (news-failed) leaves it readable, with the notice', async () => {
    await withPage(env.browser, 'prerender-app-declines', async ({ page, problems }) => {
      await page.goto(env.app.url);
      await page.evaluate(() => document.dispatchEvent(new Event('news-failed')));
      assert.ok(await page.locator('#boot-error').isVisible(), 'a notice says so');
      assert.equal(await page.locator('html').getAttribute('data-app'), 'failed');
      assert.equal(await page.locator(ENTRY).count(), 24);
      assert.ok(await page.locator(ENTRY).first().isVisible());
      assertNoProblems(problems, 'the app declining');
    });
  });

  test('the skip link moves the focus to the content before the app, and the page stays', async () => {
    await withPage(env.browser, 'prerender-skip-link', async ({ page, problems }) => {
      await emulateConnection(page, { saveData: true });
      const requests = [];
      page.on('request', (r) => requests.push(r.url()));
      for (const path of [`/en/events/${SLUG}`, '/en', '/accessibility']) {
        await page.goto(at(path));
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
        await page.keyboard.press('Enter');
        await page.waitForTimeout(300);
        const url = new URL(page.url());
        // "#main" alone resolves against <base href>: the Bulgarian timeline.
        assert.equal(url.pathname, new URL(at(path)).pathname, `${path}: the same page`);
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'main', `${path}: focus in the content`);
      }
      assert.deepEqual(requests.filter((u) => APP_FILES.test(u)), [], 'no app needed for it');
      assertNoProblems(problems, 'the skip link before the app');
    });
  });

  test('a page opened with slashes added at its end is the page, also for the app', async () => {
    await withPage(env.browser, 'prerender-trailing-slashes', async ({ page, problems }) => {
      for (const [path, own] of [[`/events/${SLUG}//?q=x`, `/events/${SLUG}?q=x`], ['/en///', '/en']]) {
        await page.goto(at(path));
        const url = new URL(page.url());
        assert.equal(`${url.pathname}${url.search}`, own, `${path}: the address is the page's own`);
        await waitForApp(page);
        assert.doesNotMatch(await page.locator('main h1').innerText(), /не е намерена|not found/i, path);
      }
      assertNoProblems(problems, 'pages with slashes added');
    });
  });

  test('a page opened by its file name (events/x.html, index.html) is the page, also for the app', async () => {
    await withPage(env.browser, 'prerender-file-name', async ({ page, problems }) => {
      await page.goto(at(`/events/${SLUG}.html?x=1#main`));
      const url = new URL(page.url());
      assert.equal(`${url.pathname}${url.search}${url.hash}`, `/events/${SLUG}?x=1#main`, 'the address is the page\'s own');
      assert.equal(await page.locator('html').getAttribute('data-app'), null, 'the HTML answers it: no app yet');
      await waitForApp(page);
      assert.match(await page.locator('main h1').innerText(), /Писек/, 'the app draws the event, not "not found"');

      await page.goto(at('/index.html'));
      assert.equal(new URL(page.url()).pathname, '/');
      await waitForApp(page);
      assert.equal(await page.locator(ENTRY).count(), 24);
      assertNoProblems(problems, 'pages by file name');
    });
  });

  test('the focus on a button or a link (no id) stays on its twin when the app takes over', async () => {
    await withPage(env.browser, 'prerender-focus-kept', async ({ page, problems }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      let release = await holdWasm(page);
      await page.goto(env.app.url);
      await page.locator('.filters__toggle').focus();
      release();
      await page.locator(READY).waitFor({ state: 'attached', timeout: APP_TIMEOUT_MS });
      assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('filters__toggle')), true);

      await page.unroute('**/*.wasm');
      release = await holdWasm(page);
      await page.goto(env.app.url);
      await page.evaluate(() => window.newsStart());
      const link = page.locator(`${ENTRY} a`).nth(3);
      const href = await link.getAttribute('href');
      await link.focus();
      release();
      await page.locator(READY).waitFor({ state: 'attached', timeout: APP_TIMEOUT_MS });
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), href, 'the same entry\'s link');
      assertNoProblems(problems, 'focus kept');
    });
  });
  for (const [kind, file] of [['JS glue', /project-news-[0-9a-f]+\.js$/], ['wasm', /\.wasm$/]]) {
    test(`a changed ${kind} is refused (Subresource Integrity) and the page says so`, async () => {
      await withPage(env.browser, `prerender-sri-${kind}`, async ({ page, problems }) => {
        await page.route(file, async (route) => {
          const response = await route.fetch();
          const body = await response.body();
          // As a compromised CDN might serve it: the same file with something added.
          const changed =
            kind === 'wasm' ? Buffer.concat([body, Buffer.from([0])]) : Buffer.concat([Buffer.from('window.__changed = true;\n'), body]);
          await route.fulfill({ response, body: changed });
        });
        await page.goto(env.app.url);
        await page.evaluate(() => window.newsStart());
        await page.locator('html[data-app="failed"]').waitFor({ state: 'attached', timeout: APP_TIMEOUT_MS });
        assert.equal(await page.evaluate(() => window.__changed ?? false), false, 'the changed code never ran');
        assert.ok(await page.locator('#boot-error').isVisible());
        assert.equal(await page.locator(ENTRY).count(), 24, 'the page stays');
        assert.ok(problems.consoleErrors.some((m) => /integrity/i.test(m)), 'the browser names the integrity check');
      });
    });
  }
});

describe('the page template step: debug builds, and done again', () => {
  const cspOf = (html) => /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
  const count = (html, text) => html.split(text).length - 1;

  test('a built page becomes the template again: one loader, one pair of marks, the same policy', async () => {
    const built = await readFile(join(DIST_DIR, 'index.html'), 'utf8');
    const boot = await bootScript();
    const once = withCspMeta(pageTemplate(built, boot));
    assert.equal(cspOf(once), cspOf(built), 'the same loader, so the same hashes');
    for (const mark of ['<!--HEAD-->', '<!--/HEAD-->', '<!--static-->', '<!--/static-->', 'window.newsStart']) {
      assert.equal(count(once, mark), 1, mark);
    }
    assert.match(once, /<html>/, 'the page\'s lang and route give way');
    assert.equal(withCspMeta(pageTemplate(once, boot)), once, 'a second run changes nothing');
  });

  test("a debug build's print stylesheet (a tag ending in `/>`) stays a print stylesheet", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'inline-'));
    try {
      await writeFile(join(dir, 'a-1.css'), 'a{color:red}');
      await writeFile(join(dir, 'print-3.css'), '.skip-link{display:none}');
      // As trunk writes them without minifying (trunk serve, trunk build).
      const print = '<link rel="stylesheet" href="/print-3.css" integrity="sha384-x" media="print"/>';
      const html = `<base href="/"/><link rel="stylesheet" href="/a-1.css" integrity="sha384-y"/>${print}`;
      assert.equal(await inlineStyles(html, dir), `<base href="/"/><style>a{color:red}</style>${print}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a stylesheet with `$\'` or `$&` in it is inlined as written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'inline-'));
    try {
      const css = "a[href$='.pdf']::after{content:\"$&\"}";
      await writeFile(join(dir, 'a-1.css'), css);
      const out = await inlineStyles('<base href=/><link href=/a-1.css rel=stylesheet><p>after</p>', dir);
      assert.equal(out, `<base href=/><style>${css}</style><p>after</p>`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
