// An event's page in Chromium, on the Písek consortium meeting (the fullest entry): every
// section, the calendar download, copying the link, previous/next with focus, structured data;
// then the not-found page and the accessibility statement.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import {
  APP_TIMEOUT_MS,
  PHONE,
  assertNoProblems,
  axeCheck,
  collectProblems,
  emulateConnection,
  holdWasm,
  waitForApp,
  useAppAndBrowser,
  withPage,
} from './helpers.mjs';

const SLUG = 'consortium-meeting-pisek-2022';
const TITLE_BG = 'Годишна среща на консорциума на +CityxChange в Писек';
const FOCUS_TIMEOUT_MS = 5_000;

describe('event page', { timeout: 180_000 }, () => {
  const env = useAppAndBrowser();

  const at = (path) => new URL(path.replace(/^\//, ''), env.app.url).href;

  async function openEvent(page, slug = SLUG) {
    await page.goto(at(`/events/${slug}`));
    await waitForApp(page);
  }

  /** The text of the definition that follows the term `term` in the facts list. */
  const fact = (page, term) =>
    page.locator('.event__fact').filter({ has: page.locator('dt', { hasText: term }) }).locator('dd');

  const texts = (locator) => locator.evaluateAll((els) => els.map((e) => e.textContent.replace(/\s+/g, ' ').trim()));

  /**
   * Waits until the focused element is the page's h1; returns its text. Focus moves as the
   * page renders, so a few seconds are plenty once the URL has changed.
   */
  async function focusedHeading(page) {
    await page.waitForFunction(() => document.activeElement === document.querySelector('main h1'), null, {
      timeout: FOCUS_TIMEOUT_MS,
    });
    return (await page.locator('main h1').innerText()).trim();
  }

  test('the Písek meeting opened from the timeline shows every section', async () => {
    await withPage(env.browser, 'event-sections', async ({ page, problems }) => {
      await page.goto(env.app.url);
      await waitForApp(page);
      await page.locator(`.timeline-entry__title a[href$="/events/${SLUG}"]`).click();
      await page.waitForURL((url) => url.pathname.endsWith(`/events/${SLUG}`), { timeout: APP_TIMEOUT_MS });
      await waitForApp(page);
      assert.equal((await page.locator('h1').innerText()).trim(), TITLE_BG);
      assert.equal(await page.locator('h1').count(), 1);

      const when = (await fact(page, 'Дата').innerText()).trim();
      for (const part of ['четвъртък и петък', '10–11\u00a0ноември', '2022']) {
        assert.ok(when.includes(part), `the date "${when}" includes "${part}"`);
      }
      assert.equal(await page.locator('.event__facts time').first().getAttribute('datetime'), '2022-11-10');
      const where = (await fact(page, 'Място').innerText()).trim();
      assert.match(where, /Залата на градската библиотека/);
      assert.match(where, /Писек, Чехия/);
      assert.equal((await fact(page, 'Домакин').innerText()).trim(), 'Община Писек');
      assert.equal((await fact(page, 'Открито от').innerText()).trim(), 'заместник-кмета на Писек');

      const group = (name) =>
        page.locator('.participants__group').filter({ has: page.getByRole('heading', { name, exact: true }) });
      assert.deepEqual(await texts(group('Водещи градове').locator('li')), [
        'Лимерик, Ирландия',
        'Тронхайм, Норвегия',
      ]);
      const followers = await texts(group('Градове последователи').locator('li'));
      assert.deepEqual(
        followers.map((f) => f.split(',')[0]),
        ['Алба Юлия', 'Въру', 'Писек', 'Сестао', 'Смолян'],
        `follower cities, by name: ${JSON.stringify(followers)}`,
      );
      const organisations = group('Организации').locator('li');
      const first = organisations.first();
      assert.match(await first.innerText(), /NTNU/, 'the lead partner comes first');
      assert.match(await first.innerText(), /координатор/);
      assert.equal(await first.getAttribute('class'), 'participants__lead');
      assert.ok((await organisations.count()) >= 8, 'the seven municipalities follow the lead partner');

      const delegates = page.locator('.delegates__person');
      assert.equal(await delegates.count(), 3);
      const people = await delegates.evaluateAll((items) =>
        items.map((li) => [
          li.querySelector('.delegates__name')?.textContent.trim(),
          li.querySelector('.delegates__role')?.textContent.trim(),
        ]),
      );
      assert.deepEqual(people, [
        ['Ефтима Петкова', 'Директор на дирекция „СПИПТ“'],
        ['Борислава Спасова', 'Експерт по управление на европейски проекти и програми, проект +CityxChange'],
        ['Анастасия Даскалова', 'Технически сътрудник, проект +CityxChange'],
      ]);

      // As written (texts() folds every space, the no-break ones too).
      const days = await page.locator('.agenda__day-title').allTextContents();
      assert.equal(days.length, 2);
      assert.match(days[0], /^Ден 1 – .*10\u00a0ноември 2022/);
      assert.match(days[1], /^Ден 2 – .*11\u00a0ноември 2022/);
      assert.equal(await page.locator('.agenda__day').nth(0).locator('.agenda__session').count(), 2);
      assert.equal(await page.locator('.agenda__day').nth(1).locator('.agenda__session').count(), 3);
      assert.match(await page.locator('.agenda').innerText(), /Представя: Тронхайм/);

      assert.deepEqual(await texts(page.locator('.site-visits__title')), ['Посещения на терен в Писек']);

      const topics = await page.locator('.topic-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      assert.deepEqual(topics, [
        '/?topic=positive-energy-districts',
        '/?topic=citizen-engagement',
        '/?topic=storytelling',
        '/?topic=replication',
        '/?topic=energy-communities',
        '/?topic=mobility',
      ]);

      const municipality = page.locator('.sources a[href="https://www.smolyan.bg/bg/menu/subcontent/3205"]');
      assert.equal(await municipality.count(), 1, 'the municipality\'s article is cited');
      assert.match(await municipality.innerText(), /Писек/);
      assert.match(await page.locator('.sources').innerText(), /Община Смолян/);

      const figure = page.locator('figure.city-map__figure');
      assert.equal(await figure.locator('svg[role="img"]').count(), 1, 'the map is one image');
      assert.equal(await figure.locator('svg').getAttribute('aria-labelledby'), 'map-caption');
      assert.match(await figure.locator('figcaption#map-caption').innerText(), /бреговете и границите/);
      assert.equal(await figure.locator('.city-map__marker').count(), 7, 'a marker per city');
      assert.deepEqual(
        await figure.locator('.city-map__marker--host tspan').allTextContents(),
        ['Писек', '(домакин)'],
        'the host says so on a line of its own',
      );

      await axeCheck(page, { label: 'the Písek meeting' });

      // A topic leads back to the timeline, filtered by it.
      await page.locator('.topic-link[href="/?topic=storytelling"]').click();
      await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('topic') === 'storytelling', {
        timeout: APP_TIMEOUT_MS,
      });
      await page.locator('#f-topic-storytelling:checked').waitFor({ timeout: APP_TIMEOUT_MS });
      assert.ok((await page.locator(`.timeline-entry__title a[href$="/events/${SLUG}"]`).count()) === 1);
      assertNoProblems(problems, 'the event page');
    });
  });

  test('"Add to calendar" leads only on events still to come, on the written page and in the app', async () => {
    const primary = (page) =>
      page.locator('.calendar-button').evaluate((a) => a.classList.contains('button--primary'));
    // Today (the meeting is over): a plain button, before and after the app.
    await withPage(env.browser, 'calendar-past', async ({ page }) => {
      await page.goto(at(`/events/${SLUG}`));
      assert.equal(await primary(page), false, 'over: not the main button');
      await waitForApp(page);
      assert.equal(await primary(page), false);
    });
    // A week before the meeting, by the visitor's clock: the main button, both ways.
    await withPage(env.browser, 'calendar-to-come', async ({ page, problems }) => {
      await page.clock.setFixedTime(new Date('2022-11-03T10:00:00'));
      await page.goto(at(`/events/${SLUG}`));
      assert.equal(await primary(page), true, 'to come: the main button');
      await waitForApp(page);
      assert.equal(await primary(page), true, 'the app says the same');
      // Its last day still counts as to come.
      await page.clock.setFixedTime(new Date('2022-11-11T20:00:00'));
      await page.goto(at(`/events/${SLUG}`));
      assert.equal(await primary(page), true);
      assertNoProblems(problems, 'calendar to come');
    });
  });

  test('"Add to calendar" downloads a valid iCalendar file, without the app', async () => {
    await withPage(env.browser, 'event-calendar', async ({ page, problems }) => {
      // No idle prefetch either: what is fetched is what the link needs.
      await emulateConnection(page, { saveData: true });
      const requests = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(at(`/events/${SLUG}`));
      const link = page.locator('.calendar-button');
      assert.equal(await link.getAttribute('href'), `/events/${SLUG}.ics`);
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: APP_TIMEOUT_MS }), link.click()]);
      assert.match(download.suggestedFilename(), /\.ics$/);
      const path = await download.path();
      const bytes = await readFile(path);
      const text = bytes.toString('utf8');
      assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'), 'starts as a calendar');
      assert.ok(text.trimEnd().endsWith('END:VCALENDAR'), 'ends as a calendar');
      assert.ok(text.includes('\r\nBEGIN:VEVENT\r\n'));
      assert.ok(text.includes('\r\nDTSTART;VALUE=DATE:20221110\r\n'), 'an all-day start on 10 November');
      assert.ok(text.includes('\r\nDTEND;VALUE=DATE:20221112\r\n'), 'the end is the day after the last day');
      assert.ok(text.endsWith('\r\n'), 'the last line ends with CRLF too');
      const lines = text.slice(0, -2).split('\r\n');
      for (const line of lines) {
        assert.ok(!line.includes('\n') && !line.includes('\r'), `a bare line break in ${JSON.stringify(line)}`);
        const octets = Buffer.byteLength(line, 'utf8');
        assert.ok(octets <= 75, `a line of ${octets} octets: ${JSON.stringify(line)}`);
      }
      // Folding must not have split a multi-byte character.
      assert.ok(!text.includes('\uFFFD'), 'no broken UTF-8');
      assert.match(text.replace(/\r\n[ \t]/g, ''), /SUMMARY:[^\r]*Писек/);
      assert.deepEqual(requests.filter((u) => /\.wasm$|news\.json$/.test(u)), [], 'the app was not needed');

      // The English page links the English file.
      await page.goto(at(`/en/events/${SLUG}`));
      const english = await (await fetch(new URL(await link.getAttribute('href'), env.app.url))).text();
      assert.match(english.replace(/\r\n[ \t]/g, ''), /SUMMARY:[^\r]*Písek/);
      assertNoProblems(problems, 'calendar download');
    });
  });

  test('on a phone with a share sheet, "Share" opens it with the page, with or without the app', async () => {
    await withPage(
      env.browser,
      'phone-share',
      async ({ page, problems }) => {
        // The browser's share sheet, as a phone has it; it notes what it was given.
        await page.addInitScript(() => {
          window.shared = [];
          Object.defineProperty(navigator, 'share', {
            value: async (data) => {
              window.shared.push(data);
            },
          });
        });
        await page.goto(at(`/events/${SLUG}`));
        const share = page.locator('.share-button');
        await share.tap();
        await page.waitForFunction(() => window.shared.length === 1);
        const [data] = await page.evaluate(() => window.shared);
        assert.equal(data.url, page.url());
        assert.equal(data.title, TITLE_BG);
        assert.equal(await page.locator('html').getAttribute('data-app'), null, 'no app was needed');
        await waitForApp(page);
        await share.tap();
        await page.waitForFunction(() => window.shared.length === 2);
        await axeCheck(page, { label: 'event page with "Share"' });
        assertNoProblems(problems, 'share');
      },
      PHONE,
    );
  });

  test('the map draws coasts and borders under its cities, and their names stay on it, apart, at 100 % and 200 % text on 320 px', async () => {
    for (const size of [16, 32]) {
      await withPage(
        env.browser,
        `map-${size}`,
        async ({ page, problems }) => {
          const cdp = await page.context().newCDPSession(page);
          await cdp.send('Page.setFontSizes', { fontSizes: { standard: size, fixed: Math.round(size * 0.8125) } });
          const outlines = [];
          page.on('request', (r) => r.url().includes('/maps/') && outlines.push(r.url()));
          await page.goto(at(`/events/${SLUG}`), { waitUntil: 'load' });
          await page.waitForTimeout(300);
          assert.deepEqual(outlines, [], 'a reader who does not scroll to the map does not fetch it');
          const svg = page.locator('.city-map__svg');
          await svg.scrollIntoViewIfNeeded();
          // The outlines: an image of the same frame, written at publish time, that loads.
          const land = page.locator('img.city-map__land');
          await page.waitForFunction(() => document.querySelector('img.city-map__land')?.complete);
          assert.ok((await land.evaluate((img) => img.naturalWidth)) > 0, 'the outlines are drawn');
          assert.equal(outlines.length, 1);
          const href = await land.getAttribute('src');
          assert.match(href, /^\/maps\/\d+[ew]-\d+[ns]-\d+[ew]-\d+[ns]\.svg$/);
          const outline = await page.request.get(new URL(href, env.app.url).href);
          assert.equal(outline.status(), 200);
          assert.match(outline.headers()['content-type'], /image\/svg\+xml/);
          const body = await outline.text();
          assert.equal(body.match(/viewBox="([^"]+)"/)[1], await svg.getAttribute('viewBox'), 'the same frame');
          assert.ok(body.length > 2000, 'coasts and borders are drawn');

          const { box, names, fontSize } = await svg.evaluate((el) => ({
            box: el.getBoundingClientRect().toJSON(),
            names: [...el.querySelectorAll('text')].map((t) => ({ text: t.textContent, ...t.getBoundingClientRect().toJSON() })),
            fontSize: parseFloat(getComputedStyle(el.querySelector('text')).fontSize),
          }));
          assert.equal(names.length, 7);
          for (const n of names) {
            assert.ok(n.left >= box.left - 2 && n.right <= box.right + 2, `${n.text} stays on the map: ${n.left}..${n.right} in ${box.left}..${box.right}`);
          }
          // The names keep the size their places were worked out for, with larger text too,
          // so that none covers another.
          assert.equal(fontSize, 16);
          for (const [i, a] of names.entries()) {
            for (const b of names.slice(i + 1)) {
              const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
              assert.ok(apart, `${a.text} and ${b.text} do not cover each other`);
            }
          }
          assertNoProblems(problems, `map at ${size}px`);
        },
        { viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true },
      );
    }
  });

  test('on a phone, who took part comes first and the contents lead to every section, with or without the app', async () => {
    await withPage(
      env.browser,
      'phone-contents',
      async ({ page, problems }) => {
        await page.goto(at(`/events/${SLUG}`));
        const links = page.locator('nav.event__contents a');
        const hrefs = await links.evaluateAll((els) => els.map((a) => a.getAttribute('href')));
        const ids = await page.locator('main section[aria-labelledby] > h2[id]').evaluateAll((els) => els.map((h) => h.id));
        // Every section but the pager's neighbours and related events is listed, in page order.
        const listed = hrefs.map((h) => h.split('#')[1]);
        assert.deepEqual(listed, ids.filter((id) => listed.includes(id)));
        assert.ok(listed.length >= 5, listed.join(', '));
        for (const href of hrefs) assert.ok(href.startsWith(`/events/${SLUG}#`), href);
        assert.ok(ids.indexOf('participants-title') < ids.indexOf('about-title'), 'who took part before the story');
        assert.ok(ids.indexOf('delegates-title') < ids.indexOf('agenda-title'));
        const agenda = links.filter({ hasText: 'Програма' });
        await agenda.tap();
        await page.waitForFunction(() => {
          const top = document.getElementById('agenda-title').getBoundingClientRect().top;
          return top >= 0 && top < 200;
        });
        assert.equal(new URL(page.url()).pathname, `/events/${SLUG}`, 'still the same page');
        await waitForApp(page);
        await page.evaluate(() => window.scrollTo(0, 0));
        await links.filter({ hasText: 'Източници' }).tap();
        await page.waitForFunction(() => {
          const top = document.getElementById('sources-title').getBoundingClientRect().top;
          return top >= 0 && top < 200;
        });
        assert.equal(new URL(page.url()).pathname, `/events/${SLUG}`, 'the app stays on the page too');
        await axeCheck(page, { label: 'event page with contents' });
        assertNoProblems(problems, 'contents');
      },
      PHONE,
    );
  });

  test('a shared link shows a card: Open Graph and Twitter tags in the page as written', async () => {
    // As a phone's share sheet or a network's crawler reads the page: no script.
    const context = await env.browser.newContext({ ...PHONE, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const tags = () =>
        page.evaluate(() =>
          Object.fromEntries(
            [...document.head.querySelectorAll('meta[property^="og:"], meta[name^="twitter:"], link[rel="canonical"]')].map(
              (el) => [el.getAttribute('property') ?? el.getAttribute('name') ?? 'canonical', el.content ?? el.href],
            ),
          ),
        );
      const news = JSON.parse(await readFile(new URL('../../public/data/news.json', import.meta.url), 'utf8'));
      const base = news.site.canonical_url.replace(/\/?$/, '/');
      await page.goto(at(`/en/events/${SLUG}`));
      const event = await tags();
      assert.equal(event['og:type'], 'article');
      assert.equal(event['og:title'], (await page.locator('main h1').innerText()).trim());
      assert.equal(event['og:url'], `${base}en/events/${SLUG}`);
      assert.equal(event['canonical'], `${base}en/events/${SLUG}`);
      assert.equal(event['og:locale'], 'en_GB');
      assert.equal(event['og:locale:alternate'], 'bg_BG');
      assert.ok(event['og:description'].length > 20);
      assert.ok(event['og:site_name'].startsWith(news.site.project.acronym));
      assert.equal(event['twitter:title'], event['og:title']);
      assert.equal(event['twitter:card'], 'summary_large_image');
      // The event's photo, else the site's card in the page's language.
      const photo = news.events.find((e) => e.slug === SLUG).images?.[0];
      if (photo) assert.ok(event['og:image'].startsWith('https://'), event['og:image']);
      else assert.equal(event['og:image'], `${base}share/card.en.png`);

      await page.goto(at('/'));
      const timeline = await tags();
      assert.equal(timeline['og:type'], 'website');
      assert.equal(timeline['og:url'], base);
      assert.equal(timeline['og:locale'], 'bg_BG');
      assert.equal(timeline['og:image'], `${base}share/card.bg.png`);
      assert.equal(timeline['og:image:alt'], `${news.site.project.acronym} – ${news.site.project.name.bg}`);
      assert.deepEqual([timeline['og:image:width'], timeline['og:image:height']], ['1200', '630']);
      // The card is in the built site (the tags name the public address; here it is local):
      // a PNG of the size the tags say.
      for (const lang of ['bg', 'en']) {
        const response = await page.request.get(at(`/share/card.${lang}.png`));
        assert.equal(response.status(), 200);
        assert.equal(response.headers()['content-type'], 'image/png');
        const png = await response.body();
        assert.equal(png.subarray(1, 4).toString(), 'PNG');
        assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);
      }
    } finally {
      await context.close();
    }
  });

  test('without a share sheet there is no "Share" button', async () => {
    await withPage(env.browser, 'no-share', async ({ page }) => {
      await page.addInitScript(() => {
        delete Navigator.prototype.share;
      });
      await page.goto(at(`/events/${SLUG}`));
      assert.equal(await page.locator('.share-button').isVisible(), false);
      assert.ok(await page.locator('.copy-link-button').isVisible(), 'copying the link is still offered');
    });
  });

  for (const withApp of [true, false]) {
    test(`"Copy link" puts the page address in the clipboard and says so (${withApp ? 'the app running' : 'the prerendered page, no app'})`, async () => {
      const context = await env.browser.newContext({ locale: 'bg-BG' });
      try {
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.app.url).origin });
        const page = await context.newPage();
        const problems = collectProblems(page);
        if (withApp) await openEvent(page);
        else await page.goto(at(`/events/${SLUG}`));
        await page.locator('.copy-link-button').click();
        await page.waitForFunction(
          () => document.querySelector('.event__action-status')?.textContent.trim() === 'Връзката е копирана.',
          null,
          { timeout: APP_TIMEOUT_MS },
        );
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        assert.equal(copied, page.url());
        assert.ok(copied.endsWith(`/events/${SLUG}`));
        // The loader copies: the app is not needed, nor fetched when it is not there.
        assert.equal(await page.locator('html').getAttribute('data-app'), withApp ? 'ready' : null);
        assertNoProblems(problems, 'copy link');
      } finally {
        await context.close();
      }
    });
  }

  test(
    'following a link to another kind of page moves focus to its title',
    async () => {
      await withPage(env.browser, 'event-focus-across-routes', async ({ page, problems }) => {
        await page.goto(env.app.url);
        await waitForApp(page);
        await page.locator(`.timeline-entry__title a[href$="/events/${SLUG}"]`).click();
        await page.waitForURL((url) => url.pathname === `/events/${SLUG}`, { timeout: APP_TIMEOUT_MS });
        assert.equal(await focusedHeading(page), TITLE_BG, 'timeline → event: the event\'s title has focus');

        await page.goto(at('/events/consortium-meeting-pisek'));
        await waitForApp(page);
        await page.locator(`.not-found__suggestions a[href="/events/${SLUG}"]`).click();
        await page.waitForURL((url) => url.pathname === `/events/${SLUG}`, { timeout: APP_TIMEOUT_MS });
        assert.equal(await focusedHeading(page), TITLE_BG, 'not found → event: the event\'s title has focus');
        assertNoProblems(problems, 'focus across routes', { allowNotFound: true });
      });
    },
  );

  test('previous and next lead to the neighbouring events and focus their titles', async () => {
    await withPage(env.browser, 'event-pager', async ({ page, problems }) => {
      await openEvent(page);
      const here = page.url();

      const next = page.locator('.pager__link--next');
      const nextTitle = (await next.locator('.pager__title').innerText()).trim();
      const nextHref = await next.getAttribute('href');
      await next.click();
      await page.waitForURL((url) => url.pathname === nextHref, { timeout: APP_TIMEOUT_MS });
      assert.equal(await focusedHeading(page), nextTitle, 'the next event\'s title has focus');

      const previous = page.locator('.pager__link--prev');
      assert.equal(await previous.getAttribute('href'), `/events/${SLUG}`, 'the way back is the previous link');
      await previous.click();
      await page.waitForURL(here, { timeout: APP_TIMEOUT_MS });
      assert.equal(await focusedHeading(page), TITLE_BG);

      const prevTitle = (await page.locator('.pager__link--prev .pager__title').innerText()).trim();
      const prevHref = await page.locator('.pager__link--prev').getAttribute('href');
      await page.locator('.pager__link--prev').click();
      await page.waitForURL((url) => url.pathname === prevHref, { timeout: APP_TIMEOUT_MS });
      assert.equal(await focusedHeading(page), prevTitle);
      assertNoProblems(problems, 'previous and next');
    });
  });

  test('the page carries schema.org Event data', async () => {
    await withPage(env.browser, 'event-jsonld', async ({ page, problems }) => {
      await openEvent(page);
      const scripts = await page.$$eval('script[type="application/ld+json"]', (s) => s.map((e) => e.textContent));
      assert.equal(scripts.length, 1, 'one block of structured data');
      const data = JSON.parse(scripts[0]);
      assert.equal(data['@context'], 'https://schema.org');
      assert.equal(data['@type'], 'Event');
      assert.match(String(data.startDate), /^2022-11-10/);
      assert.match(String(data.endDate), /^2022-11-11/);
      assert.equal(data.name, TITLE_BG);
      assertNoProblems(problems, 'structured data');
    });
  });

  test('a mistyped event address shows not-found with the real event suggested', async () => {
    await withPage(env.browser, 'event-unknown-slug', async ({ page, problems }) => {
      await page.goto(at('/events/consortium-meeting-pisek'));
      await waitForApp(page);
      assert.equal((await page.locator('h1').innerText()).trim(), 'Страницата не е намерена');
      assert.match(await page.locator('main').innerText(), /Няма събитие с този адрес\./);
      const suggestion = page.locator(`.not-found__suggestions a[href="/events/${SLUG}"]`);
      assert.equal(await suggestion.count(), 1, 'the real event is suggested');
      assert.equal((await suggestion.innerText()).trim(), TITLE_BG);
      const back = page.locator('.not-found a[href="/"]');
      assert.equal((await back.innerText()).trim(), 'Към всички събития');
      await page.waitForFunction(() => document.title.startsWith('Страницата не е намерена'), null, {
        timeout: APP_TIMEOUT_MS,
      });
      await axeCheck(page, { label: 'not found (unknown event)' });

      await suggestion.click();
      await page.waitForURL((url) => url.pathname === `/events/${SLUG}`, { timeout: APP_TIMEOUT_MS });
      await page.getByRole('heading', { level: 1, name: TITLE_BG }).waitFor({ timeout: APP_TIMEOUT_MS });
      assertNoProblems(problems, 'unknown event', { allowNotFound: true });
    });
  });

  test('an address no page can have says not-found even while the app is slow to come', async () => {
    for (const [path, title] of [
      ['/no/such/page', 'Страницата не е намерена'],
      ['/en/no/such/page', 'Page not found'],
    ]) {
      await withPage(env.browser, 'unknown-route-slow-app', async ({ page, problems }) => {
        const release = await holdWasm(page);
        await page.goto(at(path));
        // Hidden at first, for the app to draw it with its suggestions…
        assert.equal(await page.locator('h1').isVisible(), false);
        // …and shown when the app takes long.
        await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 6000 });
        release();
        await waitForApp(page);
        assert.equal((await page.locator('h1').innerText()).trim(), title);
        assertNoProblems(problems, `${path}, slow app`, { allowNotFound: true });
      });
    }
    // An event's address may be a real page on a host that serves one page for all: it waits.
    await withPage(env.browser, 'unknown-event-slow-app', async ({ page, problems }) => {
      const release = await holdWasm(page);
      await page.goto(at('/events/no-such-event'));
      await page.waitForTimeout(3500);
      assert.equal(await page.locator('h1').isVisible(), false, 'still waiting for the app');
      release();
      await waitForApp(page);
      assert.equal((await page.locator('h1').innerText()).trim(), 'Страницата не е намерена');
      assertNoProblems(problems, 'unknown event, slow app', { allowNotFound: true });
    });
  });

  test('an unknown address shows not-found with a way back', async () => {
    await withPage(env.browser, 'unknown-route', async ({ page, problems }) => {
      await page.goto(at('/no/such/page'));
      await waitForApp(page);
      assert.equal((await page.locator('h1').innerText()).trim(), 'Страницата не е намерена');
      await axeCheck(page, { label: 'not found (unknown route)' });
      await page.locator('.not-found a[href="/"]').click();
      await page.waitForURL((url) => url.pathname === '/', { timeout: APP_TIMEOUT_MS });
      await page.locator('.timeline-entry').first().waitFor({ timeout: APP_TIMEOUT_MS });
      assertNoProblems(problems, 'unknown route', { allowNotFound: true });
    });
  });

  test(
    'an unknown address that is not an event address gets the general message',
    async () => {
      await withPage(env.browser, 'unknown-route-message', async ({ page }) => {
        await page.goto(at('/no/such/page'));
        await waitForApp(page);
        const text = await page.locator('main').innerText();
        assert.match(text, /Адресът, който сте отворили, не съществува или е бил променен\./);
        assert.doesNotMatch(text, /Няма събитие с този адрес/);
      });
    },
  );

  test('the accessibility statement renders', async () => {
    await withPage(env.browser, 'statement', async ({ page, problems }) => {
      await page.goto(at('/accessibility'));
      await waitForApp(page);
      assert.equal((await page.locator('h1').innerText()).trim(), 'Декларация за достъпност');
      assert.deepEqual(await texts(page.locator('.statement h2')), [
        'Степен на съответствие',
        'Известни ограничения',
        'Изготвяне на декларацията',
        'Обратна връзка',
        'Процедура по прилагане',
      ]);
      assert.match(await page.locator('.statement').innerText(), /WCAG 2\.1/);
      await page.waitForFunction(() => document.title.startsWith('Декларация за достъпност'), null, {
        timeout: APP_TIMEOUT_MS,
      });
      await axeCheck(page, { label: 'the accessibility statement' });
      assertNoProblems(problems, 'accessibility statement');
    });
  });

  test('Back to an event page from a link on it returns to where the link was', async () => {
    await withPage(env.browser, 'event-back-place', async ({ page, problems }) => {
      // Drawn by the app, not loaded: the browser cannot restore its place on its own.
      await page.goto(env.app.url);
      await waitForApp(page);
      await page.locator(`a[href$="/events/${SLUG}"]`).first().click();
      await page.waitForURL((url) => url.pathname.endsWith(`/events/${SLUG}`), { timeout: APP_TIMEOUT_MS });
      const topic = page.locator('.topic-link').first();
      await topic.scrollIntoViewIfNeeded();
      const left = await page.evaluate(() => window.scrollY);
      assert.ok(left > 300, `the topics are down the page (${left})`);
      await topic.click();
      await page.waitForURL((url) => !url.pathname.includes('/events/'), { timeout: APP_TIMEOUT_MS });
      await page.goBack();
      await page.waitForURL((url) => url.pathname.endsWith(`/events/${SLUG}`), { timeout: APP_TIMEOUT_MS });
      await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 2, left, { timeout: FOCUS_TIMEOUT_MS });
      // The link followed has the focus again, where it was.
      await page.waitForFunction(() => document.activeElement === document.querySelector('.topic-link'), null, {
        timeout: FOCUS_TIMEOUT_MS,
      });
      assert.ok(Math.abs((await page.evaluate(() => window.scrollY)) - left) < 2, 'focus did not move the view');
      assertNoProblems(problems, 'Back to an event page');
    }, PHONE);
  });
});
