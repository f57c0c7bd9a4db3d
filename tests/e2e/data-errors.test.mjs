// What a visitor sees when the news file cannot be loaded, or loads with a broken entry: the
// browser's request for the file is answered by the test, never by the network. The page is
// never blank, says what went wrong, and recovers through "Try again".

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

const DATA = '**/data/news.json';
const ERROR = '.load-error';
const ENTRY = 'article.timeline-entry';
const ERROR_TITLE = 'Новините не могат да бъдат показани';

describe('data errors', { timeout: 180_000 }, () => {
  const env = useAppAndBrowser();
  /** The shipped news file, as served. */
  let realText;

  before(async () => {
    realText = await readFile(join(DIST_DIR, 'data', 'news.json'), 'utf8');
  });

  const json = (body) => ({ status: 200, contentType: 'application/json; charset=utf-8', body });

  /**
   * A failed load is expected to show up as a failed request and the browser's own "Failed to
   * load resource" line; anything else (a panic, an exception) is a fault of the env.app.
   */
  function assertOnlyTheExpectedFailure(problems, label) {
    const unexpected = [
      ...problems.pageErrors.map((m) => `uncaught exception: ${m}`),
      ...problems.consoleErrors
        .filter((m) => !/Failed to load resource|net::ERR_FAILED/.test(m))
        .map((m) => `console error: ${m}`),
    ];
    assert.deepEqual(unexpected, [], `${label}: unexpected problems`);
  }

  /**
   * Opens `path` with the data file answered by `answer(route)`, starts the app and returns
   * the text of main. The default address is one the prerendered page cannot answer (a query
   * on the timeline), so the app itself has to say what became of the news.
   */
  async function openWithData(page, answer, path = '/?sort=oldest') {
    await page.route(DATA, answer);
    await page.goto(new URL(path.replace(/^\//, ''), env.app.url).href);
    await waitForApp(page);
    const main = (await page.locator('main').innerText()).trim();
    assert.ok(main.length > 0, 'main is never empty');
    return main;
  }

  /** Checks the error block: an alert, its title as h1, the given reason, a retry button. */
  async function assertLoadError(page, reason) {
    const error = page.locator(ERROR);
    await error.waitFor({ timeout: APP_TIMEOUT_MS });
    assert.equal(await error.getAttribute('role'), 'alert');
    assert.equal((await page.locator('h1').innerText()).trim(), ERROR_TITLE);
    const what = (await page.locator('.load-error__what').innerText()).trim();
    if (typeof reason === 'string') assert.equal(what, reason);
    else assert.match(what, reason);
    assert.equal(await page.locator('.retry').count(), 1, 'a retry button is offered');
    assert.equal(await page.locator(ENTRY).count(), 0);
    return what;
  }

  test('a missing file (404) says the server answered with an error', async () => {
    await withPage(env.browser, 'data-404', async ({ page, problems }) => {
      await openWithData(page, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
      await assertLoadError(page, 'Сървърът отговори с грешка (404).');
      await axeCheck(page, { label: 'the load error' });
      assertOnlyTheExpectedFailure(problems, '404');
    });
  });

  test('a server error (500) says so', async () => {
    await withPage(env.browser, 'data-500', async ({ page, problems }) => {
      await openWithData(page, (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'boom' }));
      await assertLoadError(page, 'Сървърът отговори с грешка (500).');
      assertOnlyTheExpectedFailure(problems, '500');
    });
  });

  test('on an event page a server error leaves the page as it is, with the notice', async () => {
    await withPage(env.browser, 'data-500-event', async ({ page, problems }) => {
      await page.route(DATA, (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'boom' }));
      await page.goto(new URL('events/consortium-meeting-pisek-2022', env.app.url).href);
      await page.evaluate(() => window.newsStart());
      await page.locator('html[data-app="failed"]').waitFor({ state: 'attached', timeout: APP_TIMEOUT_MS });
      assert.ok(await page.locator('#boot-error').isVisible());
      assert.match(await page.locator('main h1').innerText(), /Писек/, 'the event is still there');
      assert.equal(await page.locator(ERROR).count(), 0);
      assertOnlyTheExpectedFailure(problems, '500 on an event page');
    });
  });

  test('no connection says to check the connection', async () => {
    await withPage(env.browser, 'data-abort', async ({ page, problems }) => {
      await openWithData(page, (route) => route.abort('internetdisconnected'));
      await assertLoadError(page, 'Няма връзка със сървъра. Проверете връзката си с интернет.');
      assertOnlyTheExpectedFailure(problems, 'network failure');
    });
  });

  test('a damaged JSON file says the file is damaged, with where', async () => {
    await withPage(env.browser, 'data-malformed', async ({ page, problems }) => {
      await openWithData(page, (route) => route.fulfill(json('{"version": 1, "events": [\n  {"slug": ')));
      await assertLoadError(page, /^Файлът с новини е повреден \(\d+:\d+\)\.$/);
      assertOnlyTheExpectedFailure(problems, 'malformed JSON');
    });
  });

  test('an HTML page served instead of the file says the file is of an unexpected kind', async () => {
    await withPage(env.browser, 'data-html', async ({ page, problems }) => {
      await openWithData(page, (route) =>
        route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          body: '<!doctype html><html><body><h1>Maintenance</h1></body></html>',
        }),
      );
      await assertLoadError(page, /^Сървърът върна файл от неочакван вид \(text\/html.*\)\.$/);
      assertOnlyTheExpectedFailure(problems, 'HTML instead of JSON');
    });
  });

  test('one broken event is left out with a notice; the others are shown', async () => {
    await withPage(env.browser, 'data-one-broken', async ({ page, problems }) => {
      const news = JSON.parse(realText);
      const total = news.events.length;
      const broken = news.events.find((e) => e.slug === 'climathon-sestao-2020');
      assert.ok(broken, 'the event to break exists');
      broken.start = '2022-13-45';

      await openWithData(page, (route) => route.fulfill(json(JSON.stringify(news))));
      await page.locator(ENTRY).first().waitFor({ timeout: APP_TIMEOUT_MS });
      assert.equal(await page.locator(ENTRY).count(), total - 1, 'every valid event is shown');
      assert.equal(await page.locator('a[href$="/events/climathon-sestao-2020"]').count(), 0);
      assert.equal((await page.locator('.result-count').textContent()).trim(), `${total - 1} събития`);
      const notice = page.locator('.load-notice');
      assert.equal(
        (await notice.innerText()).trim(),
        '1 запис не може да бъде показан поради грешка в данните.',
      );
      assert.equal(await page.locator(ERROR).count(), 0, 'a broken entry is not a load error');
      await axeCheck(page, { label: 'the timeline with a dropped entry' });
      assertNoProblems(problems, 'one broken event');
    });
  });

  test('"Try again" loads the news once the file is back', async () => {
    await withPage(env.browser, 'data-retry', async ({ page, problems }) => {
      let serveReal = false;
      let requests = 0;
      await openWithData(page, (route) => {
        requests += 1;
        return serveReal
          ? route.fulfill(json(realText))
          : route.fulfill({ status: 503, contentType: 'text/plain', body: 'busy' });
      });
      await assertLoadError(page, 'Сървърът отговори с грешка (503).');
      assert.equal(requests, 1);

      serveReal = true;
      await page.locator('.retry').click();
      await page.locator(ENTRY).first().waitFor({ timeout: APP_TIMEOUT_MS });
      assert.equal(requests, 2, 'the retry asked for the file again');
      assert.equal(await page.locator(ENTRY).count(), JSON.parse(realText).events.length);
      assert.equal(await page.locator(ERROR).count(), 0, 'the error is gone');
      assert.equal(await page.locator('.load-notice').count(), 0);
      assertOnlyTheExpectedFailure(problems, 'retry');
    });
  });

  test('when the news cannot be loaded, a prerendered page that answers the address stays', async () => {
    await withPage(env.browser, 'data-fails-page-stays', async ({ page, problems }) => {
      await page.route(DATA, (route) => route.fulfill({ status: 503, contentType: 'text/plain', body: 'busy' }));
      await page.goto(env.app.url);
      await page.locator('#search').focus();
      await page.locator('html[data-app="failed"]').waitFor({ state: 'attached', timeout: APP_TIMEOUT_MS });
      assert.ok(await page.locator('#boot-error').isVisible(), 'a notice says search and filters are out');
      assert.equal(await page.locator(ENTRY).count(), 24, 'the news in the page stay');
      assert.equal(await page.locator(ERROR).count(), 0, 'no error panel over good content');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'search', 'the focus stays');
      assertOnlyTheExpectedFailure(problems, 'a failed load under a page that answers');
    });
  });

  test('while the file is on its way the prerendered page stays readable', async () => {
    await withPage(env.browser, 'data-slow', async ({ page, problems }) => {
      let release;
      const held = new Promise((resolve) => {
        release = resolve;
      });
      await page.route(DATA, async (route) => {
        await held;
        await route.fulfill(json(realText));
      });
      // The wasm may come with the idle prefetch, before the app is asked for.
      const wasm = page.waitForResponse((r) => r.url().endsWith('.wasm'));
      await page.goto(env.app.url);
      await page.evaluate(() => window.newsStart());
      await (await wasm).finished();
      // The code is in, the data is not: the HTML page is still all there, nothing hidden.
      assert.equal(await page.locator('html').getAttribute('data-app'), 'starting');
      assert.equal(await page.locator(ENTRY).count(), 24);
      assert.ok(await page.locator(ENTRY).first().isVisible());
      release();
      await page.locator('html[data-app="ready"]').waitFor({ state: 'attached', timeout: APP_TIMEOUT_MS });
      assert.equal(await page.locator(ENTRY).count(), 24);
      assert.equal(await page.locator('main h1').count(), 1, 'the app replaced the page, no copy stays');
      assertNoProblems(problems, 'slow load');
    });
  });

  test('a retry says that the file is loading until it arrives', async () => {
    await withPage(env.browser, 'data-retry-slow', async ({ page, problems }) => {
      let release;
      const held = new Promise((resolve) => {
        release = resolve;
      });
      let calls = 0;
      await openWithData(page, async (route) => {
        calls += 1;
        if (calls === 1) {
          await route.fulfill({ status: 503, body: 'busy' });
          return;
        }
        await held;
        await route.fulfill(json(realText));
      });
      await page.locator(`${ERROR} button.retry`).click();
      const loading = page.locator('main .load-state--loading');
      await loading.waitFor({ timeout: APP_TIMEOUT_MS });
      assert.equal(await loading.getAttribute('role'), 'status');
      assert.match(await page.locator('main').innerText(), /Зареждане на новините/);
      release();
      await page.locator(ENTRY).first().waitFor({ timeout: APP_TIMEOUT_MS });
      assert.equal(await loading.count(), 0);
      assertOnlyTheExpectedFailure(problems, 'retry after 503');
    });
  });
});
