// Another project's site, published from its own news file with the same app shell
// (scripts/test.sh publishes tests/fixtures/second-project/news.json into target/site-second):
// the main journeys work, and nothing of the shipped project shows on any page.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  APP_TIMEOUT_MS,
  PHONE,
  REPO_ROOT,
  assertNoProblems,
  axeCheck,
  useAppAndBrowser,
  waitForApp,
  withPage,
} from './helpers.mjs';

const SITE = join(REPO_ROOT, 'target', 'site-second');
const readJson = (path) => JSON.parse(readFileSync(join(REPO_ROOT, path), 'utf8'));
const OTHER = readJson('tests/fixtures/second-project/news.json');
const SHIPPED = readJson('public/data/news.json');

/** The shipped project's names (acronym, grant, publisher, cities) that the other file lacks. */
function shippedNames() {
  const texts = (t) => ['bg', 'en'].map((l) => t?.[l]).filter(Boolean);
  const site = SHIPPED.site;
  const own = new Set(OTHER.cities.flatMap((c) => texts(c.name)));
  return [
    site.project.acronym,
    site.project.grant_agreement,
    ...texts(site.publisher),
    ...SHIPPED.cities.flatMap((c) => texts(c.name)),
  ].filter((n) => n && n.length >= 5 && !own.has(n));
}

const NAMES = shippedNames();
const ACRONYM = OTHER.site.project.acronym;

/** The whole page as a visitor and a machine see it: its HTML, title and head included. */
async function assertOnlyTheOtherProject(page, label) {
  const html = await page.content();
  const found = NAMES.filter((n) => html.includes(n));
  assert.deepEqual(found, [], `${label} shows the shipped project's names`);
  assert.ok((await page.title()).includes(ACRONYM), `${label}: the title names ${ACRONYM}`);
}

describe('another project published with the same shell', { timeout: 180_000 }, () => {
  assert.ok(existsSync(join(SITE, 'index.html')), `${SITE} is missing: scripts/test.sh publishes it`);
  assert.ok(NAMES.length > 5, 'the shipped file gives names to look for');
  const env = useAppAndBrowser({ root: SITE });
  const at = (path) => new URL(path, env.app.url).href;
  const event = OTHER.events.find((e) => e.title.bg && e.title.en);

  test('the timeline names the other project in both languages', async () => {
    for (const [path, lang] of [['', 'bg'], ['en', 'en']]) {
      await withPage(env.browser, `second-timeline-${lang}`, async ({ page, problems }) => {
        await page.goto(at(path));
        await assertOnlyTheOtherProject(page, `timeline (${lang})`);
        assert.equal(await page.locator('html').getAttribute('lang'), lang);
        assert.match(await page.locator('.site-header__project').textContent(), new RegExp(ACRONYM));
        const funding = await page.locator('.site-footer__funding').textContent();
        assert.ok(funding.includes(OTHER.site.project.grant_agreement), funding);
        await axeCheck(page, { label: `second project timeline (${lang})` });
        assertNoProblems(problems, `timeline (${lang})`);
      });
    }
  });

  test('search finds a city typed in either script, and the app adds nothing of the shipped project', async () => {
    await withPage(env.browser, 'second-search', async ({ page, problems }) => {
      await page.goto(at(''));
      const hint = await page.locator('#search-hint').textContent();
      const city = OTHER.cities.find((c) => hint.includes(`„${c.name.bg}“`));
      assert.ok(city, `the search hint names one of the file's cities: ${hint}`);
      await waitForApp(page);
      const counts = [];
      for (const word of [city.name.bg, city.name.en.toLowerCase()]) {
        await page.locator('#search').fill(word);
        await page.waitForURL((url) => url.searchParams.get('q') === word, { timeout: APP_TIMEOUT_MS });
        const count = (await page.locator('.result-count').textContent()).trim();
        counts.push(count);
      }
      assert.match(counts[0], /^\d+ събити[ея] от общо \d+$/);
      assert.equal(counts[0], counts[1], 'Cyrillic and Latin find the same events');
      await assertOnlyTheOtherProject(page, 'timeline with the app');
      assertNoProblems(problems, 'search');
    });
  });

  test('an event page in both languages, and the statement', async () => {
    for (const [path, lang, h1] of [
      [`events/${event.slug}`, 'bg', event.title.bg],
      [`en/events/${event.slug}`, 'en', event.title.en],
      ['accessibility', 'bg', null],
      ['en/accessibility', 'en', null],
    ]) {
      await withPage(env.browser, `second-${path}`, async ({ page, problems }) => {
        await page.goto(at(path));
        await assertOnlyTheOtherProject(page, path);
        if (h1) assert.equal((await page.locator('main h1').textContent()).trim(), h1);
        else assert.ok((await page.locator('main').textContent()).includes(OTHER.site.publisher[lang]));
        assertNoProblems(problems, path);
      });
    }
  });
  test('on a phone, a long list of organisations folds behind "show more", by touch and by keyboard, app or not', async () => {
    // The event of the file with the most organisations, whichever it is.
    const orgs = (e) => (e.participants?.organisations ?? []).length;
    const long = [...OTHER.events].sort((a, b) => orgs(b) - orgs(a))[0];
    assert.ok(orgs(long) > 8, `some event of the file has more than 8 organisations (${orgs(long)})`);
    await withPage(
      env.browser,
      'second-fold',
      async ({ page, problems }) => {
        await page.goto(at(`events/${long.slug}`));
        const group = page.locator('.participants__group').last();
        const visible = () => group.locator('li:visible').count();
        const summary = group.locator('summary');
        const total = await group.locator('li').count();
        assert.ok(total >= orgs(long), `${total} listed`);
        assert.equal(await visible(), 6, 'the first six in sight');
        assert.equal(await summary.innerText(), `Покажете още (${total - 6})`);
        await summary.tap();
        await page.waitForFunction(() => document.querySelector('.participants__group:last-child details')?.open);
        assert.equal(await visible(), total, 'every organisation, none lost');

        await waitForApp(page);
        assert.equal(await visible(), 6, 'the app draws the page folded again');
        await summary.focus();
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.querySelector('.participants__group:last-child details')?.open);
        assert.equal(await visible(), total);
        // The map is part of who took part: no section of its own, no entry in the contents.
        assert.equal(await page.locator('#participants-title ~ figure .city-map__svg, .participants .city-map__svg').count(), 1);
        assert.equal(await page.locator('nav.event__contents a[href$="#map-title"]').count(), 0);
        await axeCheck(page, { label: 'a folded list opened' });
        assertNoProblems(problems, 'fold');
      },
      PHONE,
    );
  });

  test('no name on an event map covers another, in either language', async () => {
    const mapped = OTHER.events.filter((e) => (e.participants?.cities?.length ?? 0) >= 2);
    assert.ok(mapped.length >= 3, 'events with maps');
    await withPage(env.browser, 'second-maps', async ({ page, problems }) => {
      for (const e of mapped) {
        for (const path of [`events/${e.slug}`, `en/events/${e.slug}`]) {
          await page.goto(at(path));
          // Each name's drawn box, its note line included, in the map's own units.
          const boxes = await page.locator('.city-map__svg').evaluate((svg) =>
            [...svg.querySelectorAll('text')].map((t) => {
              const b = t.getBBox();
              return { name: t.textContent, x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height };
            }),
          );
          assert.ok(boxes.length >= 2, `${path}: names are drawn`);
          for (const [i, a] of boxes.entries()) {
            for (const b of boxes.slice(i + 1)) {
              const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
              const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
              assert.ok(w <= 0.5 || h <= 0.5, `${path}: "${a.name}" covers "${b.name}" by ${w.toFixed(1)}×${h.toFixed(1)}`);
            }
          }
        }
      }
      assertNoProblems(problems, 'maps');
    });
  });
});
