// Writes src/export/map/outlines.txt, the coastlines and country borders that `newsctl publish`
// draws under the event maps, from Natural Earth's 1:50m data (public domain) as npm's
// world-atlas carries it. Run after changing the simplification or the world-atlas version;
// the test run checks that the committed file is what this script writes.
//
// Usage: node scripts/outlines.mjs [--check]
//
// The file: `#` lines say where it comes from; an `L` line is one ring of land (closed), a
// `B` line one stretch of border between two countries. Points are in hundredths of a degree,
// longitude then latitude: the first pair as it is, each next one as the step from the one
// before (small numbers, a small file).

import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature, mesh } from 'topojson-client';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'src', 'export', 'map', 'outlines.txt');
const require = createRequire(import.meta.url);
const ATLAS_VERSION = require('world-atlas/package.json').version;

/** Largest distance a simplified line may stray from the original (degrees). */
const TOLERANCE = 0.02;
/** Islands smaller than this across (degrees) are left out: less than a pixel on any map. */
const SMALLEST = 0.08;

/** Douglas–Peucker on [lon, lat] points, iterative (long coastlines are deep). */
function simplify(points, tolerance) {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop();
    const [ax, ay] = points[first];
    const [bx, by] = points[last];
    const dx = bx - ax;
    const dy = by - ay;
    const length = Math.hypot(dx, dy);
    let worst = -1;
    let index = -1;
    for (let i = first + 1; i < last; i += 1) {
      const [px, py] = points[i];
      const distance = length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * px - dx * py + bx * ay - by * ax) / length;
      if (distance > worst) {
        worst = distance;
        index = i;
      }
    }
    if (worst > tolerance) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/**
 * The points with no jump of more than half the world between neighbours: a shape cut at the
 * date line (Chukotka, Antarctica) goes on past ±180° instead of crossing every map between.
 */
function unwrap(points) {
  const out = [];
  let shift = 0;
  for (const [lon, lat] of points) {
    if (out.length) {
      const step = lon + shift - out[out.length - 1][0];
      if (step > 180) shift -= 360;
      else if (step < -180) shift += 360;
    }
    out.push([lon + shift, lat]);
  }
  // Then the whole shape goes back by whole turns to where most of it lies.
  const mean = out.reduce((sum, [lon]) => sum + lon, 0) / out.length;
  const turns = Math.round(mean / 360) * 360;
  return turns ? out.map(([lon, lat]) => [lon - turns, lat]) : out;
}

/** One line of the file: the tag, then the points in hundredths, stepwise. */
function encode(tag, points) {
  const out = [tag];
  let x = 0;
  let y = 0;
  for (const [lon, lat] of points) {
    const nx = Math.round(lon * 100);
    const ny = Math.round(lat * 100);
    if (out.length > 1 && nx === x && ny === y) continue;
    out.push(String(nx - x), String(ny - y));
    x = nx;
    y = ny;
  }
  return out.join(' ');
}

const across = (points) => {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
};

async function build() {
  const land = JSON.parse(await readFile(require.resolve('world-atlas/land-50m.json'), 'utf8'));
  const countries = JSON.parse(await readFile(require.resolve('world-atlas/countries-50m.json'), 'utf8'));
  const lines = [
    '# Coastlines and country borders drawn under the event maps.',
    `# Natural Earth 1:50m (public domain, naturalearthdata.com), from npm's world-atlas ${ATLAS_VERSION};`,
    `# simplified to ${TOLERANCE}° by scripts/outlines.mjs, which writes this file.`,
  ];
  const rings = feature(land, land.objects.land).features.flatMap((f) =>
    f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat(),
  );
  for (const ring of rings) {
    if (across(ring) < SMALLEST) continue;
    const simple = simplify(unwrap(ring), TOLERANCE);
    if (simple.length >= 4) lines.push(encode('L', simple));
  }
  const borders = mesh(countries, countries.objects.countries, (a, b) => a !== b);
  for (const line of borders.coordinates) {
    const simple = simplify(unwrap(line), TOLERANCE);
    if (simple.length >= 2) lines.push(encode('B', simple));
  }
  return lines.join('\n') + '\n';
}

const text = await build();
if (process.argv.includes('--check')) {
  const committed = await readFile(OUT, 'utf8').catch(() => '');
  if (committed !== text) {
    console.error(`${OUT} is not what scripts/outlines.mjs writes: run it and commit the file`);
    process.exit(1);
  }
  console.log('outlines: the committed file is up to date');
} else {
  await writeFile(OUT, text);
  console.log(`outlines: ${text.split('\n').length - 4} lines, ${(text.length / 1024).toFixed(0)} KiB in ${OUT}`);
}
