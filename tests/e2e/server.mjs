// A small static file server for the built app (dist/), used by the browser tests and for
// checking a release build by hand. Node built-ins only; binds to 127.0.0.1.
//
// - A path is answered as nginx's `try_files $uri $uri.html $uri/index.html` would: the
//   prerendered page of /events/x is events/x.html. Other paths without a file extension get
//   404.html with status 404 (en/404.html under /en; its loader starts the app, which shows
//   the right page if the address is one of its own), or index.html when there is no
//   404.html.
// - An optional base path serves the app under a prefix, as on the municipality's site.
// - Responses are brotli/gzip encoded when the client accepts it: a precompressed sibling
//   (file.br / file.gz) is used when present, otherwise the body is compressed on the fly.
//
// As a module:  const { url, close } = await startServer({ root: 'dist', base: '/', port: 0 });
// As a command: node tests/e2e/server.mjs --root dist --port 8080 --base /

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';

const HOST = '127.0.0.1';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.woff2': 'font/woff2',
};

// Already-compressed formats gain nothing from another pass.
const COMPRESSIBLE = new Set([
  '.html', '.js', '.mjs', '.wasm', '.css', '.json', '.webmanifest', '.svg', '.txt', '.xml', '.ics',
]);

/** Normalises a base path to the form "/" or "/a/b/". */
export function normaliseBase(base = '/') {
  const trimmed = String(base).replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** Picks "br", "gzip" or null from an Accept-Encoding header (q=0 means refused). */
export function pickEncoding(acceptEncoding = '') {
  const offered = new Map();
  for (const part of String(acceptEncoding).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    offered.set(name, q ? Number.parseFloat(q.slice(2)) : 1);
  }
  const accepts = (name) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return null;
}

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function compress(body, encoding) {
  if (encoding === 'br') {
    return brotliCompressSync(body, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: 5, // fast enough per request, close to max ratio
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
  }
  return gzipSync(body);
}

/**
 * Resolves a request path to a file under root, or null when nothing should be served.
 * Returns { file, status }.
 */
async function resolveFile(root, base, pathname, tryHtml) {
  if (!pathname.startsWith(base) && `${pathname}/` !== base) return null;
  const relative = pathname.slice(base.length - 1).replace(/^\/+/, '');
  const candidate = resolve(root, relative === '' ? 'index.html' : relative);
  // Refuse anything that escapes the root (e.g. encoded "..").
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  if (await isFile(candidate)) return { file: candidate, status: 200 };
  const page = candidate.replace(/[/\\]+$/, '');
  if (tryHtml && page !== root && (await isFile(`${page}.html`))) return { file: `${page}.html`, status: 200 };
  if (await isFile(join(candidate, 'index.html'))) {
    return { file: join(candidate, 'index.html'), status: 200 };
  }
  if (extname(relative) !== '') return null;
  // Under /en the English not-found page, as the sample nginx configuration does.
  const english = relative === 'en' || relative.startsWith('en/');
  if (english && tryHtml && (await isFile(join(root, 'en', '404.html')))) {
    return { file: join(root, 'en', '404.html'), status: 404 };
  }
  if (await isFile(join(root, '404.html'))) return { file: join(root, '404.html'), status: 404 };
  return { file: join(root, 'index.html'), status: 200 };
}

async function handle(req, res, root, base, tryHtml) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  // A path with a broken escape (`%ZZ`) is refused with 400, as nginx refuses it, and gets
  // the not-found page, as the sample configuration's `error_page 400` gives it.
  let pathname = new URL(req.url, `http://${HOST}`).pathname;
  let broken = false;
  try {
    pathname = decodeURIComponent(pathname);
  } catch {
    broken = true;
  }
  if (pathname === base.slice(0, -1) && base !== '/') {
    res.writeHead(301, { Location: base }).end();
    return;
  }
  const found = await resolveFile(root, base, pathname, tryHtml);
  if (found && broken) found.status = 400;
  if (!found) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
    return;
  }

  const ext = extname(found.file).toLowerCase();
  const headers = {
    'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    // index.html must be revalidated; hashed assets could be cached longer by a real host.
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  };
  const encoding = COMPRESSIBLE.has(ext) ? pickEncoding(req.headers['accept-encoding']) : null;
  if (COMPRESSIBLE.has(ext)) headers.Vary = 'Accept-Encoding';

  let body;
  if (encoding) {
    const sibling = `${found.file}.${encoding === 'br' ? 'br' : 'gz'}`;
    body = (await isFile(sibling)) ? await readFile(sibling) : compress(await readFile(found.file), encoding);
    headers['Content-Encoding'] = encoding;
  } else {
    body = await readFile(found.file);
  }
  headers['Content-Length'] = body.length;
  res.writeHead(found.status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Starts the server. port 0 picks a free port. tryHtml: false plays a host that knows no
 * `.html` lookup and answers every unknown path with 404.html. Resolves to { url, port, close }, where url
 * ends with the base path (e.g. "http://127.0.0.1:40123/projects/news/").
 */
export async function startServer({ root = 'dist', base = '/', port = 0, tryHtml = true } = {}) {
  const absRoot = resolve(root);
  if (!(await isFile(join(absRoot, 'index.html')))) {
    throw new Error(`no index.html in ${absRoot}: build the app first (trunk build --release)`);
  }
  const normalisedBase = normaliseBase(base);
  const server = createServer((req, res) => {
    handle(req, res, absRoot, normalisedBase, tryHtml).catch((err) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`server error: ${err.message}\n`);
    });
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, HOST, ok);
  });
  const actualPort = server.address().port;
  return {
    url: `http://${HOST}:${actualPort}${normalisedBase}`,
    port: actualPort,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

function parseArgs(argv) {
  const options = { root: 'dist', base: '/', port: 8080 };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = inline ?? argv[i + 1];
    const takeNext = inline === undefined;
    switch (flag) {
      case '--root': options.root = value; break;
      case '--base': options.base = value; break;
      case '--port': options.port = Number.parseInt(value, 10); break;
      case '--help':
        console.log('usage: node tests/e2e/server.mjs [--root dist] [--port 8080] [--base /]');
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${argv[i]} (try --help)`);
    }
    if (takeNext) i += 1;
    if (value === undefined) throw new Error(`${flag} needs a value`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new Error('--port must be a number between 0 and 65535');
  }
  return options;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { url, close } = await startServer(parseArgs(process.argv.slice(2)));
    console.log(`serving on ${url}  (Ctrl+C stops)`);
    const stop = () => close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (err) {
    console.error(`error: ${err.message}`);
    process.exit(1);
  }
}
