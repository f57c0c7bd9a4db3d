// Size report of a release build (dist/): raw, gzip and brotli bytes per asset, and three brotli
// totals checked against budgets:
//  - first load: what opening a page downloads: its prerendered HTML (the largest page, as the
//    worst case) and the stylesheets. The app's code is not part of it: the page's loader
//    starts the app only when the visitor reaches for search or the filters (src/boot.js);
//  - with the app: the first load plus what starting the app adds (JS glue, wasm, the news);
//  - the editor: everything below editor/ (its page, styles, glue and wasm).
// It also fails on a file that names the builder's cargo home or this folder: a dependency's
// panic messages carry its source path, which scripts/rustc.sh writes without the machine's
// part (a dependency built before that wrapper keeps the full path until `cargo clean`).
// Usage: node scripts/size.mjs [dist-dir]      Exit 1 when a total is over its budget.

import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import { listFiles } from './post-build.mjs';

/**
 * The budgets, in brotli bytes. They follow what is measured, so a change that adds weight
 * fails here: raising one takes a reason written in docs/performance.md's size table.
 */
const BUDGETS = {
  'first load': 20 * 1024,
  'with the app': 295 * 1024,
  // What an editor downloads at /editor/ (its page, styles, glue and wasm); never a visitor.
  'the editor': 292 * 1024,
};

const ASSET_EXTENSIONS = new Set([
  '.html', '.js', '.mjs', '.wasm', '.css', '.json', '.webmanifest', '.svg', '.txt', '.xml', '.ics',
]);
const NEWS_FILE = 'data/news.json';

const distDir = resolve(process.argv[2] ?? 'dist');
/** Paths of this machine that no built file may name. */
const MACHINE_PATHS = [
  process.env.CARGO_HOME || join(homedir(), '.cargo'),
  resolve(dirname(fileURLToPath(import.meta.url)), '..'),
].map((p) => Buffer.from(p));

function measure(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY,
        [zlibConstants.BROTLI_PARAM_LGWIN]: zlibConstants.BROTLI_MAX_WINDOW_BITS,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
  };
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const pad = (s, n) => String(s).padStart(n);

async function main() {
  try {
    if (!(await stat(join(distDir, 'index.html'))).isFile()) throw new Error();
  } catch {
    console.error(`error: no index.html in ${distDir}: run "trunk build --release" first`);
    process.exit(2);
  }

  const files = (await listFiles(distDir))
    .filter((f) => ASSET_EXTENSIONS.has(extname(f).toLowerCase()))
    .map((f) => relative(distDir, f).split(sep).join('/'))
    .sort();

  const rows = [];
  const naming = [];
  for (const name of files) {
    const bytes = await readFile(join(distDir, name));
    if (MACHINE_PATHS.some((p) => bytes.includes(p))) naming.push(name);
    rows.push({ name, ...measure(bytes) });
  }

  // Prerendered pages: one line for the timeline, one for the largest of the others.
  const pages = rows.filter((r) => r.name.endsWith('.html'));
  const largest = pages.reduce((a, b) => (b.brotli > a.brotli ? b : a), pages[0]);
  const isStyle = (name) => !name.includes('/') && name.endsWith('.css');
  const isApp = (name) =>
    name === NEWS_FILE ||
    (!name.includes('/') && /\.(js|mjs|wasm)$/.test(name)) ||
    // wasm-bindgen puts inline JS of dependencies here; the glue imports it at start-up.
    (name.startsWith('snippets/') && /\.(js|mjs)$/.test(name));
  const firstLoad = [largest, ...rows.filter((r) => isStyle(r.name))];
  // The editor (/editor/) is its own page and wasm: what an editor downloads, never a visitor.
  const editor = rows.filter((r) => r.name.startsWith('editor/'));
  const app = rows.filter((r) => isApp(r.name));
  const shown = rows.filter((r) => !r.name.endsWith('.html') || r.name === 'index.html' || r === largest);

  const sum = (list) =>
    list.reduce((acc, r) => ({ raw: acc.raw + r.raw, gzip: acc.gzip + r.gzip, brotli: acc.brotli + r.brotli }), {
      raw: 0,
      gzip: 0,
      brotli: 0,
    });
  const totals = {
    'first load': sum(firstLoad),
    'with the app': sum([...firstLoad, ...app]),
    'the editor': sum(editor),
  };

  const labels = Object.keys(totals).map((k) => `${k} total`);
  const width = Math.max(...labels.map((l) => l.length), ...shown.map((r) => r.name.length));
  const line = (name, raw, gzip, brotli, mark = ' ') =>
    `${mark} ${name.padEnd(width)}  ${pad(raw, 10)}  ${pad(gzip, 10)}  ${pad(brotli, 10)}`;
  const rule = line('-'.repeat(width), '-'.repeat(10), '-'.repeat(10), '-'.repeat(10));
  const markOf = (r) => (firstLoad.includes(r) ? '*' : app.includes(r) ? '+' : editor.includes(r) ? 'e' : ' ');

  console.log(`Sizes in bytes of ${distDir}: * first load, + added when the app starts, e the editor`);
  console.log(`(${pages.length} prerendered pages; shown: index.html and the largest, ${largest.name})`);
  console.log(line('asset', 'raw', 'gzip -9', 'brotli 11'));
  console.log(rule);
  for (const r of shown) console.log(line(r.name, r.raw, r.gzip, r.brotli, markOf(r)));
  console.log(rule);
  for (const [label, t] of Object.entries(totals)) console.log(line(`${label} total`, t.raw, t.gzip, t.brotli));

  const missing = [];
  if (!app.some((r) => r.name.endsWith('.wasm'))) missing.push('a .wasm file');
  if (!app.some((r) => r.name.endsWith('.js'))) missing.push('the JS glue');
  if (!app.some((r) => r.name === NEWS_FILE)) missing.push(NEWS_FILE);
  if (!rows.some((r) => r.name === 'index.html')) missing.push('index.html');
  if (!editor.some((r) => r.name.endsWith('.wasm'))) missing.push("the editor's wasm");
  if (missing.length) console.log(`\nwarning: not found: ${missing.join(', ')}. Is this a complete build?`);

  let over = false;
  console.log('');
  for (const [label, budget] of Object.entries(BUDGETS)) {
    const size = totals[label].brotli;
    const verdict = `${label}: ${kib(size)} brotli of a ${kib(budget)} budget (${((size / budget) * 100).toFixed(0)} %)`;
    if (size > budget) {
      console.error(`OVER BUDGET: ${verdict}, ${kib(size - budget)} too much`);
      over = true;
    } else {
      console.log(`within budget: ${verdict}`);
    }
  }
  if (naming.length) {
    console.error(
      `\nNAMES THIS MACHINE: ${naming.join(', ')} hold the path of the cargo home or of this folder. ` +
        'Dependencies built before scripts/rustc.sh kept their full paths: run `cargo clean` and build again.',
    );
  }
  if (over || naming.length) process.exit(1);
}

await main();
