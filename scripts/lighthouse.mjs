// Lighthouse scores of a release build: serves the folder with tests/e2e/server.mjs on
// 127.0.0.1, runs the Lighthouse CLI in Debian's Chromium on the timeline and
// on the Písek event page, and prints the four category scores per page plus every audit that
// keeps accessibility, best practices or SEO below 100.
// Usage: node scripts/lighthouse.mjs [dist-dir] [--desktop] [--json FILE]
// Slow (about a minute per page): not part of scripts/test.sh. Exit 1 when a run fails.
// Lighthouse (about 130 packages) is not in package.json, so `npm ci` leaves it out: this
// script installs the pinned version into target/tools/lighthouse the first time it runs.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../tests/e2e/server.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// 13 needs node 22.
const LIGHTHOUSE_VERSION = '12.2.3';
const LIGHTHOUSE_PREFIX = join(ROOT, 'target', 'tools', 'lighthouse');
const LIGHTHOUSE = join(LIGHTHOUSE_PREFIX, 'node_modules', '.bin', 'lighthouse');
const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
// The machines reach only package registries: keep Chromium from calling home.
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
].join(' ');

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
/** Categories expected at 100; their failing audits are listed. */
const STRICT = new Set(['accessibility', 'best-practices', 'seo']);
const PAGES = [
  ['timeline', ''],
  ['Písek event page', 'events/consortium-meeting-pisek-2022'],
];

function parseArgs(argv) {
  const options = { dist: 'dist', desktop: false, json: null };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--desktop') options.desktop = true;
    else if (arg === '--json') {
      options.json = argv[i + 1];
      i += 1;
      if (!options.json) throw new Error('--json needs a file name');
    } else if (arg === '--help') {
      console.log('usage: node scripts/lighthouse.mjs [dist-dir] [--desktop] [--json FILE]');
      process.exit(0);
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg} (try --help)`);
    else options.dist = arg;
  }
  return options;
}

/** Runs the CLI on one URL; resolves to the parsed report (the JSON Lighthouse prints). */
function lighthouse(url, { desktop }) {
  const args = [
    url,
    '--output=json',
    '--output-path=stdout',
    '--quiet',
    `--only-categories=${CATEGORIES.join(',')}`,
    `--chrome-flags=${CHROME_FLAGS}`,
    ...(desktop ? ['--preset=desktop'] : []),
  ];
  return new Promise((ok, fail) => {
    const child = spawn(LIGHTHOUSE, args, {
      env: { ...process.env, CHROME_PATH },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', (e) => fail(new Error(`cannot start ${LIGHTHOUSE}: ${e.message}`)));
    child.on('close', (code) => {
      const stderr = Buffer.concat(err).toString();
      if (code !== 0) {
        fail(new Error(`lighthouse exited with ${code} on ${url}\n${stderr.trim().split('\n').slice(-15).join('\n')}`));
        return;
      }
      try {
        ok(JSON.parse(Buffer.concat(out).toString()));
      } catch (e) {
        fail(new Error(`lighthouse printed no report for ${url}: ${e.message}`));
      }
    });
  });
}

/** Audits of a category that count towards its score and did not pass. */
function failingAudits(report, categoryId) {
  const category = report.categories[categoryId];
  return category.auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => report.audits[ref.id])
    .filter((a) => a && a.score !== null && a.score < 1)
    .map((a) => ({ id: a.id, title: a.title, score: a.score, where: offenders(a) }));
}

/** Up to three offending snippets with Lighthouse's reason, to know what to fix. */
function offenders(audit) {
  const items = audit.details?.items ?? [];
  return items.slice(0, 3).map((item) => {
    const node = item.source ?? item.node;
    const snippet = node?.snippet ?? item.url ?? '';
    const reason = item.subItems?.items?.map((s) => s.reason).filter(Boolean).join('; ') ?? '';
    return [snippet, reason].filter(Boolean).join(': ');
  }).filter(Boolean);
}

const percent = (score) => (score === null || score === undefined ? 'n/a' : String(Math.round(score * 100)));

/** The pinned Lighthouse in its own folder (not node_modules, which `npm ci` owns). */
function installLighthouse() {
  const installed = spawnSync(LIGHTHOUSE, ['--version'], { encoding: 'utf8' });
  if (existsSync(LIGHTHOUSE) && installed.stdout?.trim() === LIGHTHOUSE_VERSION) return;
  console.log(`installing lighthouse ${LIGHTHOUSE_VERSION} into ${LIGHTHOUSE_PREFIX} (about 40 s)`);
  const npm = spawnSync(
    'npm',
    ['install', '--prefix', LIGHTHOUSE_PREFIX, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `lighthouse@${LIGHTHOUSE_VERSION}`],
    { stdio: 'inherit' },
  );
  if (npm.status !== 0) throw new Error(`npm could not install lighthouse@${LIGHTHOUSE_VERSION} (exit ${npm.status})`);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  installLighthouse();
  const server = await startServer({ root: resolve(options.dist), base: '/', port: 0 });
  const results = [];
  let failed = false;
  try {
    for (const [label, path] of PAGES) {
      const url = `${server.url}${path}`;
      process.stdout.write(`${label}: ${url} … `);
      try {
        const report = await lighthouse(url, options);
        const scores = Object.fromEntries(CATEGORIES.map((c) => [c, report.categories[c]?.score ?? null]));
        const failing = [...STRICT].flatMap((c) => failingAudits(report, c).map((a) => ({ category: c, ...a })));
        const warnings = report.runWarnings ?? [];
        results.push({ label, url, scores, failing, warnings });
        console.log('done');
      } catch (err) {
        failed = true;
        console.log('failed');
        console.error(err.message);
      }
    }
  } finally {
    await server.close();
  }

  const width = Math.max(...results.map((r) => r.label.length), 4);
  console.log(`\n${'page'.padEnd(width)}${CATEGORIES.map((c) => c.padStart(16)).join('')}`);
  for (const r of results) {
    console.log(`${r.label.padEnd(width)}${CATEGORIES.map((c) => percent(r.scores[c]).padStart(16)).join('')}`);
  }
  for (const r of results) {
    if (r.failing.length) {
      console.log(`\n${r.label}: audits below 100 in ${[...STRICT].join(', ')}`);
      for (const a of r.failing) {
        console.log(`  [${a.category}] ${a.id}: ${a.title} (score ${percent(a.score)})`);
        for (const w of a.where) console.log(`      ${w}`);
      }
    }
    for (const w of r.warnings) console.log(`\n${r.label}: warning: ${w}`);
  }
  if (options.json) {
    await writeFile(options.json, `${JSON.stringify({ date: new Date().toISOString(), results }, null, 2)}\n`);
    console.log(`\nwrote ${options.json}`);
  }
  if (failed) process.exit(1);
}

try {
  await main();
} catch (err) {
  console.error(`error: ${err.message}`);
  process.exit(1);
}
