// Steps of a build around `newsctl prerender` (run by scripts/post-build.sh from trunk's
// post_build hook, on the staging folder before trunk moves it to dist/):
//  template: index.html becomes the page template: the stylesheets inlined as one <style>,
//    our loader (src/boot.js) in place of trunk's, marks for each page's head tags and
//    content, and a Content-Security-Policy <meta> that allows the inline loader and style
//    by their sha256 (no 'unsafe-inline');
//  compress: brotli (quality 11) and gzip (level 9) siblings of every text asset, for hosts
//    that serve precompressed files (nginx gzip_static / brotli_static);
//  minify (release builds, before template): the wasm-bindgen JS glue shrunk by terser
//    (trunk's own minifier cannot parse it) and its integrity value in index.html made anew.
//
// Usage: node scripts/post-build.mjs minify DIR | template DIR [--no-csp] | compress DIR
// The functions are exported for the tests.

import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';

/** Extensions that get .br and .gz siblings. Images other than SVG are compressed already. */
export const COMPRESSED_EXTENSIONS = new Set([
  '.html', '.js', '.mjs', '.wasm', '.css', '.json', '.xml', '.ics', '.svg', '.webmanifest', '.txt',
]);

/**
 * The policy without the script hashes. Everything comes from the page's own origin; wasm
 * needs 'wasm-unsafe-eval' to compile. 'strict-dynamic': scripts run only when the loader
 * (allowed by its hash) starts them, as its import() of the JS glue does; browsers that know
 * it then ignore 'self', so no other script of the host's origin (the site may live below a
 * path of a larger site) runs from a <script src>. 'self' stays for browsers without it.
 * frame-ancestors is ignored in a <meta>, so it belongs in the server's header
 * (docs/deployment.md).
 */
export const CSP_DIRECTIVES = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'", "'wasm-unsafe-eval'", "'strict-dynamic'"]],
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

/**
 * The value of attribute `name` in a start tag's attribute text, or null (minified or not;
 * a debug build's tags end in `/>`, so the attribute text may end with `/`).
 */
function attribute(attrs, name) {
  const re = new RegExp(`(?:^|\\s)${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+)))?(?=[\\s/]|$)`, 'i');
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

/** CSP source expressions for every `<style>` element (the page's inlined stylesheet). */
export function inlineStyleHashes(html) {
  const hashes = [];
  for (const [, body] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) {
    const digest = createHash('sha256').update(body.replace(/\r\n?/g, '\n'), 'utf8').digest('base64');
    const source = `'sha256-${digest}'`;
    if (!hashes.includes(source)) hashes.push(source);
  }
  return hashes;
}

/** The policy text with the given hashes added to script-src and style-src. */
export function contentSecurityPolicy(scriptHashes = [], styleHashes = []) {
  const extra = { 'script-src': scriptHashes, 'style-src': styleHashes };
  return CSP_DIRECTIVES.map(([name, sources]) => [name, ...sources, ...(extra[name] ?? [])].join(' ')).join('; ');
}

/**
 * Puts the policy into the page as the first thing after <meta charset> (before any script,
 * which a policy does not cover retroactively), replacing an earlier one so a second run
 * gives the same file.
 */
export function withCspMeta(html) {
  const policy = contentSecurityPolicy(inlineScriptHashes(html), inlineStyleHashes(html));
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

/** The start tags `<tag …>` in html whose attributes pass `test`, as [text, attrs] pairs. */
function tags(html, tag, test) {
  const re = new RegExp(`<${tag}\\b([^>]*)>`, 'gi');
  return [...html.matchAll(re)].filter(([, attrs]) => test(attrs)).map(([text, attrs]) => [text, attrs]);
}

/** The loader (src/boot.js) without its comments and indentation, for inlining. */
export async function bootScript() {
  const source = await readFile(new URL('../src/boot.js', import.meta.url), 'utf8');
  return source
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('//'))
    .join('\n');
}

/**
 * The first answer's module (src/first-answer.js) as terser shrinks it, written into dir
 * under a name with its content hash (an earlier build's goes), for the loader to import
 * when the visitor reaches for search. Returns its address below the base and its integrity
 * value.
 */
export async function answerModule(dir) {
  const { minify } = await import('terser');
  const source = await readFile(new URL('../src/first-answer.js', import.meta.url), 'utf8');
  const result = await minify(source, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (!result.code) throw new Error('terser returned nothing for src/first-answer.js');
  const name = `first-answer-${createHash('sha256').update(result.code).digest('hex').slice(0, 16)}.js`;
  for (const file of await readdir(dir)) {
    if (/^first-answer-[0-9a-f]{16}\.js(\.br|\.gz)?$/.test(file) && !file.startsWith(name)) await rm(join(dir, file));
  }
  await writeFile(join(dir, name), result.code);
  return { file: `./${name}`, integrity: `sha384-${createHash('sha384').update(result.code).digest('base64')}` };
}

/**
 * The constants of our loader as an earlier run inlined it, or null: the app's four always,
 * the first answer's module (ANSWER, ANSWER_SRI) when it had one.
 */
function loaderConstants(body) {
  const out = { ANSWER: '', ANSWER_SRI: '' };
  for (const name of ['JS', 'JS_SRI', 'WASM', 'WASM_SRI', 'ANSWER', 'ANSWER_SRI']) {
    const m = new RegExp(`const ${name} = ("(?:[^"\\\\]|\\\\.)*");`).exec(body);
    if (m) out[name] = JSON.parse(m[1]);
    else if (!name.startsWith('ANSWER')) return null;
  }
  return out;
}

/**
 * Turns trunk's index.html into the page template that `newsctl prerender` fills: trunk's
 * loader and preloads give way to our loader (src/boot.js), which starts the app only when
 * needed; the head gets a place for each page's own tags; the body a place for its content.
 * A page this step has made already (a built folder done again) works too: its loader gives
 * way to the current one, its marks stay, so a second run changes nothing. `answer` names the
 * first answer's module (`answerModule`; without it, the one an earlier run named, if any);
 * a loader without one leaves search to the app.
 */
export function pageTemplate(html, boot, answer = null) {
  let out = html;
  let js = null;
  let wasm = null;
  const integrity = { js: '', wasm: '' };
  let earlier = { file: '', integrity: '' };
  for (const [, attrs, body] of html.matchAll(SCRIPT_RE)) {
    if (attribute(attrs, 'src') !== null) continue;
    const found = /from\s+'([^']+\.js)'[\s\S]*module_or_path:\s*'([^']+\.wasm)'/.exec(body);
    const ours = found ? null : loaderConstants(body);
    if (found) [, js, wasm] = found;
    else if (ours) {
      ({ JS: js, WASM: wasm, JS_SRI: integrity.js, WASM_SRI: integrity.wasm } = ours);
      earlier = { file: ours.ANSWER, integrity: ours.ANSWER_SRI };
    }
    else continue;
    out = out.replace(`<script${attrs}>${body}</script>`, '');
  }
  if (!js) throw new Error("index.html has no trunk loader script: cannot find the app's files");
  for (const [text, attrs] of tags(out, 'link', (a) => /preload/i.test(attribute(a, 'rel') ?? ''))) {
    const href = attribute(attrs, 'href');
    if (href === js) integrity.js = attribute(attrs, 'integrity') ?? '';
    if (href === wasm) integrity.wasm = attribute(attrs, 'integrity') ?? '';
    out = out.replace(text, '');
  }
  // The loader checks the JS glue and the wasm against these values: an empty one would
  // quietly turn the check off, so a build without them stops here instead.
  for (const [name, file] of [['js', js], ['wasm', wasm]]) {
    if (!/^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$/.test(integrity[name])) {
      throw new Error(
        `trunk wrote no integrity value for ${file}: keep data-integrity="sha384" on the rust ` +
          'link in index.html and do not build with --no-sri',
      );
    }
  }
  for (const [text] of [
    ...tags(out, 'meta', (a) => attribute(a, 'name') === 'description'),
    ...tags(out, 'html', () => true),
  ]) {
    out = out.replace(text, text.startsWith('<html') ? '<html>' : '');
  }
  out = out.replace(/<title>[\s\S]*?<\/title>/i, '');
  // The app's files are named below the page's <base href> ("./x.js"), never from the site's
  // root: then only <base href> says where the site lives, so one shell serves any sub-path
  // (newsctl publish --base-path) and the loader's hash in the CSP stays the same.
  const baseHref = attribute(/<base\b([^>]*)>/i.exec(out)?.[1] ?? '', 'href') ?? '/';
  const local = (url) =>
    url.startsWith(baseHref) && !url.startsWith('//') ? `./${url.slice(baseHref.length)}` : url;
  for (const [text, attrs] of tags(out, 'link', (a) => (attribute(a, 'href') ?? '').startsWith(baseHref))) {
    const href = attribute(attrs, 'href');
    out = out.replace(text, () => text.replace(href, local(href)));
  }
  const loader = boot
    .replace("'__JS__'", JSON.stringify(local(js)))
    .replace("'__JS_SRI__'", JSON.stringify(integrity.js))
    .replace("'__WASM__'", JSON.stringify(local(wasm)))
    .replace("'__WASM_SRI__'", JSON.stringify(integrity.wasm))
    .replace("'__ANSWER__'", JSON.stringify((answer ?? earlier).file))
    .replace("'__ANSWER_SRI__'", JSON.stringify((answer ?? earlier).integrity));
  // The loader goes before the stylesheets: a script after them waits until they have loaded,
  // and holds up the parsing of the page behind it.
  const base = /<base\b[^>]*>/i.exec(out);
  if (!base) throw new Error('index.html has no <base href>: cannot place the loader');
  // A function as replacement: a `$'` or `$&` in the code must not be read as a pattern.
  out = out.replace(base[0], () => `${base[0]}<script>${loader}</script>`);
  if (!out.includes('<!--HEAD-->')) out = out.replace(/<\/head>/i, '<!--HEAD--><!--/HEAD--></head>');
  if (!out.includes('<!--static-->')) {
    out = /<\/body>/i.test(out)
      ? out.replace(/<\/body>/i, '<!--static--><!--/static--></body>')
      : `${out}<!--static--><!--/static-->`;
  }
  return out;
}

/**
 * The stylesheets a page needs before its first paint, inlined as one `<style>` element (the
 * policy allows it by its hash): the page then paints from its own HTML, with no request
 * between the visitor and the content, as a plain static page does. style/*.css stay separate
 * to edit. Print styles stay an external file (the browser loads them without waiting).
 * Removes the files it took in; returns the page.
 */
export async function inlineStyles(html, dir) {
  const base = attribute(/<base\b([^>]*)>/i.exec(html)?.[1] ?? '', 'href') ?? '/';
  const links = tags(html, 'link', (a) => {
    const media = (attribute(a, 'media') ?? 'all').toLowerCase();
    return (attribute(a, 'rel') ?? '').toLowerCase() === 'stylesheet' && (media === 'all' || media === 'screen');
  });
  if (links.length === 0) return html;
  const files = links.map(([, attrs]) => {
    const href = attribute(attrs, 'href') ?? '';
    if (!href.startsWith('/')) throw new Error(`a stylesheet outside the site: ${href}`);
    return join(dir, href.startsWith(base) ? href.slice(base.length) : href.slice(1));
  });
  const parts = await Promise.all(files.map((f) => readFile(f, 'utf8')));
  // No "</style" can end the element early: stylesheets are ours, but check anyway.
  const css = parts.join('\n');
  if (/<\/style/i.test(css)) throw new Error('a stylesheet contains "</style": cannot inline it');
  await Promise.all(files.map((f) => rm(f)));
  // A function as replacement: `a[href$='.pdf']` holds `$'`, which a string would expand.
  let out = html.replace(links[0][0], () => `<style>${css}</style>`);
  for (const [text] of links.slice(1)) out = out.replace(text, '');
  return out;
}

/** Step 1, before prerendering: index.html becomes the page template (with the CSP). */
export async function templateStep(dir, { csp = true } = {}) {
  const index = join(dir, 'index.html');
  const styled = await inlineStyles(await readFile(index, 'utf8'), dir);
  const template = pageTemplate(styled, await bootScript(), await answerModule(dir));
  const html = csp ? withCspMeta(template) : template;
  await writeFile(index, html);
  return { hashes: inlineScriptHashes(html) };
}

/**
 * The JS glue as terser shrinks it: about half its bytes, 1.7 KB of brotli that every
 * visitor who searches downloads and parses. Trunk's index.html names the glue in its loader
 * and gives it an integrity value on its preload link; the value is computed again over the
 * new bytes, in the same algorithm, so the loader's check holds. A folder whose index.html has
 * no trunk loader (made into a template already) is left as it is.
 */
export async function minifyStep(dir) {
  const { minify } = await import('terser');
  const indexPath = join(dir, 'index.html');
  let html = await readFile(indexPath, 'utf8');
  let js = null;
  for (const [, attrs, body] of html.matchAll(SCRIPT_RE)) {
    if (attribute(attrs, 'src') !== null) continue;
    const found = /from\s+'([^']+\.js)'[\s\S]*module_or_path:\s*'([^']+\.wasm)'/.exec(body);
    if (found) js = found[1];
  }
  if (!js) return { before: 0, after: 0 };
  const base = attribute(/<base\b([^>]*)>/i.exec(html)?.[1] ?? '', 'href') ?? '/';
  const file = join(dir, js.startsWith(base) ? js.slice(base.length) : js.replace(/^\.?\//, ''));
  const source = await readFile(file, 'utf8');
  const result = await minify(source, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (!result.code) throw new Error(`terser returned nothing for ${js}`);
  await writeFile(file, result.code);
  let replaced = 0;
  for (const [text, attrs] of tags(html, 'link', (a) => attribute(a, 'href') === js)) {
    const old = attribute(attrs, 'integrity');
    if (!old) continue;
    const algorithm = old.split('-')[0];
    const digest = createHash(algorithm).update(result.code).digest('base64');
    html = html.replace(text, () => text.replace(old, `${algorithm}-${digest}`));
    replaced += 1;
  }
  if (!replaced) throw new Error(`index.html has no integrity value for ${js} to renew`);
  await writeFile(indexPath, html);
  return { before: Buffer.byteLength(source), after: Buffer.byteLength(result.code) };
}

/** Step 2, after prerendering: .br and .gz siblings. */
export async function compressStep(dir) {
  return { compressed: await precompress(dir) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [step, dir, ...flags] = process.argv.slice(2);
  const unknown = flags.filter((a) => a !== '--no-csp');
  if (!['minify', 'template', 'compress'].includes(step) || !dir || unknown.length) {
    console.error('usage: node scripts/post-build.mjs minify DIR | template DIR [--no-csp] | compress DIR');
    process.exit(2);
  }
  try {
    if (step === 'minify') {
      const { before, after } = await minifyStep(resolve(dir));
      console.log(`post-build: JS glue ${before} → ${after} bytes`);
    } else if (step === 'template') {
      const { hashes } = await templateStep(resolve(dir), { csp: !flags.includes('--no-csp') });
      console.log(`post-build: page template with ${flags.includes('--no-csp') ? 'no CSP' : `a CSP of ${hashes.length} script hash(es)`}`);
    } else {
      const { compressed } = await compressStep(resolve(dir));
      console.log(`post-build: .br/.gz for ${compressed} files`);
    }
  } catch (err) {
    console.error(`post-build: ${err.message}`);
    process.exit(1);
  }
}
