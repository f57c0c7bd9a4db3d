// Size report of a release build (dist/): raw, gzip and brotli bytes per asset, and the
// brotli total of what a first visit downloads, checked against a budget.
// Usage: node scripts/size.mjs [dist-dir]      Exit 1 when the first load is over budget.

import { readFile, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import { listFiles } from './post-build.mjs';

/**
 * Brotli bytes a first visit may download: index.html, JS glue, wasm, all CSS, the news.
 * The limit follows what is measured, so a change that adds weight fails here: raising it
 * takes a reason written in docs/performance.md's size table. The goal is below 150 KiB.
 */
const BUDGET_BROTLI_BYTES = 275 * 1024;

const ASSET_EXTENSIONS = new Set([
  '.html', '.js', '.mjs', '.wasm', '.css', '.json', '.webmanifest', '.svg', '.txt', '.xml', '.ics',
]);
const NEWS_FILE = 'data/news.json';

const distDir = resolve(process.argv[2] ?? 'dist');

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
  for (const name of files) rows.push({ name, ...measure(await readFile(join(distDir, name))) });

  const isFirstLoad = (name) =>
    name === 'index.html' ||
    name === NEWS_FILE ||
    (!name.includes('/') && /\.(js|mjs|wasm|css)$/.test(name)) ||
    // wasm-bindgen puts inline JS of dependencies here; the glue imports it at start-up.
    (name.startsWith('snippets/') && /\.(js|mjs)$/.test(name));

  const first = rows.filter((r) => isFirstLoad(r.name));
  const totalLabel = `first load (${first.length} files)`;
  const width = Math.max(totalLabel.length, ...rows.map((r) => r.name.length));
  const line = (name, raw, gzip, brotli, mark = ' ') =>
    `${mark} ${name.padEnd(width)}  ${pad(raw, 10)}  ${pad(gzip, 10)}  ${pad(brotli, 10)}`;

  console.log(`Sizes in bytes of ${distDir} (* = part of the first load)`);
  console.log(line('asset', 'raw', 'gzip -9', 'brotli 11'));
  console.log(line('-'.repeat(width), '-'.repeat(10), '-'.repeat(10), '-'.repeat(10)));
  for (const r of rows) console.log(line(r.name, r.raw, r.gzip, r.brotli, isFirstLoad(r.name) ? '*' : ' '));

  const total = first.reduce(
    (acc, r) => ({ raw: acc.raw + r.raw, gzip: acc.gzip + r.gzip, brotli: acc.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  console.log(line('-'.repeat(width), '-'.repeat(10), '-'.repeat(10), '-'.repeat(10)));
  console.log(line(totalLabel, total.raw, total.gzip, total.brotli));

  const missing = [];
  if (!first.some((r) => r.name.endsWith('.wasm'))) missing.push('a .wasm file');
  if (!first.some((r) => r.name.endsWith('.js'))) missing.push('the JS glue');
  if (!first.some((r) => r.name === NEWS_FILE)) missing.push(NEWS_FILE);
  if (missing.length) console.log(`\nwarning: not found in the first load: ${missing.join(', ')}. Is this a complete build?`);

  const share = ((total.brotli / BUDGET_BROTLI_BYTES) * 100).toFixed(0);
  const verdict = `first load ${kib(total.brotli)} brotli of a ${kib(BUDGET_BROTLI_BYTES)} budget (${share} %)`;
  if (total.brotli > BUDGET_BROTLI_BYTES) {
    console.error(`\nOVER BUDGET: ${verdict}, ${kib(total.brotli - BUDGET_BROTLI_BYTES)} too much`);
    process.exit(1);
  }
  console.log(`\nwithin budget: ${verdict}`);
}

await main();
