// The editor at /editor/, used as an editor uses it: open the site's file and save it back
// unchanged; add an event with every field by keyboard, save it, and check and publish the
// saved file with newsctl; open a file with errors, find each problem, fix one and save the
// rest unchanged; preview in both languages; work kept across a reload; axe in every state.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  REPO_ROOT,
  assertNoProblems,
  axeCheck,
  launchBrowser,
  startApp,
  useAppAndBrowser,
  withPage,
} from './helpers.mjs';

const SHIPPED_TEXT = readFileSync(join(REPO_ROOT, 'public/data/news.json'), 'utf8');
const OTHER_TEXT = readFileSync(join(REPO_ROOT, 'tests/fixtures/second-project/news.json'), 'utf8');

/** newsctl as the test run built it (scripts/test.sh runs it before the browser tests). */
function newsctl(args) {
  const built = join(REPO_ROOT, 'target', 'debug', 'newsctl');
  const [cmd, rest] = existsSync(built)
    ? [built, args]
    : ['cargo', ['run', '--quiet', '--bin', 'newsctl', '--', ...args]];
  return execFileSync(cmd, rest, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The editor open on the site's file, its first status said. */
async function openEditor(page, url) {
  await page.goto(new URL('editor/', url).href);
  await page.locator('.ed-bar__status', { hasText: /Отворен е|Opened/ }).waitFor();
}

/** Clicks `button` (by keyboard: focus and Enter) and returns the saved file's text. */
async function saveBy(page, name) {
  const button = page.getByRole('button', { name, exact: true });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await button.focus();
      await page.keyboard.press('Enter');
    })(),
  ]);
  const path = await download.path();
  return { text: readFileSync(path, 'utf8'), name: download.suggestedFilename() };
}

/** Types `text` into the field with `id` by keyboard, replacing what it held. */
async function typeInto(page, id, text) {
  await page.locator(`#${id}`).focus();
  await page.keyboard.press('Control+A');
  if (text === '') {
    await page.keyboard.press('Delete');
  } else {
    await page.keyboard.type(text);
  }
}

/** An id as the editor names an element by it (what is not a letter or digit becomes `_`). */
const safe = (id) => id.replace(/[^A-Za-z0-9]/g, '_');

/** Focuses `selector` and presses `key`. */
async function press(page, selector, key = 'Enter') {
  await page.locator(selector).first().focus();
  await page.keyboard.press(key);
}

/** Chooses `value` in the select with `id` by keyboard (the arrow keys). */
async function choose(page, id, value) {
  const select = page.locator(`#${id}`);
  const values = await select.locator('option').evaluateAll((os) => os.map((o) => o.value));
  const from = values.indexOf(await select.inputValue());
  const to = values.indexOf(value);
  assert.ok(to >= 0, `#${id} offers ${value}`);
  await select.focus();
  for (let i = 0; i < Math.abs(to - from); i += 1) {
    await page.keyboard.press(to > from ? 'ArrowDown' : 'ArrowUp');
  }
  assert.equal(await select.inputValue(), value, `#${id} took ${value} by keyboard`);
}

describe('the editor', { timeout: 300_000 }, () => {
  const env = useAppAndBrowser();

  test('opens the site file, passes axe, and saves it back byte for byte', async () => {
    await withPage(env.browser, 'editor-unchanged', async ({ page, problems }) => {
      await openEditor(page, env.app.url);
      assert.equal(await page.locator('html').getAttribute('lang'), 'bg');
      assert.equal(await page.locator('meta[name="robots"]').getAttribute('content'), 'noindex, nofollow');
      assert.match(await page.locator('.ed-bar__counts').textContent(), /Грешки: 0/);
      await axeCheck(page, { label: 'editor, site part' });
      const saved = await saveBy(page, 'Запазете за публикуване');
      assert.equal(saved.name, 'news.json');
      assert.ok(saved.text === SHIPPED_TEXT, 'the saved file has the same bytes as the one opened');
      assert.match(await page.locator('.ed-bar__status').textContent(), /готов за публикуване/);
      // Each part's form passes axe too, and the interface in English.
      await press(page, '.ed-part >> nth=1');
      await page.locator('.ed-form__title', { hasText: 'Градове' }).waitFor();
      await axeCheck(page, { label: 'editor, cities' });
      await press(page, 'button:has-text("English")');
      await page.locator('.ed-form__title', { hasText: 'Cities' }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      await axeCheck(page, { label: 'editor in English' });
      assertNoProblems(problems, 'editor');
    });
  });

  test('adds an event with every field by keyboard; newsctl checks and publishes it', async () => {
    await withPage(env.browser, 'editor-new-event', async ({ page, problems }) => {
      await openEditor(page, env.app.url);
      const file = JSON.parse(SHIPPED_TEXT);
      const n = file.events.length;
      const f = (rest) => `f-events-${n}-${rest}`;
      await press(page, 'button:has-text("Добавете събитие")');
      // Focus lands on the new event's first field.
      await page.waitForFunction((id) => document.activeElement?.id === id, f('slug'));
      await typeInto(page, f('slug'), 'editor-keyboard-event');
      await choose(page, f('type'), 'workshop');
      await typeInto(page, f('start'), '2026-05-04');
      await typeInto(page, f('end'), '2026-05-05');
      await typeInto(page, f('published'), '2026-05-06');
      await typeInto(page, f('title-bg'), 'Работна среща от редактора');
      // The missing English title is counted, then copied from the Bulgarian to start from.
      await page.locator(`#${f('title')} .ed-missing`).waitFor();
      await press(page, `#${f('title')} button:has-text("Копирайте от български")`);
      assert.equal(await page.locator(`#${f('title-en')}`).inputValue(), 'Работна среща от редактора');
      await typeInto(page, f('title-en'), 'A workshop from the editor');
      await typeInto(page, f('summary-bg'), 'Резюме на срещата.');
      await typeInto(page, f('summary-en'), 'A summary of the workshop.');
      await typeInto(page, f('body-bg'), 'Първи абзац с **удебелен** текст.\n\nВтори абзац.');
      await typeInto(page, f('body-en'), 'A first paragraph with **bold** text.\n\nA second one.');
      const city = file.cities[0].id;
      const org = file.organisations[0].id;
      await choose(page, f('location-city'), city);
      await typeInto(page, f('location-venue-bg'), 'Голямата зала');
      await typeInto(page, f('location-venue-en'), 'The main hall');
      await typeInto(page, f('location-address-bg'), 'ул. Първа 1');
      await typeInto(page, f('location-address-en'), '1 First Street');
      await press(page, `#${f('location-online')}`, 'Space');
      await choose(page, f('host-city'), city);
      await choose(page, f('host-organisation'), org);
      await typeInto(page, f('opened_by-bg'), 'Кметът');
      await typeInto(page, f('opened_by-en'), 'The mayor');
      await press(page, `#${f(`participants-cities-${safe(city)}`)}`, 'Space');
      await press(page, `#${f(`participants-organisations-${safe(org)}`)}`, 'Space');
      await choose(page, f('participants-lead_partner'), org);
      await press(page, `#${f(`delegates-${safe(file.people[0].id)}`)}`, 'Space');
      // A new city, made in place from the participants' picker.
      const newCity = page.locator(`#${f('participants-cities')} details.ed-new`);
      await press(page, `#${f('participants-cities')} details.ed-new summary`);
      await newCity.locator('input').nth(0).focus();
      await page.keyboard.type('new-keyboard-town');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Нов град');
      await page.keyboard.press('Tab');
      await page.keyboard.type('New town');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      // The new city is chosen, and focus is on its box.
      const cityBox = f(`participants-cities-${safe('new-keyboard-town')}`);
      await page.waitForFunction((id) => document.activeElement?.id === id, cityBox);
      assert.ok(await page.locator(`#${cityBox}`).isChecked(), 'the new city is chosen');
      // Agenda: a day with one session.
      await press(page, `#${f('agenda')} > button.ed-add`);
      await typeInto(page, f('agenda-0-date'), '2026-05-04');
      await press(page, `#${f('agenda-0-sessions')} > button.ed-add`);
      await typeInto(page, f('agenda-0-sessions-0-time'), '09:30');
      await typeInto(page, f('agenda-0-sessions-0-title-bg'), 'Откриване');
      await typeInto(page, f('agenda-0-sessions-0-title-en'), 'Opening');
      await choose(page, f('agenda-0-sessions-0-presenter-organisation'), org);
      await typeInto(page, f('agenda-0-sessions-0-description-bg'), 'Приветствие.');
      await typeInto(page, f('agenda-0-sessions-0-description-en'), 'A welcome.');
      await press(page, `#${f('site_visits')} > button.ed-add`);
      // The new item's first field takes the focus: a text's Bulgarian one, not its group.
      await page.waitForFunction((id) => document.activeElement?.id === id, f('site_visits-0-title-bg'));
      await typeInto(page, f('site_visits-0-title-bg'), 'Обиколка');
      await typeInto(page, f('site_visits-0-title-en'), 'A tour');
      await typeInto(page, f('site_visits-0-description-en'), 'On foot.');
      await typeInto(page, f('site_visits-0-description-bg'), 'Пеша.');
      await press(page, `#${f(`topics-${safe(file.topics[0].id)}`)}`, 'Space');
      await press(page, `#${f('images')} > button.ed-add`);
      await typeInto(page, f('images-0-src'), 'favicon.svg');
      await typeInto(page, f('images-0-alt-bg'), 'Хора в зала');
      await typeInto(page, f('images-0-alt-en'), 'People in a hall');
      await typeInto(page, f('images-0-width'), '1200');
      await typeInto(page, f('images-0-height'), '800');
      await typeInto(page, f('images-0-caption-bg'), 'Откриването');
      await typeInto(page, f('images-0-caption-en'), 'The opening');
      await typeInto(page, f('images-0-credit'), 'The municipality');
      await press(page, `#${f('sources')} > button.ed-add`);
      await typeInto(page, f('sources-0-url'), 'https://example.org/news/workshop');
      await typeInto(page, f('sources-0-title-bg'), 'Новина за срещата');
      await typeInto(page, f('sources-0-title-en'), 'News of the workshop');
      await typeInto(page, f('sources-0-publisher'), 'Example');
      await typeInto(page, f('sources-0-date'), '2026-05-06');
      await typeInto(page, f('note'), 'Written in the editor by keyboard.');

      // The new city lacks what the format requires: not ready yet, and saying so.
      assert.doesNotMatch(await page.locator('.ed-bar__counts').textContent(), /Грешки: 0/);
      await press(page, 'button:has-text("Запазете за публикуване")');
      await page.locator('.ed-bar__status', { hasText: 'чернова' }).waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'ed-problems-h');
      await axeCheck(page, { label: 'editor with problems' });
      // The problems lead to the city's fields; fill them there.
      await press(page, '.ed-problem >> nth=0');
      await page.locator('.ed-form__title', { hasText: 'Градове' }).waitFor();
      const c = file.cities.length;
      await typeInto(page, `f-cities-${c}-country`, 'BG');
      await choose(page, `f-cities-${c}-role`, 'other');
      await typeInto(page, `f-cities-${c}-lat`, '41.57');
      await typeInto(page, `f-cities-${c}-lon`, '24.7');
      await page.locator('.ed-bar__counts', { hasText: 'Грешки: 0' }).waitFor();

      const saved = await saveBy(page, 'Запазете за публикуване');
      const dir = mkdtempSync(join(tmpdir(), 'editor-e2e-'));
      try {
        const path = join(dir, 'news.json');
        writeFileSync(path, saved.text);
        newsctl(['check', path]);
        newsctl(['fmt', '--check', path]);
        const event = JSON.parse(saved.text).events.find((e) => e.slug === 'editor-keyboard-event');
        const keys = Object.keys(event);
        for (const k of ['end', 'published', 'body', 'location', 'host', 'opened_by', 'participants',
          'delegates', 'agenda', 'site_visits', 'topics', 'images', 'sources', 'note']) {
          assert.ok(keys.includes(k), `the saved event has ${k}`);
        }
        assert.equal(event.location.online, true);
        assert.equal(event.images[0].width, 1200);
        assert.ok(event.participants.cities.includes('new-keyboard-town'));
        newsctl(['publish', '--shell', join(REPO_ROOT, 'target', 'shell'), '--out', join(dir, 'site'), path]);
        const html = readFileSync(join(dir, 'site', 'events', 'editor-keyboard-event.html'), 'utf8');
        assert.ok(html.includes('Работна среща от редактора'), 'the published page has the event');
        const en = readFileSync(join(dir, 'site', 'en', 'events', 'editor-keyboard-event.html'), 'utf8');
        assert.ok(en.includes('A workshop from the editor'));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      assertNoProblems(problems, 'editor, new event');
    });
  });

  test('a file with errors opens whole, its problems lead to their fields, and only the fix changes', async () => {
    // Another project's file with a date that is not one, an unknown city and a member the
    // format does not know, written as JSON.stringify writes it (the editor's own layout).
    const broken = JSON.parse(OTHER_TEXT);
    const start = broken.events[1].start;
    broken.events[1].start = 'sometime';
    broken.events[2].participants = { cities: ['atlantis'] };
    broken.events[3].colour = 'green';
    // A field missing, a title empty in both languages, and an entry that is no event at all.
    delete broken.events[4].type;
    broken.events[5].title = { bg: '', en: '' };
    // A direction override left open in a title.
    broken.events[6].title.bg = `\u202e${broken.events[6].title.bg}`;
    broken.events.push('not an event');
    const text = `${JSON.stringify(broken, null, 2)}\n`;
    await withPage(env.browser, 'editor-errors', async ({ page, problems }) => {
      await openEditor(page, env.app.url);
      await page.locator('input[type="file"]').setInputFiles({
        name: 'other.json',
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      });
      await page.locator('.ed-bar__file', { hasText: 'other.json' }).waitFor();
      // Every problem newsctl check finds is listed, each with its path.
      const dir = mkdtempSync(join(tmpdir(), 'editor-e2e-'));
      let checked;
      try {
        writeFileSync(join(dir, 'other.json'), text);
        try {
          newsctl(['check', '--format', 'json', join(dir, 'other.json')]);
          assert.fail('newsctl check refuses the file');
        } catch (err) {
          checked = JSON.parse(err.stdout)[0].problems;
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      const listed = await page.locator('.ed-problem').allTextContents();
      assert.equal(listed.length, checked.length, listed.join(' | '));
      for (const p of checked) {
        assert.ok(listed.some((l) => l.includes(p.path)), `${p.path} is listed`);
      }
      for (const path of ['events[1].start', 'events[2].participants.cities[0]', 'events[3]']) {
        assert.ok(listed.some((p) => p.includes(path)), `${path} is listed: ${listed.join(' | ')}`);
      }
      // Every event is still in the list: nothing was left out of the file.
      await page.waitForFunction((n) => document.querySelectorAll('.ed-event').length === n, broken.events.length);
      await axeCheck(page, { label: 'editor, file with errors' });

      // The date's problem leads to the date's field, marked invalid and described.
      await press(page, `.ed-problem:has-text("events[1].start")`);
      await page.waitForFunction(() => document.activeElement?.id === 'f-events-1-start');
      const field = page.locator('#f-events-1-start');
      assert.equal(await field.getAttribute('aria-invalid'), 'true');
      const described = await field.getAttribute('aria-describedby');
      const message = await page.locator(`#${described.split(' ').pop()}`).textContent();
      assert.match(message, /не е дата/, 'the field names its problem, in the interface language');
      await typeInto(page, 'f-events-1-start', start);
      await page.waitForFunction(() => !document.querySelector('#f-events-1-start').hasAttribute('aria-invalid'));

      // A missing field's problem leads to that field; an empty two-language text's to its
      // first language's field.
      // Named by the form's label, not by the file's key.
      await press(page, '.ed-problem:has-text("events[4]"):has-text("попълнете полето „Вид“")');
      await page.waitForFunction(() => document.activeElement?.id === 'f-events-4-type');
      await press(page, '.ed-problem:has-text("events[5].title")');
      await page.waitForFunction(() => document.activeElement?.id === 'f-events-5-title-bg');
      // The open override is shut inside the title's quotes: the words after it read as
      // written.
      const turned = listed.find((l) => l.includes('events[6].title') && l.includes('U+202E'));
      assert.ok(turned.includes(`„\u2068${broken.events[6].title.bg}\u2069“`), turned);
      // The entry that is no event is in the list by its place in the file.
      const last = broken.events.length;
      await page.locator('.ed-event', { hasText: `Запис ${last} (без заглавие и адрес)` }).waitFor();

      // The member the format does not know is shown where it is, and stays.
      await press(page, '.ed-problem:has-text("colour")');
      await page.waitForFunction(() => document.activeElement?.id === 'f-events-3-colour');
      assert.match(await page.locator('#f-events-3-colour').textContent(), /"green"/);

      // Still errors: only a draft can be saved, and it is the file with the one fix.
      const draft = await saveBy(page, 'Запазете като чернова');
      const before = text.split('\n');
      const after = draft.text.split('\n');
      assert.equal(after.length, before.length);
      const changed = before.filter((line, i) => line !== after[i]);
      assert.equal(changed.length, 1, `only the date's line changed: ${changed}`);
      assert.match(changed[0], /sometime/);
      assertNoProblems(problems, 'editor, errors');
    });
  });

  test('previews the event in both languages as it is typed, and deletes with undo', async () => {
    await withPage(env.browser, 'editor-preview', async ({ page, problems }) => {
      await openEditor(page, env.app.url);
      const file = JSON.parse(SHIPPED_TEXT);
      const i = file.events.findIndex((e) => e.title.bg && e.title.en);
      const event = file.events[i];
      await press(page, `.ed-event:has-text("${event.title.bg.slice(0, 30)}")`);
      const preview = page.locator('.ed-preview');
      await preview.locator('.ed-preview__page h1', { hasText: event.title.bg }).waitFor();
      assert.equal(await preview.locator('.ed-preview__page').getAttribute('lang'), 'bg');
      assert.equal(await preview.locator('.ed-preview__card article').count(), 1);
      // Its links lead nowhere: they would leave the editor.
      assert.ok((await preview.locator('a').count()) > 0);
      assert.equal(await preview.locator('a[href]').count(), 0, 'no link of the preview has an address');
      await typeInto(page, `f-events-${i}-title-bg`, 'Заглавие в прегледа');
      await preview.locator('.ed-preview__page h1', { hasText: 'Заглавие в прегледа' }).waitFor();
      await press(page, '.ed-preview__langs button:has-text("English")');
      await preview.locator('.ed-preview__page h1', { hasText: event.title.en }).waitFor();
      assert.equal(await preview.locator('.ed-preview__page').getAttribute('lang'), 'en');
      await axeCheck(page, { label: 'editor, event with preview' });

      // Delete, then undo the deletion.
      await press(page, 'button.ed-danger:has-text("Изтрийте")');
      await page.locator('.ed-notice', { hasText: 'изтрито' }).waitFor();
      await page.waitForFunction((n) => document.querySelectorAll('.ed-event').length === n, file.events.length - 1);
      // Said, and focus on its undo.
      await page.locator('.ed-bar__status', { hasText: 'е изтрито' }).waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'ed-undo-delete');
      await axeCheck(page, { label: 'editor, after a deletion' });
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => document.querySelectorAll('.ed-event').length === n, file.events.length);
      // The event is back, open, with focus on its heading.
      await page.waitForFunction((id) => document.activeElement?.id === id, `f-events-${i}`);
      assertNoProblems(problems, 'editor, preview');
    });
  });

  test('a site in Bulgarian alone previews in Bulgarian, without a language switch', async () => {
    await withPage(env.browser, 'editor-bg-only', async ({ page, problems }) => {
      await openEditor(page, env.app.url);
      const file = JSON.parse(SHIPPED_TEXT);
      file.site.languages = ['bg'];
      await page.locator('input[type="file"]').setInputFiles({
        name: 'bg.json',
        mimeType: 'application/json',
        buffer: Buffer.from(`${JSON.stringify(file, null, 2)}\n`),
      });
      await page.locator('.ed-bar__file', { hasText: 'bg.json' }).waitFor();
      await press(page, '.ed-event >> nth=0');
      await page.locator('.ed-preview__page h1').waitFor();
      assert.equal(await page.locator('.ed-preview__langs').count(), 0);
      assert.equal(await page.locator('.ed-preview__page').getAttribute('lang'), 'bg');
      assert.match(await page.locator('.ed-bar__counts').textContent(), /Липсващи преводи: 0/);
      assertNoProblems(problems, 'editor, a site in Bulgarian alone');
    });
  });

  test('a file that is not UTF-8, or names a member twice, is refused where it is wrong', async () => {
    await withPage(env.browser, 'editor-refused', async ({ page, problems }) => {
      // A byte that is no UTF-8 inside the second line's title: the browser would have made
      // it a replacement character without a word.
      const latin1 = Buffer.concat([Buffer.from('{\n  "title": "Caf'), Buffer.from([0xe9]), Buffer.from('"\n}\n')]);
      // The site's own file is checked as a chosen one is (one copied to the server by hand).
      await page.route('**/data/news.json', (route) => route.fulfill({ contentType: 'application/json', body: latin1 }));
      await page.goto(new URL('editor/', env.app.url).href);
      await page.locator('.ed-bar__status', { hasText: 'news.json не е в кодировка UTF-8 (ред 2, колона 16)' }).waitFor();
      await page.unroute('**/data/news.json');
      await openEditor(page, env.app.url);
      const events = () => page.locator('.ed-event').count();
      const before = await events();
      const open = async (name, buffer) => {
        await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'application/json', buffer });
        await page.locator('.ed-bar__status', { hasText: name }).waitFor();
        return page.locator('.ed-bar__status').textContent();
      };
      assert.match(await open('latin1.json', latin1), /latin1\.json не е в кодировка UTF-8 \(ред 2, колона 16\)/);
      // The same name twice at the top: one reader would keep one list, another the other.
      const text = SHIPPED_TEXT.replace('"version": 1,', '"version": 1,\n  "events": [],');
      const line = text.split('\n').findIndex((l, i) => i > 3 && l.startsWith('  "events"')) + 1;
      assert.match(await open('twice.json', Buffer.from(text)), new RegExp(`полето „events“ се среща два пъти в един и същ запис \\(ред ${line}, колона 10\\)`));
      // A comma after a list's last member: said as such, where the comma is.
      const comma = SHIPPED_TEXT.replace(/\}\n  \]\n\}\n?$/, '},\n  ]\n}\n');
      assert.notEqual(comma, SHIPPED_TEXT);
      const commaLine = comma.split('\n').length - 3;
      assert.match(await open('comma.json', Buffer.from(comma)), new RegExp(`запетая преди „\\]“, след която няма нищо \\(ред ${commaLine}, колона 6\\)`));
      // Said where newsctl says it: in characters from 1 (a Cyrillic name before the fault,
      // a file cut off at a line's start).
      assert.match(await open('cyrillic.json', Buffer.from('{\n  "заглавие": x\n}')), /не е във формат JSON \(ред 2, колона 15\)/);
      assert.match(await open('cut.json', Buffer.from('{\n')), /не е във формат JSON \(ред 2, колона 1\)/);
      // The open file stays, whole.
      assert.equal(await events(), before);
      assert.match(await page.locator('.ed-bar__file').textContent(), /news\.json/);
      // A site that cannot be read: the file opens with that one error, which names the field.
      const noAddress = JSON.parse(SHIPPED_TEXT);
      delete noAddress.site.canonical_url;
      await open('no-address.json', Buffer.from(`${JSON.stringify(noAddress, null, 2)}\n`));
      assert.match(await page.locator('.ed-msg--error').textContent(), /^обектът „site“ не е валиден: site: .*canonical_url/);
      assertNoProblems(problems, 'editor, refused files');
    });
  });

  test('work the browser cannot keep is not left without a question', async () => {
    await withPage(env.browser, 'editor-not-kept', async ({ page, problems }) => {
      await openEditor(page, env.app.url);
      // Storage full (or switched off): the draft cannot be kept.
      await page.evaluate(() => {
        Storage.prototype.setItem = () => {
          throw new DOMException('full', 'QuotaExceededError');
        };
      });
      await typeInto(page, 'f-site-url', 'https://example.org/lost/');
      await page.locator('.ed-notice[role="alert"]').waitFor();
      const asked = new Promise((resolve) => {
        page.once('dialog', (dialog) => {
          resolve(dialog.type());
          dialog.dismiss();
        });
      });
      await page.close({ runBeforeUnload: true });
      const none = new Promise((resolve) => setTimeout(() => resolve('no question'), 5000));
      assert.equal(await Promise.race([asked, none]), 'beforeunload');
      assert.equal(page.isClosed(), false, 'staying keeps the page');
      assert.equal(await page.locator('#f-site-url').inputValue(), 'https://example.org/lost/');
      assertNoProblems(problems, 'editor, work not kept');
    });
  });

  test('unsaved work survives a reload until it is discarded', async () => {
    await withPage(env.browser, 'editor-reload', async ({ page, problems }) => {
      await openEditor(page, env.app.url);
      await typeInto(page, 'f-site-url', 'https://example.org/changed/');
      await page.locator('.ed-bar__unsaved').waitFor();
      await page.reload();
      await page.locator('.ed-notice', { hasText: 'незапазената работа' }).waitFor();
      assert.equal(await page.locator('#f-site-url').inputValue(), 'https://example.org/changed/');
      await axeCheck(page, { label: 'editor, restored work' });
      // Discarding asks first: no keeps the work, yes discards it.
      let asked = null;
      page.once('dialog', (dialog) => {
        asked = dialog.message();
        dialog.dismiss();
      });
      await press(page, 'button:has-text("Отхвърлете я")');
      await page.waitForFunction(() => true);
      assert.match(asked ?? '', /Незапазената работа ще бъде изтрита/);
      assert.equal(await page.locator('#f-site-url').inputValue(), 'https://example.org/changed/');
      page.once('dialog', (dialog) => dialog.accept());
      await press(page, 'button:has-text("Отхвърлете я")');
      await page.locator('.ed-bar__status', { hasText: 'Незапазената работа е отхвърлена' }).waitFor();
      await page.waitForFunction(
        (url) => document.querySelector('#f-site-url')?.value === url,
        JSON.parse(SHIPPED_TEXT).site.url,
      );
      assert.equal(await page.locator('.ed-notice').count(), 0);
      await page.reload();
      await page.locator('.ed-bar__status', { hasText: 'Отворен е' }).waitFor();
      assert.equal(await page.locator('.ed-notice').count(), 0, 'nothing to restore after a discard');

      // Opening another file over unsaved work asks too.
      await typeInto(page, 'f-site-url', 'https://example.org/again/');
      await page.locator('.ed-bar__unsaved').waitFor();
      page.once('dialog', (dialog) => dialog.dismiss());
      await press(page, 'button:has-text("Отворете файла на сайта")');
      await page.waitForTimeout(300);
      assert.equal(await page.locator('#f-site-url').inputValue(), 'https://example.org/again/');
      // A file that cannot be opened asks nothing: it is refused, and the work stays.
      let asks = 0;
      const count = (dialog) => {
        asks += 1;
        dialog.dismiss();
      };
      page.on('dialog', count);
      await page.locator('input[type="file"]').setInputFiles({
        name: 'cut-short.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"version": 1,'),
      });
      await page.locator('.ed-bar__status', { hasText: 'cut-short.json не е във формат JSON' }).waitFor();
      page.off('dialog', count);
      assert.equal(asks, 0, 'a refused file asks nothing');
      assert.equal(await page.locator('#f-site-url').inputValue(), 'https://example.org/again/');
      page.once('dialog', (dialog) => dialog.accept());
      await press(page, 'button:has-text("Отворете файла на сайта")');
      await page.waitForFunction(
        (url) => document.querySelector('#f-site-url')?.value === url,
        JSON.parse(SHIPPED_TEXT).site.url,
      );
      assertNoProblems(problems, 'editor, reload');
    });
  });

  test('opens by drop and from the system picker, saves in place, finds and duplicates events', async () => {
    await withPage(env.browser, 'editor-files', async ({ page, problems }) => {
      // The File System Access API as the browser gives it, over a file in memory.
      await page.addInitScript((text) => {
        const handle = {
          getFile: async () => new File([text], 'picked.json', { type: 'application/json' }),
          createWritable: async () => ({
            write: async (t) => { window.__written = t; },
            close: async () => { window.__closed = true; },
          }),
        };
        window.showOpenFilePicker = async () => [handle];
        window.showSaveFilePicker = async () => handle;
      }, OTHER_TEXT);
      await openEditor(page, env.app.url);
      const other = JSON.parse(OTHER_TEXT);

      // Dropped on the page.
      await page.evaluate((text) => {
        const data = new DataTransfer();
        data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
        window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      }, OTHER_TEXT);
      await page.locator('.ed-bar__file', { hasText: 'dropped.json' }).waitFor();
      await page.waitForFunction((n) => document.querySelectorAll('.ed-event').length === n, other.events.length);

      // Picked with the system's dialog, changed, saved back into the same file.
      await press(page, 'button:has-text("Отворете файл…")');
      await page.locator('.ed-bar__file', { hasText: 'picked.json' }).waitFor();
      await typeInto(page, 'f-site-url', 'https://example.org/moved/');
      await press(page, 'button:has-text("Запазете за публикуване")');
      await page.waitForFunction(() => window.__closed === true);
      const written = await page.evaluate(() => window.__written);
      const expected = OTHER_TEXT.replace(`"url": "${other.site.url}"`, '"url": "https://example.org/moved/"');
      assert.ok(written === expected, 'the file is written in place, one line changed');
      assert.equal(await page.locator('.ed-bar__unsaved').count(), 0);

      // The filter finds an event by a word of its title, in the other script too.
      const event = other.events.find((e) => /[а-я]{6,}/i.test(e.title.bg ?? ''));
      const word = event.title.bg.match(/[А-Яа-я]{6,}/)[0];
      await typeInto(page, 'ed-filter', word.toLowerCase());
      const titles = await page.locator('.ed-event__title').allTextContents();
      assert.ok(titles.length >= 1 && titles.length < other.events.length, `${word}: ${titles.length}`);
      assert.ok(titles.includes(event.title.bg), `${event.title.bg} is among ${titles.join(' | ')}`);

      // Duplicate the first one found: a copy with a free address follows it.
      await press(page, '.ed-event >> nth=0');
      await press(page, 'button:has-text("Направете копие")');
      await page.locator('.ed-form__title code', { hasText: '-copy' }).waitFor();
      // Focus moves to the copy's address once its form is drawn; the filter is cleared after
      // that, or the move would take the keys meant for it.
      await page.waitForFunction(() => document.activeElement?.value?.includes('-copy'));
      await typeInto(page, 'ed-filter', '');
      await page.waitForFunction((n) => document.querySelectorAll('.ed-event').length === n, other.events.length + 1);
      // The copy and its original have one date and title: the list names their addresses.
      const slugs = await page.locator('.ed-event__slug').allTextContents();
      assert.equal(slugs.length, 2, slugs.join(' | '));
      assert.ok(slugs.some((s) => s.endsWith('-copy')), slugs.join(' | '));
      await axeCheck(page, { label: 'editor, a duplicated event' });

      // An event chosen from the list while the page is scrolled down opens at its top.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.locator('.ed-event >> nth=3').click();
      await page.waitForFunction(() => document.activeElement?.id === 'ed-form');
      const top = await page.locator('.ed-form__title').evaluate((h) => h.getBoundingClientRect().top);
      assert.ok(top >= 0 && top < 400, `the form's heading is in view: ${top}`);
      assertNoProblems(problems, 'editor, files');
    });
  });

  test('works on a site that lives below a path', async () => {
    const root = join(REPO_ROOT, 'target', 'dist-subpath');
    assert.ok(existsSync(join(root, 'editor', 'index.html')), `${root}: scripts/test.sh builds it`);
    const app = await startApp({ base: '/projects/news/', root });
    const browser = await launchBrowser();
    try {
      await withPage(browser, 'editor-subpath', async ({ page, problems }) => {
        await openEditor(page, new URL('/projects/news/', app.url).href);
        await page.waitForFunction(
          (n) => document.querySelectorAll('.ed-event').length === n,
          JSON.parse(SHIPPED_TEXT).events.length,
        );
        assertNoProblems(problems, 'editor below a path');
      });
    } finally {
      await browser.close();
      await app.close();
    }
  });
});
