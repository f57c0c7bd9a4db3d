// The first answer, loaded by the page's loader (src/boot.js) when the visitor reaches for
// the search field of the unfiltered timeline, before the app has arrived. A search typed
// then is answered from the light index publishing wrote beside the pages (search/: see
// src/query/light.rs and src/export/search.rs), until the app takes over with the same list:
//  - the query is folded as the app folds it (src/text/mod.rs), from the tables in
//    search/meta.json, which publishing writes from the app's own;
//  - each word's forms are looked up in the file of their first three letters, which lists
//    every word that holds them with its events;
//  - the entries are the timeline's own, drawn by publishing (one file per event and
//    language), merged into years and months as the app draws them.
// Only once every form has three letters is anything answered: shorter ones are in nearly
// every event, and the app narrows by them from the whole list.

const SEARCH = 'search/';
const FIRST_SCREEN = 6;
const texts = new Map();
const textOf = (file) => {
  if (!texts.has(file)) {
    const request = fetch(SEARCH + file, { credentials: 'same-origin' }).then((response) => {
      // A host may answer a file it does not have with a page.
      if (!response.ok || /html/.test(response.headers.get('content-type') ?? '')) {
        throw new Error(`${file}: ${response.status}`);
      }
      return response.text();
    });
    // A failed request is asked again next time.
    request.catch(() => texts.delete(file));
    texts.set(file, request);
  }
  return texts.get(file);
};
const metaOf = () => textOf('meta.json').then(JSON.parse);
const wordChar = /[\p{Alphabetic}\p{N}]/u;
// src/text/mod.rs, fold_with: lowercase, marks dropped, Cyrillic in Latin, anything else
// that is not a letter or digit a single space; word-final "ия" is "ia" unless letterwise.
const fold = (text, meta, letterwise) => {
  const chars = Array.from(text);
  const combining = (c) => meta.combining.some(([first, last]) => c.codePointAt(0) >= first && c.codePointAt(0) <= last);
  const nextLetter = (from) => {
    for (let j = from; j < chars.length; j++) if (!combining(chars[j])) return [chars[j], j];
    return [null, chars.length];
  };
  let out = '';
  let space = false;
  let finalYa = false;
  for (let i = 0; i < chars.length; i++) {
    for (const lower of Array.from(chars[i].toLowerCase())) {
      if (combining(lower)) continue;
      let piece = null;
      if (/[a-z0-9]/.test(lower)) piece = lower;
      else if (lower.codePointAt(0) < 0x80) piece = null;
      else if (lower === 'и' && !letterwise && meta.letters[lower]) {
        const [ya, at] = nextLetter(i + 1);
        const [after] = nextLetter(at + 1);
        finalYa = (ya === 'я' || ya === 'Я') && !(after && wordChar.test(after));
        piece = meta.letters[lower];
      } else if (lower === 'я' && finalYa) {
        finalYa = false;
        piece = 'a';
      } else if (meta.letters[lower]) piece = meta.letters[lower];
      else if (wordChar.test(lower)) piece = lower;
      if (piece === null) space = out !== '';
      else {
        if (space) out += ' ';
        space = false;
        out += piece;
      }
    }
  }
  return out;
};
const stem = (word, meta) => {
  for (const ending of meta.endings) {
    const rest = word.endsWith(ending) ? word.slice(0, -ending.length) : null;
    if (rest !== null && rest.length >= meta.minStem && /^[\x00-\x7f]*$/.test(rest)) return rest;
  }
  return word;
};
// src/text/mod.rs, search_words and SearchWord::forms: per distinct word, its stemmed
// spellings (the letter-by-letter one when the query has "я").
const formsOf = (query, meta) => {
  query = Array.from(query).slice(0, meta.maxQuery).join('');
  const official = fold(query, meta, false);
  const letterwise = /[яЯ]/.test(query) ? fold(query, meta, true) : official;
  const others = letterwise.split(' ');
  const words = [];
  official.split(' ').forEach((word, i) => {
    if (!word || words.some((w) => w.word === word)) return;
    const forms = [stem(word, meta)];
    const other = others[i] && others[i] !== word ? stem(others[i], meta) : null;
    if (other && other !== forms[0]) forms.push(other);
    words.push({ word, forms });
  });
  return words.map((w) => w.forms);
};
// src/query/light.rs, file_of: FNV-1a of the UTF-8 bytes of the form's first three letters.
const fileOf = (form, meta) => {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(Array.from(form).slice(0, 3).join(''))) {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  return `${hash % meta.files}.txt`;
};
// The events with a word that holds one of the forms.
const eventsOf = async (forms, meta) => {
  const events = new Set();
  for (const form of forms) {
    const files = [fileOf(form, meta)];
    if (meta.long) files.push('long.txt');
    for (const text of await Promise.all(files.map(textOf))) {
      for (const line of text.split('\n')) {
        const parts = line.split(' ');
        if (!parts[0] || !parts[0].includes(form)) continue;
        let n = 0;
        for (const part of parts.slice(1)) events.add((n += Number(part)));
      }
    }
  }
  return events;
};

/** Fetches the tables while the visitor reaches for the field. */
export function prepare() {
  return metaOf();
}

let before = null;
const timelineParts = () => ({
  list: document.querySelector('.timeline-results .timeline'),
  count: document.getElementById('result-count'),
  more: document.querySelector('.timeline-results .show-more'),
});
// The prerendered list, count and button, as they were, for a search that is emptied.
const restore = () => {
  if (!before) return;
  const { list, count, more } = timelineParts();
  list.replaceChildren(...before.nodes);
  count.textContent = before.count;
  if (more) [more.textContent, more.hidden] = [before.more, before.moreHidden];
  before = null;
};
// The loader's mark of a list that the app is still to narrow.
const filtering = (on) => document.documentElement.classList.toggle('app-filtering', on);
const counted = (n, words) => `${n} ${n === 1 ? words.one : words.other}`;
// Entries in the timeline's order, each in its year and month: a year or month that goes
// on from the entry before is merged into it, as the app draws them.
const draw = (entries, total, matches, meta, lang) => {
  const { list, count, more } = timelineParts();
  if (!before) {
    before = { nodes: [...list.childNodes], count: count.textContent, more: more?.textContent, moreHidden: more?.hidden };
  }
  const words = meta.words[lang];
  const text = matches === total ? counted(matches, words) : `${counted(matches, words)} ${words.of} ${total}`;
  if (count.textContent !== text) count.textContent = text;
  const years = [];
  for (const html of entries) {
    const template = document.createElement('template');
    // The build's own HTML, written by the same code as every page (texts escaped);
    // a template's content is inert.
    template.innerHTML = html;
    const year = template.content.querySelector('.timeline-year');
    if (!year) continue;
    const last = years.at(-1);
    if (!last || last.getAttribute('aria-labelledby') !== year.getAttribute('aria-labelledby')) {
      years.push(year);
      continue;
    }
    const month = year.querySelector('.timeline-month');
    const lastMonth = last.querySelector('.timeline-month:last-of-type');
    if (lastMonth && lastMonth.querySelector('h3').textContent === month.querySelector('h3').textContent) {
      lastMonth.querySelector('ol').append(...month.querySelector('ol').children);
    } else last.append(month);
  }
  list.replaceChildren(...years);
  if (more) {
    const rest = matches - meta.page;
    more.hidden = rest <= 0;
    if (rest > 0) more.textContent = `${words.more} (${counted(Math.min(rest, meta.page), words)})`;
  }
};
/**
 * Answers `query` on the timeline of `lang` ('bg' or 'en'), drawing while `current()` holds
 * (the loader's word that this is still the visitor's latest query and the app has not
 * taken over). Without the light index (a site published before it, a lost connection) it
 * draws nothing, and the app answers, as it always has.
 */
export async function answer(query, lang, current) {
  try {
    const meta = await metaOf();
    // Publishing left the index out (too large for what the archive holds).
    if (!meta.files) return;
    const words = formsOf(query, meta);
    if (!current()) return;
    if (!words.length) {
      restore();
      return;
    }
    // One or two letters are in nearly every event: the words that have three or more
    // narrow the list, and it shows as still being narrowed (the app adds the rest).
    const asked = words.filter((forms) => forms.every((form) => Array.from(form).length >= 3));
    if (!asked.length) {
      restore();
      filtering(true);
      return;
    }
    let matches = null;
    for (const forms of asked) {
      const events = await eventsOf(forms, meta);
      matches = matches ? new Set([...matches].filter((n) => events.has(n))) : events;
    }
    if (!current()) return;
    // The timeline's order, newest first, is the catalog's backwards.
    const shown = [...matches].sort((a, b) => b - a).slice(0, meta.page);
    const entries = shown.map((n) => textOf(`${lang}/${n}.txt`));
    // A screenful first: over HTTP/1.1 the browser fetches six files at a time.
    const screen = await Promise.all(entries.slice(0, FIRST_SCREEN));
    if (!current()) return;
    draw(screen, meta.events, matches.size, meta, lang);
    filtering(asked.length < words.length);
    if (entries.length <= FIRST_SCREEN) return;
    const all = await Promise.all(entries);
    if (current()) draw(all, meta.events, matches.size, meta, lang);
  } catch {
    // No answer to this query: the list goes back to the whole, being narrowed, rather than
    // show another query's; the app's own answer follows.
    if (current()) {
      restore();
      filtering(true);
    }
  }
}

/** The prerendered list back as it was, for the app to narrow (the loader's word that the
 * visitor has done what the first answer does not answer, such as ticking a box). */
export function withdraw() {
  restore();
  filtering(false);
}
