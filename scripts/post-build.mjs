// Last step of a build (run by scripts/post-build.sh from trunk's post_build hook, on the
// staging folder before trunk moves it to dist/):
//  1. a Content-Security-Policy <meta> in index.html that allows trunk's inline loader script
//     by its sha256 (no 'unsafe-inline'),
//  2. 404.html as a copy of index.html, so hosts that answer unknown paths with it still
//     start the app on deep links,
//  3. brotli (quality 11) and gzip (level 9) siblings of every text asset, for hosts that
//     serve precompressed files (nginx gzip_static / brotli_static).
//
// Usage: node scripts/post-build.mjs DIR [--no-compress] [--no-csp]
// The functions are exported for the tests.

import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';

/** Extensions that get .br and .gz siblings. Images other than SVG are compressed already. */
export const COMPRESSED_EXTENSIONS = new Set([
  '.html', '.js', '.mjs', '.wasm', '.css', '.json', '.xml', '.ics', '.svg', '.webmanifest', '.txt',
]);

/**
 * The policy without the script hashes. Everything comes from the page's own origin; wasm
 * needs 'wasm-unsafe-eval' to compile. frame-ancestors is ignored in a <meta>, so it belongs
 * in the server's header (docs/deployment.md).
 */
export const CSP_DIRECTIVES = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
  ['style-src', ["'self'"]],
  ['img-src', ["'self'", 'data:']],
  ['connect-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'self'"]],
  ['form-action', ["'self'"]],
];

// Script types the browser executes; anything else (application/ld+json) is a data block.
const EXECUTABLE_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

const SCRIPT_RE = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const CSP_META_RE = /<meta\b[^>]*http-equiv=("|')?content-security-policy\1?[^>]*>/gi;

/** The value of attribute `name` in a start tag's attribute text, or null (minified or not). */
function attribute(attrs, name) {
  const re = new RegExp(`(?:^|\\s)${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+)))?(?=\\s|$)`, 'i');
  const m = re.exec(attrs);
  if (!m) return null;
  return m[1] ?? m[2] ?? m[3] ?? '';
}

/** CSP source expressions ('sha256-…') for every inline script the browser would run. */
export function inlineScriptHashes(html) {
  const hashes = [];
  for (const [, attrs, body] of html.matchAll(SCRIPT_RE)) {
    if (attribute(attrs, 'src') !== null) continue;
    const type = (attribute(attrs, 'type') ?? '').trim().toLowerCase();
    if (!EXECUTABLE_TYPES.has(type)) continue;
    // The browser hashes the element's text exactly as written (HTML turns CRLF into LF).
    const digest = createHash('sha256').update(body.replace(/\r\n?/g, '\n'), 'utf8').digest('base64');
    const source = `'sha256-${digest}'`;
    if (!hashes.includes(source)) hashes.push(source);
  }
  return hashes;
}

/** The policy text with the given script hashes added to script-src. */
export function contentSecurityPolicy(scriptHashes = []) {
  return CSP_DIRECTIVES.map(([name, sources]) =>
    [name, ...sources, ...(name === 'script-src' ? scriptHashes : [])].join(' '),
  ).join('; ');
}

/**
 * Puts the policy into the page as the first thing after <meta charset> (before any script,
 * which a policy does not cover retroactively), replacing an earlier one so a second run
 * gives the same file.
 */
export function withCspMeta(html) {
  const policy = contentSecurityPolicy(inlineScriptHashes(html));
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const cleaned = html.replace(CSP_META_RE, '');
  const charset = /<meta\b[^>]*charset[^>]*>/i.exec(cleaned);
  const head = /<head\b[^>]*>/i.exec(cleaned);
  const anchor = charset ?? head;
  if (!anchor) throw new Error('index.html has neither <meta charset> nor <head>: cannot place the CSP');
  const at = anchor.index + anchor[0].length;
  return `${cleaned.slice(0, at)}${meta}${cleaned.slice(at)}`;
}

/** Every file below dir, as paths that start with dir. */
export async function listFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** Writes file.br and file.gz beside each text asset under dir; returns how many assets. */
export async function precompress(dir) {
  const assets = (await listFiles(dir)).filter((f) => COMPRESSED_EXTENSIONS.has(extname(f).toLowerCase()));
  for (const file of assets) {
    const body = await readFile(file);
    const br = brotliCompressSync(body, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [zlibConstants.BROTLI_PARAM_MODE]:
          extname(file) === '.wasm' ? zlibConstants.BROTLI_MODE_GENERIC : zlibConstants.BROTLI_MODE_TEXT,
      },
    });
    await writeFile(`${file}.br`, br);
    await writeFile(`${file}.gz`, gzipSync(body, { level: 9 }));
  }
  return assets.length;
}

export async function postBuild(dir, { compress = true, csp = true } = {}) {
  const index = join(dir, 'index.html');
  const source = await readFile(index, 'utf8');
  const html = csp ? withCspMeta(source) : source;
  await writeFile(index, html);
  await writeFile(join(dir, '404.html'), html);
  const compressed = compress ? await precompress(dir) : 0;
  return { hashes: inlineScriptHashes(html), compressed };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--no-compress' && a !== '--no-csp');
  if (!dir || unknown.length) {
    console.error('usage: node scripts/post-build.mjs DIR [--no-compress] [--no-csp]');
    process.exit(2);
  }
  try {
    const { hashes, compressed } = await postBuild(resolve(dir), {
      compress: !args.includes('--no-compress'),
      csp: !args.includes('--no-csp'),
    });
    console.log(
      (args.includes('--no-csp') ? 'post-build: no CSP, 404.html' : `post-build: CSP with ${hashes.length} script hash(es), 404.html`) +
        (compressed ? `, .br/.gz for ${compressed} files` : ', no precompression'),
    );
  } catch (err) {
    console.error(`post-build: ${err.message}`);
    process.exit(1);
  }
}
