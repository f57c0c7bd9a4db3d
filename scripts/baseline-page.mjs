// The "physical limit" page for the browser benchmark: one static HTML file that lists every
// event of a news file as plain <article>s (date, type, title, place, summary) in Bulgarian,
// newest first, with a few lines of vanilla JS that hide the articles whose text does not
// contain what is typed in the search field. No framework, no data fetch, no virtualisation:
// what a browser needs at least to show the same archive and filter it.
//
// Matching folds case and accents and transliterates Cyrillic to Latin, on both sides, so
// "pisek" finds "Писек" as the app's search does. Each article carries its folded text in
// data-k, computed here once, so a keystroke is a substring test per article.
//
// As a module:  baselineHtml(newsJsonText) -> HTML string
// As a command: node scripts/baseline-page.mjs NEWS.json > baseline.html

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPE_LABELS = {
  consortium_meeting: 'Среща на консорциума',
  workshop: 'Работилница',
  learning_session: 'Учебна сесия',
  site_visit: 'Посещение на терен',
  webinar: 'Уебинар',
  local_event: 'Местно събитие',
  exhibition: 'Изложба',
  hackathon: 'Състезание за идеи',
  public_consultation: 'Обществено обсъждане',
  publication: 'Публикация',
  milestone: 'Етап на проекта',
};

const MONTHS = [
  'януари', 'февруари', 'март', 'април', 'май', 'юни',
  'юли', 'август', 'септември', 'октомври', 'ноември', 'декември',
];

/**
 * Lower case, no accents, Cyrillic spelt in Latin letters (Bulgarian streamlined system).
 * Self-contained: its source is also copied into the page, so page and generator agree.
 */
export function fold(text) {
  const latin = {
    а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
    л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h',
    ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sht', ъ: 'a', ь: 'y', ю: 'yu', я: 'ya',
  };
  let out = '';
  for (const ch of String(text).toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')) {
    out += latin[ch] ?? ch;
  }
  return out.replace(/\s+/g, ' ');
}

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text) => String(text ?? '').replace(/[&<>"]/g, (c) => ESCAPES[c]);

/** The Bulgarian text, or the English one when there is none. */
const bg = (text) => (text && (text.bg ?? text.en)) || '';

/** "25 ноември 2021", "ноември 2021" or "2021" from a partial ISO date. */
function formatDate(iso) {
  const [year, month, day] = String(iso).split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : null;
  if (day) return `${Number(day)} ${monthName} ${year}`;
  if (monthName) return `${monthName} ${year}`;
  return year;
}

/** Newest first, as the app shows them by default (ISO partial dates sort as text). */
function newestFirst(a, b) {
  return b.start < a.start ? -1 : b.start > a.start ? 1 : a.slug < b.slug ? -1 : 1;
}

function article(event, cityNames, organisationNames) {
  const title = bg(event.title);
  const summary = bg(event.summary);
  const cityId = event.location?.city;
  const place = cityId ? cityNames.get(cityId) ?? '' : '';
  const type = TYPE_LABELS[event.type] ?? event.type;
  // The app's search also looks at who took part; the key does too, so both find the same.
  const who = [
    ...(event.participants?.cities ?? []).map((id) => cityNames.get(id)),
    event.host?.city && cityNames.get(event.host.city),
    ...(event.participants?.organisations ?? []).map((id) => organisationNames.get(id)),
  ].filter(Boolean);
  const key = fold(`${title} ${place} ${summary} ${who.join(' ')}`);
  return (
    `<article data-k="${escape(key)}"><p class="m"><time datetime="${escape(event.start)}">` +
    `${escape(formatDate(event.start))}</time> · ${escape(type)}</p>` +
    `<h2>${escape(title)}</h2>` +
    (place ? `<p class="p">${escape(place)}</p>` : '') +
    `<p>${escape(summary)}</p></article>`
  );
}

/** The whole page for a news file's text. */
export function baselineHtml(newsJsonText) {
  const news = JSON.parse(newsJsonText);
  const cityNames = new Map((news.cities ?? []).map((c) => [c.id, bg(c.name)]));
  const organisationNames = new Map((news.organisations ?? []).map((o) => [o.id, bg(o.name)]));
  const events = [...(news.events ?? [])].sort(newestFirst);
  const count = (n) => `${n} ${n === 1 ? 'събитие' : 'събития'}`;
  const script = `${fold.toString()}
const field = document.getElementById('search');
const status = document.querySelector('.result-count');
let items = null;
field.addEventListener('input', () => {
  items ??= Array.from(document.querySelectorAll('article'), (a) => [a, a.dataset.k]);
  const wanted = fold(field.value.trim());
  let shown = 0;
  for (const [a, key] of items) {
    const hit = key.includes(wanted);
    if (a.hidden === hit) a.hidden = !hit;
    if (hit) shown += 1;
  }
  status.textContent = shown + (shown === 1 ? ' събитие' : ' събития');
});`;
  return `<!doctype html>
<html lang="bg">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(news.site?.project?.acronym)} – всички събития (статична страница)</title>
<link rel="icon" href="data:,">
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:48rem;padding:1rem;color:#1a1a1a}
article{border-top:1px solid #ccc;padding:.5rem 0}
h2{font-size:1.1rem;margin:.2rem 0}
p{margin:.2rem 0}
.m,.p{color:#555;font-size:.9rem}
</style>
</head>
<body>
<h1>${escape(news.site?.project?.acronym)}</h1>
<label for="search">Търсене</label>
<input id="search" type="search" autocomplete="off" spellcheck="false">
<p class="result-count" role="status">${count(events.length)}</p>
<main>
${events.map((e) => article(e, cityNames, organisationNames)).join('\n')}
</main>
<script>
${script}
</script>
</body>
</html>
`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [file] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node scripts/baseline-page.mjs NEWS.json > baseline.html');
    process.exit(2);
  }
  process.stdout.write(baselineHtml(await readFile(file, 'utf8')));
}
