// Browser benchmark: the built app against a static HTML page that lists the same events (the
// "physical limit", scripts/baseline-page.mjs), for synthetic archives of several sizes.
// Prints figures; it is never a pass/fail test.
//
// For each size N it writes a synthetic news file (`newsctl synth`) into a copy of the release
// build (data/news.json), renders the copy's timeline pages again from it (`newsctl prerender
// --routes /,/en`: only the two pages loaded here, as 2N event pages would take minutes to
// write and compress), writes the baseline page beside it, precompresses everything with
// brotli (as a static host would) and serves the folder from 127.0.0.1. Debian's Chromium
// (headless, through playwright-core) then loads the app and the baseline alternately, one
// warm-up run each and --runs measured runs each, every run in a fresh browser context with
// the HTTP cache disabled.
//
// The app's pages are prerendered HTML with a small inline loader; loading the page does not
// start the wasm (it starts on the first use of the filters, or when a script calls
// window.newsStart()). So a run has up to three phases:
//  1. page load: what a visitor who only reads gets. Nothing is touched.
//  2. app start (app only): window.newsStart() is called, and the run waits for
//     <html data-app="ready"> (the app has replaced the prerendered page) and a quiet main
//     thread.
//  3. typing: into #search, in the app once it is ready.
//
// What one run measures (times in ms from navigation start, the page's time origin, unless
// said otherwise):
// - fcp: the browser's first-contentful-paint entry.
// - first event: a MutationObserver installed before any page script notes when the first
//   <article> enters the DOM (for prerendered HTML: when the parser inserts it); from there a
//   requestAnimationFrame callback posts a message (MessageChannel) whose handler runs once
//   that frame's style, layout and paint are done. The handler's performance.now() is the
//   figure, raised to fcp if it came earlier (nothing is visible before the first paint).
// - main thread quiet: the end of the last long task (PerformanceObserver 'longtask', tasks of
//   50 ms and more) after which none follows for 500 ms, and at least the first-event time.
// - bytes, page load: sum of encodedDataLength of CDP Network.loadingFinished (compressed
//   bodies plus response headers) for every request sent before the app is started, except
//   the app's own files (below).
// - memory, after a forced garbage collection (CDP HeapProfiler.collectGarbage), once after
//   the page load and (app) once more after the app start: JSHeapUsedSize and DOM Nodes from
//   CDP Performance.getMetrics; the app's wasm linear memory (its WebAssembly.Memory, which
//   the JS heap figure does not include; read from the glue module once the app runs); and
//   the renderer process's private memory (Private_Clean + Private_Dirty from
//   /proc/PID/smaps_rollup), where PID is the renderer with the largest PSS among those CDP
//   SystemInfo.getProcessInfo lists for this browser (each run has one page; spare renderers
//   are small).
// - app ready (app only): performance.now() when <html data-app="ready"> is set (a
//   MutationObserver on that attribute) minus performance.now() just before the
//   window.newsStart() call. "from navigation start" is the same moment on the page's clock;
//   it includes the wait for the page load's quiet point (500 ms without a long task) and its
//   memory reading, since the call comes after them.
// - app quiet (app only): like main thread quiet, from the newsStart() call, for long tasks
//   after it.
// - bytes, app start (app only): as bytes above, for the requests sent from the newsStart()
//   call until the app is quiet, and for the app's own files (JS glue, wasm, data/news.json)
//   whenever they were sent: the loader's idle prefetch fetches them once the page is idle,
//   before the start (the run's summary line marks them). App ready then counts no download.
// - keystroke -> next frame: the word (default "pisek") is typed letter by letter into
//   #search. For each letter: t0 = performance.now() in a capturing keydown listener on
//   window (registered before the page's own); a MutationObserver notes each DOM change that
//   follows; the figure is the performance.now() of the first requestAnimationFrame callback
//   after the last change, minus t0. "after paint" adds that frame's rendering (the
//   MessageChannel trick above). A letter that changes nothing takes the first frame after
//   the input event. The next letter waits until 300 ms pass without a change. Per run the
//   median over the letters is kept.
// The baseline has no app to start: its memory figures after the page load stand for both
// rows ("page load" and "app running") in the comparison.
// Across runs: median and min–max; then the ratio app ÷ baseline of the medians.
//
// Usage: node scripts/bench-browser.mjs [--dist DIR] [--sizes 200,2000,10000] [--runs 5]
//          [--warmup 1] [--seed 2018] [--word pisek] [--throttle 4] [--json FILE]
//          [--newsctl release|debug] [--time-limit-min 45] [--phone [--read-ms N] [--desktop]]
//          [--no-start]
// --phone: a phone visitor instead (see PHONE below): 412 px touch screen, 150 ms round trip,
//   1.6 Mbit/s down, CPU slowed 4×; the word is typed at once on landing, 120 ms a letter, and
//   the figure is the time from the first (and the last) keystroke to the filtered count.
//   "search ready" is when the first answer's module and tables were in (0 when the idle
//   prefetch had fetched them), or else the app ready, from the touch on the field.
//   --read-ms N: the visitor reads for N ms after the search field shows, then types.
//   --desktop: the same visitor who types at once, on the desktop (1,280 px, no network or CPU
//   slowed): what starting a search costs there, in time and bytes.
// --no-start: the app is not started before typing; the word is typed into the page as it is
//   (where publishing marked the archive large, the first answer answers it: the keystroke
//   figures are then the first answer's, and the app-start figures are left out).
// Build the app first: trunk build --release --dist DIR (default DIR: dist).

import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { openSync, closeSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/e2e/server.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/helpers.mjs';
import { baselineHtml } from './baseline-page.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VIEWPORT = { width: 1280, height: 900 };
const QUIET_WINDOW_MS = 500;
const KEY_SETTLE_MS = 300;
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.svg', '.webmanifest', '.xml', '.txt']);

const USAGE = `usage: node scripts/bench-browser.mjs [--dist DIR] [--sizes 200,2000,10000] [--runs 5]
         [--warmup 1] [--seed 2018] [--word pisek] [--throttle RATE] [--json FILE]
         [--newsctl release|debug] [--time-limit-min 45] [--phone [--read-ms N] [--desktop]]
         [--no-start]`;

function parseArgs(argv) {
  const o = {
    dist: join(ROOT, 'dist'),
    sizes: [200, 2000, 10000],
    runs: 5,
    warmup: 1,
    seed: 2018,
    word: 'pisek',
    throttle: 1,
    json: null,
    newsctl: 'release',
    timeLimitMin: 45,
    phone: false,
    desktop: false,
    readMs: 0,
    noStart: false,
  };
  const int = (flag, v, min) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`${flag} needs a whole number >= ${min}`);
    return n;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (flag === '--phone') {
      o.phone = true;
      continue;
    }
    if (flag === '--desktop') {
      o.desktop = true;
      continue;
    }
    if (flag === '--no-start') {
      o.noStart = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
    switch (flag) {
      case '--dist': o.dist = resolve(value); break;
      case '--sizes': o.sizes = value.split(',').map((s) => int('--sizes', s.trim(), 1)); break;
      case '--runs': o.runs = int(flag, value, 1); break;
      case '--warmup': o.warmup = int(flag, value, 0); break;
      case '--seed': o.seed = int(flag, value, 0); break;
      case '--word': o.word = value; break;
      case '--throttle': o.throttle = Number(value); break;
      case '--json': o.json = resolve(value); break;
      case '--newsctl':
        if (value !== 'release' && value !== 'debug') throw new Error('--newsctl is release or debug');
        o.newsctl = value;
        break;
      case '--time-limit-min': o.timeLimitMin = Number(value); break;
      case '--read-ms': o.readMs = int(flag, value, 0); break;
      default: throw new Error(`unknown option ${flag}\n${USAGE}`);
    }
  }
  if (o.desktop && !o.phone) throw new Error('--desktop goes with --phone');
  if (!(o.throttle >= 1)) throw new Error('--throttle must be 1 or more');
  if (!(o.timeLimitMin > 0)) throw new Error('--time-limit-min must be positive');
  return o;
}

// ---------- data and files ----------

/** Runs newsctl through cargo, stdout into `outFile` (or returned when null). */
function newsctl(options, args, outFile = null) {
  const profile = options.newsctl === 'release' ? ['--release'] : [];
  const fd = outFile ? openSync(outFile, 'w') : 'pipe';
  try {
    const run = spawnSync('cargo', ['run', '--locked', '--quiet', ...profile, '--bin', 'newsctl', '--', ...args], {
      cwd: ROOT,
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      // A cold release build of the tool fits in this; a hung one does not hold the run.
      timeout: 20 * 60_000,
    });
    if (run.error) throw run.error;
    return { status: run.status, stdout: run.stdout ?? '', stderr: run.stderr ?? '' };
  } finally {
    if (outFile) closeSync(fd);
  }
}

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Writes file.br beside every compressible file; the server prefers these. */
async function precompress(dir) {
  for await (const file of walk(dir)) {
    if (!COMPRESSIBLE.has(extname(file).toLowerCase())) continue;
    const body = await readFile(file);
    const quality = body.length > 4 * 1024 * 1024 ? 9 : 11; // q11 on megabytes takes long
    const br = brotliCompressSync(body, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: quality, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
    });
    await writeFile(`${file}.br`, br);
  }
}

/** The served folder for one size: the app (dist copy, synthetic data) and baseline.html. */
async function prepareSite(options, workDir, n) {
  const site = join(workDir, `site-${n}`);
  await cp(options.dist, site, { recursive: true });
  const data = join(site, 'data', 'news.json');
  await mkdir(dirname(data), { recursive: true });
  const made = newsctl(options, ['synth', '--events', String(n), '--seed', String(options.seed), 'public/data/news.json'], data);
  if (made.status !== 0) throw new Error(`newsctl synth failed (${made.status}):\n${made.stderr}`);
  const checked = newsctl(options, ['check', data]);
  if (checked.status !== 0) throw new Error(`the synthetic file does not pass newsctl check:\n${checked.stdout}${checked.stderr}`);
  // The build's pages show the shipped news: the two timelines are rendered again from the
  // synthetic file, with their first answer's files (search/); the event pages of the shipped
  // news go, as no synthetic event has them.
  await rm(join(site, 'search'), { recursive: true, force: true });
  const rendered = newsctl(options, ['prerender', '--template', join(site, 'index.html'), '--out', site, '--routes', '/,/en', data]);
  if (rendered.status !== 0) throw new Error(`newsctl prerender failed (${rendered.status}):\n${rendered.stdout}${rendered.stderr}`);
  for (const dir of [join(site, 'events'), join(site, 'en', 'events')]) await rm(dir, { recursive: true, force: true });
  const text = await readFile(data, 'utf8');
  await writeFile(join(site, 'baseline.html'), baselineHtml(text));
  // Stale precompressed siblings from the build would serve the shipped data instead.
  for await (const file of walk(site)) if (file.endsWith('.br') || file.endsWith('.gz')) await rm(file);
  await precompress(site);
  return { site, jsonBytes: (await stat(data)).size, baselineBytes: (await stat(join(site, 'baseline.html'))).size };
}

/** The app's own files: its JS glue, its wasm and the news file. */
function isAppFile(path) {
  return /\.wasm$/.test(path) || /\/project-news-[0-9a-f]+\.js$/.test(path) || /\/data\/news\.json$/.test(path);
}

// ---------- in-page instrumentation ----------

/** Installed before any page script; keeps its findings in window.__bench. */
function instrument(settleMs) {
  const b = {
    firstEventDom: null,
    firstEventFrame: null,
    firstEventInView: null,
    longTasks: [],
    appCall: null,
    appReady: null,
    appReadyFrame: null,
    appState: null,
    keys: [],
    key: null,
  };
  window.__bench = b;
  // Runs `cb` once the next frame has been rendered: a task posted from rAF runs after it.
  const afterFrame = (cb) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => cb(performance.now());
      ch.port2.postMessage(0);
    });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.startTime + e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    b.longTasks = null;
  }
  const firstEvent = new MutationObserver(() => {
    const article = document.querySelector('article');
    if (!article || b.firstEventDom !== null) return;
    b.firstEventDom = performance.now();
    firstEvent.disconnect();
    afterFrame((t) => {
      b.firstEventFrame = t;
      const r = article.getBoundingClientRect();
      b.firstEventInView = r.top < innerHeight && r.bottom > 0 && r.height > 0;
    });
  });
  firstEvent.observe(document, { childList: true, subtree: true });

  /** Starts the app as a script would and notes when the page says it is ready. */
  b.startApp = () => {
    const root = document.documentElement;
    const watch = new MutationObserver(() => {
      const state = root.dataset.app;
      if (state !== 'ready' && state !== 'failed') return;
      b.appReady = performance.now();
      b.appState = state;
      watch.disconnect();
      afterFrame((t) => {
        b.appReadyFrame = t;
      });
    });
    watch.observe(root, { attributes: true, attributeFilter: ['data-app'] });
    if (typeof window.newsStart !== 'function') return 'no window.newsStart';
    b.appCall = performance.now();
    window.newsStart();
    return null;
  };
  /** The wasm's linear memory in bytes, from the glue module the loader imported. */
  b.wasmMemory = async () => {
    // The app's glue, not the first answer's module (the loader preloads both).
    const href = [...document.querySelectorAll('link[rel="modulepreload"]')].find((link) => !/\/first-answer-[^/]*\.js$/.test(link.href))?.href;
    if (!href) return null;
    // Initialising again returns the running instance's exports.
    const glue = await import(href);
    const exports = await glue.default();
    return exports?.memory?.buffer?.byteLength ?? null;
  };

  // Typing: observed only once the driver starts typing, so loading pays nothing for it.
  const typing = new MutationObserver(() => {
    const k = b.key;
    if (!k) return;
    k.lastChange = performance.now();
    k.firstChange ??= k.lastChange;
    k.changeSeq += 1;
    const seq = k.changeSeq;
    requestAnimationFrame(() => {
      if (seq !== k.changeSeq) return;
      k.frame = performance.now();
      k.frameSeq = seq;
      afterFrame((t) => {
        if (k.frameSeq === seq) k.painted = t;
      });
    });
  });
  b.startTyping = () =>
    typing.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  addEventListener(
    'keydown',
    (e) => {
      if (e.target?.id !== 'search') return;
      const k = { key: e.key, t0: performance.now(), input: null, idleFrame: null, firstChange: null, lastChange: null, changeSeq: 0, frame: null, frameSeq: -1, painted: null };
      b.keys.push(k);
      b.key = k;
    },
    true,
  );
  addEventListener(
    'input',
    (e) => {
      const k = b.key;
      if (!k || e.target?.id !== 'search') return;
      k.input = performance.now();
      requestAnimationFrame(() => {
        k.idleFrame = performance.now();
      });
    },
    true,
  );
  /** Resolves once the current keystroke's changes are over and their frame is measured. */
  b.keySettled = (limitMs) =>
    new Promise((done) => {
      const start = performance.now();
      const tick = () => {
        const k = b.key;
        const now = performance.now();
        const last = k ? (k.lastChange ?? k.input ?? k.t0) : start;
        const measured = k && (k.lastChange === null ? k.idleFrame !== null : k.painted !== null && k.frameSeq === k.changeSeq);
        if ((measured && now - last >= settleMs) || now - start > limitMs) done(Boolean(measured));
        else setTimeout(tick, 25);
      };
      tick();
    });
  /**
   * Resolves with the quiet time: the end of the last long task after b[fromKey] (and not
   * before that moment), once no long task has come for `windowMs`.
   */
  b.quiet = (fromKey, windowMs, limitMs) =>
    new Promise((done) => {
      const start = performance.now();
      const tick = () => {
        const from = b[fromKey];
        const ends = (b.longTasks ?? []).map((t) => t[1]).filter((end) => from !== null && end > from);
        const quiet = Math.max(from ?? 0, ...ends);
        const now = performance.now();
        if (from !== null && now - quiet >= windowMs) done({ quiet, timedOut: false });
        else if (now - start > limitMs) done({ quiet, timedOut: true });
        else setTimeout(tick, 50);
      };
      tick();
    });
}

// ---------- one run ----------

async function rendererPids(browserSession) {
  const { processInfo } = await browserSession.send('SystemInfo.getProcessInfo');
  return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
}

/**
 * The page's renderer: the one with the largest PSS among those that did not exist before the
 * run's context (all of them if none is new). Returns { pid, pssKb, privateKb, renderers }.
 */
async function rendererMemory(browserSession, before) {
  const all = await rendererPids(browserSession);
  const fresh = all.filter((pid) => !before.includes(pid));
  const renderers = (fresh.length ? fresh : all).map((id) => ({ id }));
  let best = null;
  for (const p of renderers) {
    let text;
    try {
      text = await readFile(`/proc/${p.id}/smaps_rollup`, 'utf8');
    } catch {
      continue; // exited meanwhile, or no /proc
    }
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
    const m = { pid: p.id, pssKb: kb('Pss'), privateKb: kb('Private_Clean') + kb('Private_Dirty') };
    if (!best || m.pssKb > best.pssKb) best = m;
  }
  return best ? { ...best, renderers: renderers.length } : null;
}

/** Memory after a forced garbage collection: renderer private and PSS, JS heap, DOM nodes. */
async function memory(cdp, browserSession, renderersBefore) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? null;
  const renderer = await rendererMemory(browserSession, renderersBefore);
  return {
    rendererPrivate: renderer ? renderer.privateKb * 1024 : null,
    rendererPss: renderer ? renderer.pssKb * 1024 : null,
    renderersSeen: renderer?.renderers ?? null,
    jsHeapUsed: metric('JSHeapUsedSize'),
    domNodes: metric('Nodes'),
  };
}

/** `{ key: value }` with every key suffixed, e.g. rendererPrivate -> rendererPrivateApp. */
const suffixed = (object, suffix) => Object.fromEntries(Object.entries(object).map(([k, v]) => [k + suffix, v]));

async function measureRun(browser, browserSession, url, options, { startApp }) {
  const timeScale = options.throttle;
  const renderersBefore = await rendererPids(browserSession);
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.addInitScript(`(${instrument.toString()})(${KEY_SETTLE_MS});`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.enable');
    if (timeScale > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: timeScale });
    // Each request belongs to the phase in which it was sent.
    let phase = 'load';
    const requests = new Map();
    // The app's own files (glue, wasm, news) belong to the app start whenever they are sent:
    // the loader's idle prefetch fetches them once the page is idle, before the start.
    cdp.on('Network.requestWillBeSent', (e) => {
      const own = startApp && isAppFile(new URL(e.request.url, url).pathname);
      if (!requests.has(e.requestId)) requests.set(e.requestId, { url: e.request.url, phase: own ? 'app' : phase, early: own && phase === 'load', bytes: null });
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = requests.get(e.requestId);
      if (r) r.bytes = e.encodedDataLength;
    });
    const phaseRequests = (name) =>
      [...requests.values()].filter((r) => r.phase === name).map((r) => ({ path: new URL(r.url, url).pathname, bytes: r.bytes, early: r.early }));
    const sum = (list) => list.reduce((s, r) => s + (r.bytes ?? 0), 0);

    // 1. The page load.
    await page.goto(url, { waitUntil: 'commit', timeout: 30_000 * timeScale });
    await page.waitForFunction(() => window.__bench?.firstEventFrame != null, null, {
      timeout: 60_000 * timeScale,
      polling: 50,
    }).catch(() => {
      throw new Error(`no event appeared on ${url}${errors.length ? `: ${errors.join('; ')}` : ''}`);
    });
    const quiet = await page.evaluate(([w, l]) => window.__bench.quiet('firstEventFrame', w, l), [QUIET_WINDOW_MS, 60_000 * timeScale]);
    const load = await page.evaluate(() => {
      const b = window.__bench;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
      return {
        fcp,
        firstEventDom: b.firstEventDom,
        firstEventFrame: b.firstEventFrame,
        firstEventInView: b.firstEventInView,
        longTaskCount: b.longTasks?.length ?? null,
        longTaskMs: b.longTasks ? b.longTasks.reduce((s, t) => s + t[1] - t[0], 0) : null,
        articles: document.querySelectorAll('article').length,
        // Set by the loader once something started the app: the page load must not.
        appStateAtLoad: document.documentElement.dataset.app ?? null,
        resources: performance.getEntriesByType('resource').map((r) => ({
          path: new URL(r.name).pathname,
          start: Math.round(r.startTime),
          end: Math.round(r.responseEnd),
        })),
      };
    });
    // Let in-flight responses finish before counting bytes (all should be done by quiet).
    await page.waitForTimeout(100);
    const loadRequests = phaseRequests('load');
    const memoryLoad = await memory(cdp, browserSession, renderersBefore);

    // 2. The app start.
    let app = null;
    if (startApp) {
      phase = 'app';
      const refused = await page.evaluate(() => window.__bench.startApp());
      if (refused) throw new Error(`cannot start the app on ${url}: ${refused}`);
      await page.waitForFunction(() => window.__bench.appReadyFrame != null, null, {
        timeout: 60_000 * timeScale,
        polling: 50,
      }).catch(() => {
        throw new Error(`the app did not become ready on ${url}${errors.length ? `: ${errors.join('; ')}` : ''}`);
      });
      const appQuiet = await page.evaluate(([w, l]) => window.__bench.quiet('appCall', w, l), [QUIET_WINDOW_MS, 60_000 * timeScale]);
      await page.waitForTimeout(100);
      const state = await page.evaluate(() => {
        const b = window.__bench;
        const after = (b.longTasks ?? []).filter((t) => t[1] > b.appCall);
        return {
          appCall: b.appCall,
          appReadyAt: b.appReady,
          appReadyFrameAt: b.appReadyFrame,
          appState: b.appState,
          appLongTaskCount: after.length,
          appLongTaskMs: after.reduce((s, t) => s + t[1] - Math.max(t[0], b.appCall), 0),
          articles: document.querySelectorAll('article').length,
        };
      });
      if (state.appState !== 'ready') throw new Error(`the app failed to start on ${url}${errors.length ? `: ${errors.join('; ')}` : ''}`);
      const appRequests = phaseRequests('app');
      const wasmMemory = await page.evaluate(() => window.__bench.wasmMemory());
      app = {
        ...state,
        appReady: state.appReadyAt - state.appCall,
        appReadyTotal: state.appReadyAt,
        appReadyPainted: state.appReadyFrameAt - state.appCall,
        appQuiet: appQuiet.quiet - state.appCall,
        appQuietTimedOut: appQuiet.timedOut,
        bytesApp: sum(appRequests),
        bytesTotal: sum(loadRequests) + sum(appRequests),
        appRequests,
        wasmMemory,
        ...suffixed(await memory(cdp, browserSession, renderersBefore), 'App'),
      };
    }

    // 3. Typing, letter by letter. Requests from here on (with the cache off, each URL update
    // fetches the favicon again) belong to neither figure above.
    phase = 'typing';
    await page.focus('#search');
    await page.evaluate(() => window.__bench.startTyping());
    const keys = [];
    for (const letter of options.word) {
      await page.keyboard.press(letter);
      const settled = await page.evaluate((l) => window.__bench.keySettled(l), 15_000 * timeScale);
      const k = await page.evaluate(() => {
        const k = window.__bench.key;
        return k && { ...k };
      });
      if (!k) throw new Error(`the keystroke "${letter}" did not reach #search on ${url}`);
      const changed = k.lastChange !== null;
      keys.push({
        letter,
        settled,
        changed,
        toFrame: (changed ? k.frame : k.idleFrame) - k.t0,
        toPainted: changed ? k.painted - k.t0 : null,
        // Where the time went: the input event, the first and the last DOM change.
        toInput: k.input === null ? null : k.input - k.t0,
        toFirstChange: changed ? k.firstChange - k.t0 : null,
        toLastChange: changed ? k.lastChange - k.t0 : null,
      });
    }
    const resultText = await page.evaluate(() => document.querySelector('.result-count')?.textContent?.trim() ?? null);

    const firstEvent = load.fcp === null ? load.firstEventFrame : Math.max(load.fcp, load.firstEventFrame);
    return {
      fcp: load.fcp,
      firstEvent,
      firstEventDom: load.firstEventDom,
      firstEventInView: load.firstEventInView,
      // The quiet point is never before the first event is seen.
      quiet: Math.max(quiet.quiet, firstEvent),
      quietTimedOut: quiet.timedOut,
      longTaskCount: load.longTaskCount,
      longTaskMs: load.longTaskMs,
      articlesInDom: load.articles,
      appStateAtLoad: load.appStateAtLoad,
      resources: load.resources,
      bytesLoad: sum(loadRequests),
      loadRequests,
      ...suffixed(memoryLoad, 'Load'),
      ...(app ?? {}),
      requestsWhileTyping: phaseRequests('typing').length,
      keystrokeFrame: median(keys.map((k) => k.toFrame)),
      keystrokePainted: median(keys.map((k) => k.toPainted).filter((v) => v !== null)),
      keys,
      resultText,
      errors,
    };
  } finally {
    await context.close();
  }
}

// ---------- statistics and output ----------

function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

function summary(runs, key) {
  const v = runs.map((r) => r[key]).filter((x) => typeof x === 'number' && Number.isFinite(x));
  if (v.length === 0) return null;
  return { median: median(v), min: Math.min(...v), max: Math.max(...v), n: v.length };
}

/**
 * The figures of the table: key, label, unit, and the baseline's key when it differs (null:
 * the baseline has no such figure). The baseline has no app to start, so its page-load
 * memory stands beside the app's "app running" memory, and its page-load bytes beside the
 * app's total.
 */
const FIGURES = [
  ['fcp', 'first contentful paint', 'ms'],
  ['firstEvent', 'first event painted', 'ms'],
  ['quiet', 'main thread quiet', 'ms'],
  ['bytesLoad', 'bytes, page load', 'KB'],
  ['rendererPrivateLoad', 'renderer private memory, page load', 'MB'],
  ['jsHeapUsedLoad', 'JS heap used, page load', 'MB'],
  ['domNodesLoad', 'DOM nodes, page load', 'n'],
  ['appReady', 'app ready, from newsStart()', 'ms', null],
  ['appReadyTotal', 'app ready, from navigation start', 'ms', null],
  ['appQuiet', 'main thread quiet, from newsStart()', 'ms', null],
  ['bytesApp', 'bytes, app start', 'KB', null],
  ['bytesTotal', 'bytes, page load + app start', 'KB', 'bytesLoad'],
  ['rendererPrivateApp', 'renderer private memory, app running', 'MB', 'rendererPrivateLoad'],
  ['jsHeapUsedApp', 'JS heap used, app running', 'MB', 'jsHeapUsedLoad'],
  ['wasmMemory', 'wasm linear memory', 'MB', null],
  ['domNodesApp', 'DOM nodes, app running', 'n', 'domNodesLoad'],
  ['keystrokeFrame', 'keystroke → next frame', 'ms'],
  ['keystrokePainted', 'keystroke → frame painted', 'ms'],
];

function fmt(value, unit) {
  if (value === null || value === undefined) return '–';
  switch (unit) {
    case 'ms': return value < 100 ? value.toFixed(1) : value.toFixed(0);
    case 'KB': return (value / 1024).toFixed(1);
    case 'MB': return (value / (1024 * 1024)).toFixed(1);
    default: return String(Math.round(value));
  }
}

function cell(s, unit) {
  if (!s) return '–';
  return `${fmt(s.median, unit)} (${fmt(s.min, unit)}–${fmt(s.max, unit)})`;
}

function table(results, figures = FIGURES) {
  const lines = [];
  for (const r of results) {
    lines.push(`\n### ${r.events.toLocaleString('en')} events (news.json ${(r.jsonBytes / 1024).toFixed(0)} KB raw, baseline.html ${(r.baselineBytes / 1024).toFixed(0)} KB raw)\n`);
    lines.push('| figure | unit | app: median (min–max) | baseline: median (min–max) | app ÷ baseline |');
    lines.push('|---|---|---:|---:|---:|');
    for (const [key, label, unit, baselineKey] of figures) {
      const a = r.app.summary[key];
      const b = baselineKey === null ? null : r.baseline.summary[baselineKey ?? key];
      if (!a && !b) continue;
      const ratio = a && b && b.median > 0 ? `${(a.median / b.median).toFixed(2)}×` : '–';
      lines.push(`| ${label} | ${unit} | ${cell(a, unit)} | ${cell(b, unit)} | ${ratio} |`);
    }
    const note = (page) => {
      const last = page.runs.at(-1);
      if (!last) return '';
      if (last.articlesInDom === undefined) {
        return `search shows "${last.resultText ?? '?'}", ${last.appStarted ? 'the app took over' : 'the app was not started'}`;
      }
      const started = last.appCall == null ? '' : `, ${last.articles} once the app runs (requests: ${last.appRequests.map((q) => q.path + (q.early ? ' [idle prefetch, before the start]' : '')).join(', ')})`;
      return `${last.articlesInDom} articles in the DOM after the page load${started}; search shows "${last.resultText ?? '?'}"`;
    };
    lines.push(`\napp: ${note(r.app)}; baseline: ${note(r.baseline)}.`);
  }
  return lines.join('\n');
}

// ---------- a phone visitor ----------

/** The phone profile: a mid-range phone on a slow mobile network. */
const PHONE = {
  context: { viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 },
  network: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
  cpu: 4,
  keyMs: 120,
};

/** Installed before any page script: when the keys go down and when the count first changes. */
function phoneInstrument() {
  const p = { firstKey: null, lastKey: null, filtered: null, initial: null, idle: null, appReady: null };
  window.__phone = p;
  // When the app has taken the page over (the loader's mark).
  // (The document has no element yet when this runs.)
  new MutationObserver(() => {
    if (p.appReady === null && document.documentElement?.dataset.app === 'ready') p.appReady = performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-app'] });
  addEventListener(
    'keydown',
    () => {
      const now = performance.now();
      if (p.firstKey === null) {
        p.firstKey = now;
        p.initial = document.querySelector('.result-count')?.textContent ?? '';
      }
      p.lastKey = now;
    },
    true,
  );
  new MutationObserver(() => {
    if (p.firstKey === null || p.filtered !== null) return;
    const count = document.querySelector('.result-count');
    const text = count?.textContent ?? '';
    // The filtered list is on the page once the count says something else and is visible.
    if (text && text !== p.initial && count.getBoundingClientRect().height > 0) {
      requestAnimationFrame(() => {
        if (p.filtered === null) p.filtered = performance.now();
      });
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

/** The same visitor on the desktop (`--phone --desktop`): nothing slowed. */
const DESKTOP = {
  context: { viewport: { width: 1280, height: 900 } },
  network: null,
  cpu: 1,
  keyMs: PHONE.keyMs,
};

async function measurePhoneRun(browser, url, options) {
  const profile = options.desktop ? DESKTOP : PHONE;
  const context = await browser.newContext(profile.context);
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.addInitScript(`(${phoneInstrument.toString()})();`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    let phase = 'load';
    const requests = new Map();
    cdp.on('Network.requestWillBeSent', (e) => {
      if (!requests.has(e.requestId)) requests.set(e.requestId, { phase, bytes: 0 });
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = requests.get(e.requestId);
      if (r) r.bytes = e.encodedDataLength;
    });
    const bytes = (name) => [...requests.values()].filter((r) => r.phase === name).reduce((sum, r) => sum + r.bytes, 0);

    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    // The visitor types as soon as the field is there.
    await page.locator('#search').waitFor({ state: 'visible', timeout: 120_000 });
    const field = await page.evaluate(() => performance.now());
    // With --read-ms, the visitor reads the page that long before reaching for search.
    if (options.readMs) await page.waitForTimeout(options.readMs);
    phase = 'typing';
    const reach = await page.evaluate(() => performance.now());
    // A touch on the phone, a click on the desktop.
    if (options.desktop) await page.locator('#search').click();
    else await page.locator('#search').tap();
    for (const letter of options.word) {
      await page.keyboard.type(letter);
      await page.waitForTimeout(profile.keyMs);
    }
    await page.waitForFunction(() => window.__phone.filtered !== null, null, { timeout: 120_000, polling: 50 });
    const p = await page.evaluate(() => ({ ...window.__phone }));
    // When the search could answer, from the touch: the first answer's module and tables in
    // (at 0 when the idle prefetch had them), or else the app ready.
    const answerIn = await page.evaluate(() => {
      const ends = performance
        .getEntriesByType('resource')
        .filter((e) => /\/first-answer-[0-9a-f]+\.js$|\/search\/meta\.json$/.test(e.name))
        .map((e) => e.responseEnd);
      return ends.length === 2 ? Math.max(...ends) : null;
    });
    await page.waitForTimeout(200);
    const readyAt = answerIn ?? p.appReady;
    return {
      field,
      searchReady: readyAt === null ? null : Math.max(0, readyAt - reach),
      appStarted: p.appReady !== null,
      fromFirstKey: p.filtered - p.firstKey,
      fromLastKey: p.filtered - p.lastKey,
      bytesBeforeTyping: bytes('load'),
      bytesTyping: bytes('typing'),
      resultText: await page.evaluate(() => document.querySelector('.result-count')?.textContent?.trim() ?? null),
      errors,
      keys: [],
    };
  } finally {
    await context.close();
  }
}

const PHONE_FIGURES = [
  ['field', 'search field visible, from navigation start', 'ms'],
  ['fromFirstKey', 'filtered results, from the first keystroke', 'ms'],
  ['fromLastKey', 'filtered results, from the last keystroke', 'ms'],
  ['searchReady', 'search ready (first answer or app), from the touch', 'ms'],
  ['bytesBeforeTyping', 'bytes before typing', 'KB'],
  ['bytesTyping', 'bytes from the first keystroke on', 'KB'],
];

// ---------- main ----------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  // The whole run is bounded: a hang anywhere ends the process with a message.
  const limit = setTimeout(() => {
    console.error(`bench-browser: stopped after the time limit of ${options.timeLimitMin} min`);
    process.exit(3);
  }, options.timeLimitMin * 60_000);
  limit.unref();

  try {
    await stat(join(options.dist, 'index.html'));
  } catch {
    throw new Error(`no index.html in ${options.dist}: build first (trunk build --release --dist DIR)`);
  }
  const started = new Date();
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? '?',
    loadStart: loadavg(),
    node: process.version,
    throttle: options.throttle,
  };
  console.log(`bench-browser: sizes ${options.sizes.join(', ')}, ${options.warmup} warm-up + ${options.runs} runs per page, ` +
    `word "${options.word}", ${options.phone ? (options.desktop ? `a visitor who types at once on the desktop (1,280 px, nothing slowed, a letter every ${DESKTOP.keyMs} ms)` : `phone profile (412 px, ${PHONE.network.latency} ms round trip, 1.6 Mbit/s, CPU ${PHONE.cpu}×, a letter every ${PHONE.keyMs} ms)`) : `CPU throttle ${options.throttle}×`}, ` +
    `load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

  const workDir = await mkdtemp(join(tmpdir(), 'news-bench-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  machine.chromium = browser.version();
  const browserSession = await browser.newBrowserCDPSession();
  const results = [];
  try {
    for (const n of options.sizes) {
      process.stdout.write(`\n${n} events: preparing data… `);
      const prepared = await prepareSite(options, workDir, n);
      const server = await startServer({ root: prepared.site, base: '/', port: 0 });
      const pages = {
        app: { url: server.url, runs: [] },
        baseline: { url: `${server.url}baseline.html`, runs: [] },
      };
      try {
        const total = options.warmup + options.runs;
        for (let i = 0; i < total; i += 1) {
          // Alternate which page goes first, so drift in machine load spreads over both.
          const order = i % 2 === 0 ? ['app', 'baseline'] : ['baseline', 'app'];
          for (const name of order) {
            const run = options.phone
              ? await measurePhoneRun(browser, pages[name].url, options)
              : await measureRun(browser, browserSession, pages[name].url, options, { startApp: name === 'app' && !options.noStart });
            if (i >= options.warmup) pages[name].runs.push(run);
            process.stdout.write(i < options.warmup ? 'w' : name === 'app' ? 'a' : 'b');
          }
        }
      } finally {
        await server.close();
      }
      const summarise = (page) => ({
        runs: page.runs,
        summary: Object.fromEntries((options.phone ? PHONE_FIGURES : FIGURES).map(([key]) => [key, summary(page.runs, key)])),
      });
      results.push({ events: n, jsonBytes: prepared.jsonBytes, baselineBytes: prepared.baselineBytes, app: summarise(pages.app), baseline: summarise(pages.baseline) });
      await rm(prepared.site, { recursive: true, force: true });
    }
  } finally {
    await browser.close();
    await rm(workDir, { recursive: true, force: true });
  }
  machine.loadEnd = loadavg();
  console.log('\n');
  console.log(`Chromium ${machine.chromium}, ${machine.cpus} × ${machine.cpuModel}, viewport ${VIEWPORT.width}×${VIEWPORT.height}, ` +
    `load average at start ${machine.loadStart.map((l) => l.toFixed(2)).join(' ')}, at end ${machine.loadEnd.map((l) => l.toFixed(2)).join(' ')}`);
  console.log(table(results, options.phone ? PHONE_FIGURES : FIGURES));
  const problems = results.flatMap((r) => ['app', 'baseline'].flatMap((p) => r[p].runs.flatMap((run) => run.errors.map((e) => `${r.events} ${p}: ${e}`))));
  if (problems.length) console.log(`\npage errors:\n  ${[...new Set(problems)].join('\n  ')}`);
  const selfStarted = options.phone ? [] : results.flatMap((r) => r.app.runs.filter((run) => run.appStateAtLoad !== null).map(() => r.events));
  if (selfStarted.length) console.log(`\nthe page load started the app by itself (its page-load figures include the app) at: ${[...new Set(selfStarted)].join(', ')} events`);
  const unsettled = results.flatMap((r) => ['app', 'baseline'].flatMap((p) => r[p].runs.filter((run) => run.quietTimedOut || run.appQuietTimedOut || run.keys.some((k) => !k.settled)).map(() => `${r.events} ${p}`)));
  if (unsettled.length) console.log(`\nruns that hit a time limit while waiting (figures are lower bounds): ${[...new Set(unsettled)].join(', ')}`);
  if (options.json) {
    await writeFile(options.json, `${JSON.stringify({ started: started.toISOString(), options, machine, results }, null, 2)}\n`);
    console.log(`\nraw numbers: ${options.json}`);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`bench-browser: ${err.stack || err.message}`);
    process.exit(1);
  },
);
