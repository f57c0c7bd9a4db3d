// The release build as a static host serves it: the files the post-build step adds (feeds,
// calendars, sitemap, robots.txt, 404.html, precompressed siblings), the Content-Security-Policy
// and Subresource Integrity, a visit that breaks no policy and asks no other origin, and the
// same app built for a sub-path (target/dist-subpath, built by scripts/test.sh) opened there
// by deep link.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import {
  APP_TIMEOUT_MS,
  DIST_DIR,
  REPO_ROOT,
  assertNoProblems,
  launchBrowser,
  waitForApp,
  withPage,
} from './helpers.mjs';
import { startServer } from './server.mjs';
import {
  COMPRESSED_EXTENSIONS,
  contentSecurityPolicy,
  inlineScriptHashes,
  inlineStyleHashes,
  inlineStyles,
  listFiles,
  pageTemplate,
  withCspMeta,
} from '../../scripts/post-build.mjs';

// Both folders may be overridden to test a build made elsewhere.
const ROOT_DIST = process.env.E2E_DIST_DIR || DIST_DIR;
const SUBPATH_DIST = process.env.SUBPATH_DIST_DIR || join(REPO_ROOT, 'target', 'dist-subpath');
const SUBPATH_BASE = '/projects/news/';
const SLUG = 'consortium-meeting-pisek-2022';
const TITLE_BG = 'Годишна среща на консорциума на +CityxChange в Писек';

const CSP_META_RE = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g;

/** The four constants the loader got from the build: { JS, JS_SRI, WASM, WASM_SRI }. */
function loaderConstants(html) {
  const out = {};
  for (const name of ['JS', 'JS_SRI', 'WASM', 'WASM_SRI']) {
    const m = new RegExp(`const ${name} = "([^"]*)";`).exec(html);
    assert.ok(m, `the loader sets ${name}`);
    out[name] = m[1];
  }
  return out;
}

/** The head of a page up to its own tags: what every page of a build shares. */
/** What every page's head shares: up to its shared-link card (each page has its own). */
const sharedHead = (html) => html.slice(html.indexOf('<meta charset'), html.indexOf('<!--SHARE-->'));

/** The policy of a built page; fails unless there is exactly one CSP meta. */
function cspOf(html) {
  const found = [...html.matchAll(CSP_META_RE)].map((m) => m[1]);
  assert.equal(found.length, 1, 'exactly one CSP <meta>');
  return found[0];
}

describe('post-build step (pure functions)', () => {
  test('only inline scripts the browser runs are hashed', () => {
    const html =
      '<meta charset=utf-8><script type=module>run()</script><script src=/a.js></script>' +
      '<script type="application/ld+json">{"a":1}</script><script>other()</script>';
    const hashes = inlineScriptHashes(html);
    assert.equal(hashes.length, 2);
    for (const h of hashes) assert.match(h, /^'sha256-[A-Za-z0-9+/]{43}='$/);
  });

  test('the CSP meta goes right after meta charset and a second run changes nothing', () => {
    const html = '<!doctype html><html><meta charset=utf-8><title>t</title><script type=module>x()</script>';
    const once = withCspMeta(html);
    assert.ok(once.startsWith('<!doctype html><html><meta charset=utf-8><meta http-equiv="Content-Security-Policy"'));
    assert.equal(withCspMeta(once), once);
    assert.ok(!cspOf(once).includes('unsafe-inline'));
  });

  test('the stylesheets are inlined as one <style>, in order; print styles stay apart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'inline-'));
    try {
      await writeFile(join(dir, 'a-1.css'), 'a{color:red}');
      await writeFile(join(dir, 'b-2.css'), 'b{color:blue}');
      await writeFile(join(dir, 'print-3.css'), 'p{color:#000}');
      const html =
        '<base href=/p/><link href=/p/a-1.css integrity=sha384-x rel=stylesheet>' +
        '<link href=/p/b-2.css rel=stylesheet><link href=/p/print-3.css media=print rel=stylesheet>';
      const out = await inlineStyles(html, dir);
      assert.equal(
        out,
        '<base href=/p/><style>a{color:red}\nb{color:blue}</style><link href=/p/print-3.css media=print rel=stylesheet>',
      );
      assert.deepEqual(await readdir(dir), ['print-3.css'], 'the inlined files are gone');
      const policy = contentSecurityPolicy([], inlineStyleHashes(out));
      assert.match(policy, /style-src 'self' 'sha256-[A-Za-z0-9+/]{43}='/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("the page template swaps trunk's loader for ours and marks where each page goes", () => {
    const trunk =
      '<!doctype html><html lang=bg><meta charset=utf-8><title>t</title><meta content="d" name=description>' +
      "<base href=/p/><script type=module>import init, * as bindings from '/p/app-0123456789abcdef.js';\n" +
      "const wasm = await init({ module_or_path: '/p/app-0123456789abcdef_bg.wasm' });</script>" +
      '<link crossorigin href=/p/app-0123456789abcdef.js integrity=sha384-JS rel=modulepreload>' +
      '<link as=fetch crossorigin href=/p/app-0123456789abcdef_bg.wasm integrity=sha384-WASM rel=preload type=application/wasm>' +
      '<link href=/p/favicon-0123.svg rel=icon><link href=manifest.webmanifest rel=manifest>' +
      '</head><body><noscript>n</noscript></body></html>';
    const boot = "const JS = '__JS__';\nconst JS_SRI = '__JS_SRI__';\nconst WASM = '__WASM__';\nconst WASM_SRI = '__WASM_SRI__';";
    const out = pageTemplate(trunk, boot);
    // Named below <base href>: only <base href> says where the site lives.
    assert.deepEqual(loaderConstants(out), {
      JS: './app-0123456789abcdef.js',
      JS_SRI: 'sha384-JS',
      WASM: './app-0123456789abcdef_bg.wasm',
      WASM_SRI: 'sha384-WASM',
    });
    assert.match(out, /<link href=\.\/favicon-0123\.svg rel=icon><link href=manifest\.webmanifest rel=manifest>/);
    assert.equal(pageTemplate(out, boot), out, 'a template made again is the same');
    assert.doesNotMatch(out, /import init|modulepreload|rel=preload|<title>|name=description|lang=bg/);
    assert.match(out, /<!doctype html><html><meta charset=utf-8>/);
    assert.match(out, /<base href=\/p\/><script>const JS/, 'the loader comes right after <base>');
    assert.match(out, /<!--HEAD--><!--\/HEAD--><\/head>/);
    assert.match(out, /<noscript>n<\/noscript><!--static--><!--\/static--><\/body>/);
    assert.throws(() => pageTemplate('<html><body></body></html>', boot), /no trunk loader/);
  });

  test('a build whose JS glue or wasm has no integrity value fails instead of skipping the check', () => {
    const trunk = (jsIntegrity, wasmIntegrity) =>
      "<base href=/><script type=module>import init, * as bindings from '/app-0123456789abcdef.js';\n" +
      "const wasm = await init({ module_or_path: '/app-0123456789abcdef_bg.wasm' });</script>" +
      `<link crossorigin href=/app-0123456789abcdef.js ${jsIntegrity} rel=modulepreload>` +
      `<link as=fetch crossorigin href=/app-0123456789abcdef_bg.wasm ${wasmIntegrity} rel=preload>`;
    const boot = "const JS = '__JS__';\nconst JS_SRI = '__JS_SRI__';\nconst WASM = '__WASM__';\nconst WASM_SRI = '__WASM_SRI__';";
    assert.doesNotThrow(() => pageTemplate(trunk('integrity=sha384-AAAA', 'integrity=sha384-BBBB'), boot));
    assert.throws(() => pageTemplate(trunk('', 'integrity=sha384-BBBB'), boot), /no integrity value for \/app-0123456789abcdef\.js/);
    assert.throws(() => pageTemplate(trunk('integrity=sha384-AAAA', ''), boot), /no integrity value for .*_bg\.wasm/);
    assert.throws(() => pageTemplate(trunk('integrity=""', 'integrity=sha384-BBBB'), boot), /no integrity value/);
  });
});

describe('static host: files of the release build', { timeout: 60_000 }, () => {
  let app;
  let indexHtml;
  let canonical;

  before(async () => {
    app = await startServer({ root: ROOT_DIST, base: '/', port: 0 });
    indexHtml = await readFile(join(ROOT_DIST, 'index.html'), 'utf8');
    canonical = JSON.parse(await readFile(join(ROOT_DIST, 'data', 'news.json'), 'utf8')).site.canonical_url;
  });

  after(async () => {
    await app?.close();
  });

  const at = (path) => new URL(path, app.url).href;

  test('every page is prerendered: 404.html is the not-found page, with the head all pages share', async () => {
    const notFound = await readFile(join(ROOT_DIST, '404.html'), 'utf8');
    assert.match(notFound, /<html lang="?bg"? data-route="\/404">/);
    assert.match(notFound, /Страницата не е намерена/);
    assert.equal(sharedHead(notFound), sharedHead(indexHtml), 'same CSP, loader and styles');
    assert.match(indexHtml, /<html lang="?bg"? data-route="\/">/);
    for (const file of [`events/${SLUG}.html`, `en/events/${SLUG}.html`, 'en.html', 'accessibility.html', 'en/accessibility.html']) {
      const html = await readFile(join(ROOT_DIST, file), 'utf8');
      assert.equal(sharedHead(html), sharedHead(indexHtml), `${file} shares the head`);
      assert.match(html, /<main id="main"[^>]*>[\s\S]*<h1/, `${file} has its content`);
    }
  });

  test('the CSP meta allows the inline loader by hash and nothing inline besides', () => {
    const policy = cspOf(indexHtml);
    assert.equal(policy, contentSecurityPolicy(inlineScriptHashes(indexHtml), inlineStyleHashes(indexHtml)));
    assert.match(policy, /style-src 'self' 'sha256-[^']+'(;|$)/, 'the inlined stylesheet by its hash');
    assert.ok(!policy.includes('unsafe-inline'), policy);
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'strict-dynamic' 'sha256-[^']+'(;|$)/);
    assert.ok(
      indexHtml.indexOf('Content-Security-Policy') < indexHtml.indexOf('<script'),
      'the policy comes before the first script',
    );
  });

  test('the JS glue and the wasm have hashed names and the right sha384 integrity', async () => {
    const { JS, JS_SRI, WASM, WASM_SRI } = loaderConstants(indexHtml);
    assert.match(JS, /^\.\/[\w-]+-[0-9a-f]{8,}\.js$/);
    assert.match(WASM, /^\.\/[\w-]+-[0-9a-f]{8,}_bg\.wasm$/);
    for (const [file, sri] of [[JS, JS_SRI], [WASM, WASM_SRI]]) {
      const digest = createHash('sha384').update(await readFile(join(ROOT_DIST, file))).digest('base64');
      assert.equal(sri, `sha384-${digest}`, `${file}: the integrity matches the file`);
    }
    assert.equal([...indexHtml.matchAll(/<style>/g)].length, 1, 'the screen styles are inlined');
    assert.match(indexHtml, /<link [^>]*href=(?:\.\/)?print-[0-9a-f]+\.css[^>]*integrity=[^>]*media=print/, 'print CSS is hashed, with integrity');
  });

  test('every text asset has .br and .gz siblings with the same content', async () => {
    const files = await listFiles(ROOT_DIST);
    const assets = files.filter((f) => COMPRESSED_EXTENSIONS.has(extname(f).toLowerCase()));
    assert.ok(assets.length >= 15, `found ${assets.length} text assets`);
    for (const file of assets) {
      const name = relative(ROOT_DIST, file);
      const raw = await readFile(file);
      assert.ok(files.includes(`${file}.br`), `${name}.br exists`);
      assert.ok(files.includes(`${file}.gz`), `${name}.gz exists`);
      assert.ok(brotliDecompressSync(await readFile(`${file}.br`)).equals(raw), `${name}.br matches`);
      assert.ok(gunzipSync(await readFile(`${file}.gz`)).equals(raw), `${name}.gz matches`);
    }
  });

  test('the precompressed sibling is what a brotli client gets', async () => {
    const res = await fetch(at('index.html'), { headers: { 'Accept-Encoding': 'br' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-encoding'), 'br');
    // fetch decodes the body: it must be the page itself.
    assert.equal(await res.text(), indexHtml);
  });

  // [file, content type, required parts, the Písek page's path that must be linked or null].
  // Calendars fold long lines, so they are checked by the event's UID instead of its URL.
  const FEEDS = [
    ['events.ics', 'text/calendar', ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', `UID:${SLUG}@`, 'END:VCALENDAR'], null],
    ['events.en.ics', 'text/calendar', ['BEGIN:VCALENDAR', `UID:${SLUG}@`, 'SUMMARY:Project kick-off meeting in Trondheim', 'END:VCALENDAR'], null],
    ['feed.bg.xml', 'xml', ['<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="bg">', '<entry>', '</feed>'], `events/${SLUG}`],
    ['feed.en.xml', 'xml', ['<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">', '<entry>', '</feed>'], `en/events/${SLUG}`],
    ['sitemap.xml', 'xml', ['<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"', '<loc>', '</urlset>'], `events/${SLUG}`],
    ['robots.txt', 'text/plain', ['User-agent: *', 'Sitemap: '], null],
  ];

  for (const [file, type, required, page] of FEEDS) {
    test(`${file} is generated from the news at build time and served as ${type}`, async () => {
      const res = await fetch(at(file));
      assert.equal(res.status, 200);
      assert.ok(res.headers.get('content-type').includes(type), `content type ${res.headers.get('content-type')}`);
      const body = await res.text();
      for (const part of required) assert.ok(body.includes(part), `${file} contains ${part}`);
      if (page) assert.ok(body.includes(`${canonical}${page}`), `${file} links ${canonical}${page}`);
    });
  }

  test('absolute links in the feeds start with site.canonical_url', async () => {
    const robots = await (await fetch(at('robots.txt'))).text();
    assert.ok(robots.includes(`Sitemap: ${canonical}sitemap.xml`), robots);
    const feed = await (await fetch(at('feed.en.xml'))).text();
    assert.ok(feed.includes(`<id>${canonical}feed.en.xml</id>`));
  });
});

describe('static host: policy and origins in Chromium', { timeout: 120_000 }, () => {
  let app;
  let browser;

  before(async () => {
    app = await startServer({ root: ROOT_DIST, base: '/', port: 0 });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  test('using the timeline and an event page breaks no CSP rule and asks no other origin', async () => {
    await withPage(browser, 'csp-origins', async ({ page, problems }) => {
      const hosts = new Set();
      page.on('request', (req) => hosts.add(new URL(req.url()).host));
      // Added through the DevTools protocol, so the policy does not block this script itself.
      await page.addInitScript(() => {
        window.__cspViolations = [];
        document.addEventListener(
          'securitypolicyviolation',
          (e) => window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`),
          true,
        );
      });

      await page.goto(app.url);
      await waitForApp(page);
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      assert.match(policy ?? '', /script-src 'self' 'wasm-unsafe-eval' 'strict-dynamic' 'sha256-/);

      await page.locator('#search').fill('pisek');
      await page.waitForURL((url) => url.searchParams.get('q') === 'pisek', { timeout: APP_TIMEOUT_MS });
      await page.locator('#f-city-pisek').check();
      await page.waitForURL((url) => url.searchParams.get('city') === 'pisek', { timeout: APP_TIMEOUT_MS });
      await page.locator(`.timeline-entry__title a[href$="/events/${SLUG}"]`).click();
      await page.waitForURL((url) => url.pathname.endsWith(`/events/${SLUG}`), { timeout: APP_TIMEOUT_MS });
      await waitForApp(page);
      assert.equal((await page.locator('main h1').innerText()).trim(), TITLE_BG);
      await page.locator('.lang-switch').click();
      await page.waitForURL((url) => url.pathname.startsWith('/en/'), { timeout: APP_TIMEOUT_MS });
      await waitForApp(page);

      assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations');
      const own = new URL(app.url).host;
      assert.deepEqual([...hosts].filter((h) => h !== own), [], 'requests to other origins');
      assertNoProblems(problems, 'timeline and event page under the CSP');
    });
  });
});

const subpathMissing = !existsSync(join(SUBPATH_DIST, 'index.html'));
const SKIP_SUBPATH = subpathMissing
  ? `no sub-path build in ${relative(REPO_ROOT, SUBPATH_DIST)}: ` +
    `trunk build --release --public-url ${SUBPATH_BASE} --dist target/dist-subpath (scripts/test.sh does)`
  : false;

describe('static host: the app built for a sub-path', { timeout: 120_000, skip: SKIP_SUBPATH }, () => {
  let app;
  let browser;

  before(async () => {
    app = await startServer({ root: SUBPATH_DIST, base: SUBPATH_BASE, port: 0 });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  const origin = () => new URL(app.url).origin;

  /** Every same-origin link in the page, as paths. */
  const localLinks = (page) =>
    page.$$eval('a[href]', (as) =>
      as.map((a) => new URL(a.href)).filter((u) => u.origin === location.origin).map((u) => u.pathname + u.search),
    );

  /** Records requests; fails later on any outside the base or on another origin. */
  function recordRequests(page) {
    const urls = [];
    page.on('request', (req) => urls.push(req.url()));
    return () => {
      const outside = urls.filter((u) => {
        const url = new URL(u);
        return url.origin !== origin() || !url.pathname.startsWith(SUBPATH_BASE);
      });
      assert.deepEqual(outside, [], 'requests outside the base path');
      return urls;
    };
  }

  test('the build points at the base: <base href> and CSP are in place', async () => {
    const html = await readFile(join(SUBPATH_DIST, 'index.html'), 'utf8');
    assert.match(html, new RegExp(`<base href="?${SUBPATH_BASE}"?>`));
    // Below the base, so that only <base href> says where the site lives.
    assert.ok(loaderConstants(html).JS.startsWith('./project-news-'));
    assert.ok(loaderConstants(html).WASM.startsWith('./project-news-'));
    cspOf(html);
    assert.equal(sharedHead(await readFile(join(SUBPATH_DIST, '404.html'), 'utf8')), sharedHead(html));
  });

  test('a deep link to an event page loads under the base and its links stay there', async () => {
    await withPage(browser, 'subpath-event', async ({ page, problems }) => {
      const checkRequests = recordRequests(page);
      const response = await page.goto(`${app.url}events/${SLUG}`);
      assert.equal(response?.status(), 200);
      await waitForApp(page);
      assert.equal((await page.locator('main h1').innerText()).trim(), TITLE_BG);
      assert.equal(
        await page.locator('.lang-switch').getAttribute('href'),
        `${SUBPATH_BASE}en/events/${SLUG}`,
      );
      const links = await localLinks(page);
      assert.ok(links.length > 5, `links found: ${links.length}`);
      for (const link of links) assert.ok(link.startsWith(SUBPATH_BASE), `${link} is under ${SUBPATH_BASE}`);
      const urls = checkRequests();
      assert.ok(urls.includes(`${app.url}data/news.json`), 'the news came from under the base');
      assertNoProblems(problems, 'the event page under a sub-path');
    });
  });

  test('a filtered English timeline loads under the base and keeps entries and switch there', async () => {
    await withPage(browser, 'subpath-timeline', async ({ page, problems }) => {
      const checkRequests = recordRequests(page);
      const response = await page.goto(`${app.url}en?city=pisek`);
      assert.equal(response?.status(), 200);
      await waitForApp(page);
      await page.getByRole('heading', { level: 1, name: 'Project timeline' }).waitFor({ timeout: APP_TIMEOUT_MS });
      assert.equal(await page.locator('#f-city-pisek').isChecked(), true, 'the filter from the URL applies');
      const entries = await page.locator('.timeline-entry__title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.ok(entries.length >= 1, 'the data loaded: at least one entry');
      for (const href of entries) assert.ok(href.startsWith(`${SUBPATH_BASE}en/events/`), href);
      assert.ok(entries.includes(`${SUBPATH_BASE}en/events/${SLUG}`));
      const toBulgarian = await page.locator('.lang-switch').getAttribute('href');
      assert.equal(new URL(toBulgarian, app.url).pathname, SUBPATH_BASE);
      assert.equal(new URL(toBulgarian, app.url).searchParams.get('city'), 'pisek');
      for (const link of await localLinks(page)) assert.ok(link.startsWith(SUBPATH_BASE), `${link} is under ${SUBPATH_BASE}`);
      checkRequests();
      assertNoProblems(problems, 'the filtered timeline under a sub-path');
    });
  });

  test('the feeds the footer links to are served under the base', async () => {
    for (const file of ['feed.bg.xml', 'feed.en.xml', 'events.ics', 'events.en.ics', 'sitemap.xml', 'robots.txt']) {
      const res = await fetch(`${app.url}${file}`);
      assert.equal(res.status, 200, file);
    }
  });
});

describe('static host: a host that answers every unknown path with 404.html', { timeout: 120_000 }, () => {
  let app;
  let browser;

  before(async () => {
    app = await startServer({ root: ROOT_DIST, base: '/', port: 0, tryHtml: false });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  for (const [path, heading, lang] of [
    [`events/${SLUG}`, TITLE_BG, 'bg'],
    ['en', 'Project timeline', 'en'],
    [`en/events/${SLUG}`, 'Annual +CityxChange consortium meeting in Písek', 'en'],
  ]) {
    test(`/${path} still opens its page, through the app`, async () => {
      await withPage(browser, `fallback-only-${path}`, async ({ page, problems }) => {
        const response = await page.goto(`${app.url}${path}`);
        assert.equal(response?.status(), 404, 'the host answered with its 404 page');
        await page.locator('html[data-app="ready"]').waitFor({ state: 'attached', timeout: APP_TIMEOUT_MS });
        assert.equal((await page.locator('main h1').innerText()).trim(), heading);
        assert.equal(await page.locator('html').getAttribute('lang'), lang);
        assert.equal(await page.locator('html.app-wait').count(), 0, 'nothing stays hidden');
        assertNoProblems(problems, `/${path} through 404.html`, { allowNotFound: true });
      });
    });
  }
});
