// The first answer, loaded by the page's loader (src/boot.js) when the visitor reaches for
// the search field of the unfiltered timeline, before the app has arrived. A search typed
// then is answered from the light index publishing wrote beside the pages (search/: see
// src/query/light.rs and src/export/search.rs), until the app takes over with the same list:
//  - the query is folded as the app folds it (src/text/mod.rs), from the tables in
//    search/meta.json, which publishing writes from the app's own;
//  - each word's forms are looked up in the file of their first three letters, which lists
//    every word that holds them with its events;
//  - the entries are the timeline's own, drawn by publishing (one file per event and
//    language), merged into years and months, with the words found marked and, on a card
//    that shows none of them, where on its page they are (the index gives each word's
//    events with the parts of their pages that hold it), as the app draws them.
// Only once every form has three letters is anything answered: shorter ones are in nearly
// every event, and the app narrows by them from the whole list.

const SEARCH = 'search/';
// The loader's `claim()` for a query the visitor has typed on from.
const EARLIER = 2;
const FIRST_SCREEN = 6;
const texts = new Map();
// The files already in, for drawing a list whose entries are all here at once.
const arrived = new Set();
const textOf = (file) => {
  if (!texts.has(file)) {
    const request = fetch(SEARCH + file, { credentials: 'same-origin' }).then((response) => {
      // A host may answer a file it does not have with a page.
      if (!response.ok || /html/.test(response.headers.get('content-type') ?? '')) {
        throw new Error(`${file}: ${response.status}`);
      }
      return response.text();
    });
    request.then(() => arrived.add(file), () => {});
    // A failed request is asked again next time.
    request.catch(() => texts.delete(file));
    texts.set(file, request);
  }
  return texts.get(file);
};
// Read once; a failed read is asked again next time.
let metaRead = null;
const metaOf = () => {
  if (!metaRead) {
    metaRead = textOf('meta.json').then(JSON.parse);
    metaRead.catch(() => {
      metaRead = null;
    });
  }
  return metaRead;
};
const wordChar = /[\p{Alphabetic}\p{N}]/u;
// A mark that folding drops.
const DROPPED = 0;
// By code point, worked out once: the character's lowercase letters, each followed by what
// it folds to where nothing around it matters (a string, null for a break between words, or
// DROPPED). Only "ия" at a word's end depends on what follows.
const lowered = [];
const loweredOf = (code, meta) => {
  if (lowered[code] === undefined) {
    const pieces = [];
    for (const lower of String.fromCodePoint(code).toLowerCase()) {
      const low = lower.codePointAt(0);
      let folded;
      if (meta.combining.some(([first, last]) => low >= first && low <= last)) folded = DROPPED;
      else if ((low >= 0x61 && low <= 0x7a) || (low >= 0x30 && low <= 0x39)) folded = lower;
      else if (low < 0x80) folded = null;
      else folded = meta.letters[lower] || (wordChar.test(lower) ? lower : null);
      pieces.push(lower, folded);
    }
    lowered[code] = pieces;
  }
  return lowered[code];
};
const CYRILLIC_YA = [0x44f, 0x42f];
// src/text/mod.rs, fold_with: lowercase, marks dropped, Cyrillic in Latin, anything else
// that is not a letter or digit a single space; word-final "ия" is "ia" unless letterwise.
// With each unit of the folded text, where the source character it came from starts and
// ends, for marking the words found as they are written.
const foldMapped = (text, meta, letterwise) => {
  // The letter from `from` on that is not a mark (its code point, or -1), and where the one
  // after it starts.
  const nextLetter = (from) => {
    for (let at = from; at < text.length; ) {
      const code = text.codePointAt(at);
      at += code > 0xffff ? 2 : 1;
      if (loweredOf(code, meta)[1] !== DROPPED) return [code, at];
    }
    return [-1, text.length];
  };
  let out = '';
  const starts = [];
  const ends = [];
  let space = -1;
  let spaceEnd = -1;
  let finalYa = false;
  for (let from = 0; from < text.length; ) {
    const code = text.codePointAt(from);
    const to = from + (code > 0xffff ? 2 : 1);
    const pieces = loweredOf(code, meta);
    for (let p = 0; p < pieces.length; p += 2) {
      const lower = pieces[p];
      let piece = pieces[p + 1];
      if (piece === DROPPED) continue;
      if (lower === 'и' && !letterwise && meta.letters[lower]) {
        const [ya, at] = nextLetter(to);
        const [after] = nextLetter(at);
        finalYa = CYRILLIC_YA.includes(ya) && !(after >= 0 && wordChar.test(String.fromCodePoint(after)));
      } else if (lower === 'я' && finalYa) {
        finalYa = false;
        piece = 'a';
      }
      if (piece === null) {
        if (space < 0) [space, spaceEnd] = [from, to];
      } else {
        if (space >= 0 && out) {
          out += ' ';
          starts.push(space);
          ends.push(spaceEnd);
        }
        space = -1;
        out += piece;
        for (let k = 0; k < piece.length; k++) {
          starts.push(from);
          ends.push(to);
        }
      }
    }
    from = to;
  }
  return { text: out, starts, ends };
};
const fold = (text, meta, letterwise) => foldMapped(text, meta, letterwise).text;
// The cards' texts folded once: the next letter marks the same cards again.
const foldedTexts = new Map();
const foldedOf = (text, meta, letterwise) => {
  const key = `${letterwise ? 1 : 0}${text}`;
  if (!foldedTexts.has(key)) foldedTexts.set(key, foldMapped(text, meta, letterwise));
  return foldedTexts.get(key);
};
const stem = (word, meta) => {
  for (const ending of meta.endings) {
    const rest = word.endsWith(ending) ? word.slice(0, -ending.length) : null;
    if (rest !== null && rest.length >= meta.minStem && /^[\x00-\x7f]*$/.test(rest)) return rest;
  }
  return word;
};
// src/text/mod.rs, search_words and SearchWord::forms: each distinct word as typed, its
// letter-by-letter spelling when the query has "я", and their stems (the forms it is found by).
const wordsOf = (query, meta) => {
  query = Array.from(query).slice(0, meta.maxQuery).join('');
  const official = fold(query, meta, false);
  const letterwise = /[яЯ]/.test(query) ? fold(query, meta, true) : official;
  const others = letterwise.split(' ');
  const words = [];
  official.split(' ').forEach((word, i) => {
    if (!word || words.some((w) => w.word === word)) return;
    const other = others[i] && others[i] !== word ? others[i] : null;
    const forms = [stem(word, meta)];
    if (other && stem(other, meta) !== forms[0]) forms.push(stem(other, meta));
    words.push({ word, other, forms });
  });
  return words;
};
// src/query/run.rs (the terms of a result) and src/components/event_card.rs: what a card
// marks, each spelling as typed and each form, of three letters or more.
const termsOf = (words, meta) => {
  const terms = [];
  for (const { word, other, forms } of words) {
    for (const term of [word, other, ...forms]) {
      if (term && !terms.includes(term) && Array.from(term).length >= 3) terms.push(term);
    }
  }
  return terms.map((term) => fold(term, meta, false)).filter((term) => term && !term.includes(' '));
};
// src/query/highlight.rs, highlight: the text in runs, marked where a term is found in either
// spelling; null when nothing is.
const runsOf = (text, terms, meta) => {
  const marked = new Array(text.length).fill(false);
  let any = false;
  for (const letterwise of [false, true]) {
    if (letterwise && !/[яЯ]/.test(text)) continue;
    const folded = foldedOf(text, meta, letterwise);
    for (const term of terms) {
      for (let at = folded.text.indexOf(term); at !== -1; ) {
        marked.fill(true, folded.starts[at], folded.ends[at + term.length - 1]);
        any = true;
        at = folded.text.indexOf(term, at + String.fromCodePoint(folded.text.codePointAt(at)).length);
      }
    }
  }
  if (!any) return null;
  const runs = [];
  let start = 0;
  for (let at = 1; at <= text.length; at++) {
    if (at === text.length || marked[at] !== marked[start]) {
      runs.push([text.slice(start, at), marked[start]]);
      start = at;
    }
  }
  return runs;
};
// Whether anything was marked. An element marked as it already is, as on a card the next
// letter keeps, is left alone: the browser has nothing to draw again.
const markedAs = new WeakMap();
const mark = (element, terms, meta) => {
  const text = element.textContent;
  const runs = runsOf(text, terms, meta);
  const key = runs ? runs.map(([piece, hit]) => `${hit ? '+' : '-'}${piece.length}`).join('') : '';
  if ((markedAs.get(element) ?? '') !== key) {
    if (runs) {
      element.replaceChildren(
        ...runs.map(([piece, hit]) => {
          if (!hit) return document.createTextNode(piece);
          const node = document.createElement('mark');
          node.textContent = piece;
          return node;
        }),
      );
    } else element.textContent = text;
    markedAs.set(element, key);
  }
  return runs !== null;
};
// src/components/event_card.rs, found_in: for a card that shows no word found, the parts of
// its page where the words are (bits in the order of the parts' names), each name once.
const foundLine = (bits, words) => {
  const names = [];
  words.parts.forEach((name, part) => {
    if (bits & (1 << part) && names.at(-1) !== name) names.push(name);
  });
  if (!names.length) return null;
  const line = document.createElement('p');
  line.className = 'timeline-entry__found';
  line.textContent = `${words.foundIn}: ${names.join(', ')}`;
  return line;
};
// src/query/light.rs, file_of: FNV-1a of the UTF-8 bytes of the form's first three letters.
const fileOf = (form, meta) => {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(Array.from(form).slice(0, 3).join(''))) {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  return `${hash % meta.files}.txt`;
};
// An index file's lines with their words, split once: a letter typed on looks in the same file.
const lines = new Map();
const linesOf = (file) => {
  if (!lines.has(file)) {
    lines.set(
      file,
      textOf(file).then((text) => text.split('\n').map((line) => [line.split(' ', 1)[0], line])),
    );
    lines.get(file).catch(() => lines.delete(file));
  }
  return lines.get(file);
};
// A line's events, each followed by the parts of its page where the line's word is (bits),
// read once: the next letter reads the same lines again.
const eventsOnLine = new Map();
const lineEvents = (line) => {
  if (!eventsOnLine.has(line)) {
    const parts = line.split(' ');
    const events = new Int32Array(2 * (parts.length - 1));
    // The parts' bits are written when they change from the event before.
    let n = 0;
    let bits = 0;
    for (let i = 1; i < parts.length; i++) {
      const part = parts[i];
      const colon = part.indexOf(':');
      n += Number(colon < 0 ? part : part.slice(0, colon));
      if (colon >= 0) bits = parseInt(part.slice(colon + 1), 36);
      events[2 * i - 2] = n;
      events[2 * i - 1] = bits;
    }
    eventsOnLine.set(line, events);
  }
  return eventsOnLine.get(line);
};
// The lines whose word holds a form, by form. A word that holds a form holds every shorter
// form it goes on from, so a letter typed on looks only in the lines the form before it
// found. (Such a form has three letters or more, the same first three, so its lines come
// from the same file.) Only the query's own forms are kept, for the next letter.
let linesWith = new Map();
const linesHolding = (form, files) => {
  if (!linesWith.has(form)) {
    let from = null;
    for (let end = form.length - 1; end >= 3 && !from; end--) from = linesWith.get(form.slice(0, end)) ?? null;
    linesWith.set(form, (from ?? files.flat()).filter(([word]) => word && word.includes(form)));
  }
  return linesWith.get(form);
};
// The events with a word that holds one of the forms, each with the parts of its page where
// those words are (bits).
const eventsOf = async (forms, meta) => {
  const events = new Map();
  const extra = meta.long ? ['long.txt'] : [];
  // The files of every form at once.
  const files = await Promise.all(forms.map((form) => Promise.all([fileOf(form, meta), ...extra].map(linesOf))));
  forms.forEach((form, i) => {
    for (const [, line] of linesHolding(form, files[i])) {
      const read = lineEvents(line);
      for (let k = 0; k < read.length; k += 2) events.set(read[k], (events.get(read[k]) ?? 0) | read[k + 1]);
    }
  });
  return events;
};

// An entry as the page's nodes: the build's own HTML, written by the same code as every page
// (texts escaped), parsed once in an inert template, with the year and month it is drawn in.
const parsedEntries = new Map();
const entryOf = (html) => {
  if (!parsedEntries.has(html)) {
    const template = document.createElement('template');
    template.innerHTML = html;
    const year = template.content.querySelector('.timeline-year');
    const month = year?.querySelector('.timeline-month__title');
    parsedEntries.set(html, { template, year: year?.getAttribute('aria-labelledby'), month: month?.textContent });
  }
  return parsedEntries.get(html);
};

/** Fetches the tables while the visitor reaches for the field. */
export function prepare() {
  return metaOf();
}

let before = null;
// What the first answer says when nothing is found, before the list (the app's empty state
// without its offers, which need the app).
let empty = null;
const emptyState = (words) => {
  const state = document.createElement('div');
  state.className = 'empty-state';
  for (const [name, text] of [['title', words.emptyTitle], ['advice', words.emptyAdvice]]) {
    const line = document.createElement('p');
    line.className = `empty-state__${name}`;
    line.textContent = text;
    state.append(line);
  }
  return state;
};
// src/components/filter_bar.rs, ActiveFilters: the search's chip and "clear all", as the app
// draws them over its list (so nothing moves when it takes over); either empties the field.
let chips = null;
const chipRow = (words) => {
  const row = document.createElement('div');
  row.className = 'active-filters';
  const heading = document.createElement('h3');
  heading.className = 'visually-hidden';
  heading.textContent = words.activeFilters;
  const list = document.createElement('ul');
  list.className = 'active-filters__list';
  const chip = document.createElement('li');
  chip.className = 'chip';
  const label = document.createElement('span');
  label.className = 'chip__label';
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'chip__remove';
  const cross = document.createElement('span');
  cross.setAttribute('aria-hidden', 'true');
  cross.textContent = '×';
  remove.append(cross);
  chip.append(label, remove);
  list.append(chip);
  const clear = document.createElement('button');
  clear.type = 'button';
  clear.className = 'button button--link clear-all';
  clear.textContent = words.clearAll;
  row.append(heading, list, clear);
  row.addEventListener('click', (event) => {
    if (!event.target.closest('button')) return;
    const field = document.getElementById('search');
    field.value = '';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    document.getElementById('result-count')?.focus();
  });
  return row;
};
// The chip's words for the search `query`: the visitor's text between the isolate marks
// (FSI … PDI), as the app writes it.
const labelChip = (row, query, words) => {
  const label = row.querySelector('.chip__label');
  label.textContent = `${words.searchLabel}: ${words.quoted.replace('%', `\u2068${query}\u2069`)}`;
  row.querySelector('.chip__remove').setAttribute('aria-label', `${words.removeFilter} ${label.textContent}`);
  row.dataset.query = query;
};
const timelineParts = () => ({
  list: document.querySelector('.timeline-results .timeline'),
  count: document.getElementById('result-count'),
  more: document.querySelector('.timeline-results .show-more'),
  show: document.querySelector('.filters__show'),
});
// The filter panel's counts are the whole archive's until the app counts the result: hidden
// (from sight and from screen readers) while the first answer shows a narrower list.
const answered = (on) => document.documentElement.classList.toggle('app-answered', on);
// The prerendered list, count and button, as they were, for a search that is emptied.
const restore = () => {
  empty?.remove();
  empty = null;
  chips?.remove();
  chips = null;
  if (!before) return;
  const { list, count, more, show } = timelineParts();
  list.replaceChildren(...before.nodes);
  forget();
  count.textContent = before.count;
  if (more) [more.textContent, more.hidden] = [before.more, before.moreHidden];
  if (show) show.textContent = before.show;
  answered(false);
  before = null;
};
// The loader's mark of a list that the app is still to narrow.
const filtering = (on) => document.documentElement.classList.toggle('app-filtering', on);
const counted = (n, words) => `${n} ${n === 1 ? words.one : words.other}`;
// What the first answer has drawn, kept for the next letter as the app's keyed list keeps
// it: each event's entry by its number, each year by its heading's id and each month by its
// title. Only nodes drawn here are kept, never the prerendered ones (`before` has those).
let items = new Map();
let years = new Map();
const forget = () => {
  items = new Map();
  years = new Map();
};
// Puts `wanted` as the children of `parent` in that order, moving only the nodes out of
// place: those kept are in the same order (the timeline's), so only new ones are inserted.
const arrange = (parent, wanted) => {
  const keep = new Set(wanted);
  for (const node of [...parent.childNodes]) if (!keep.has(node)) node.remove();
  wanted.forEach((node, i) => {
    const at = parent.childNodes[i];
    if (at !== node) parent.insertBefore(node, at ?? null);
  });
};
// Entries in the timeline's order (events `shown`, their HTML `entries`), each in its year
// and month, as the app draws them. `places` has, for each entry, the parts of its page where
// the words are (null while a word is too short to say). An entry, year or month drawn for
// the letter before is kept where it is (a link under the visitor's finger stays put), its
// marks changed where they differ.
const draw = (shown, entries, places, terms, matches, meta, lang, query) => {
  const total = meta.events;
  const { list, count, more, show } = timelineParts();
  if (!before) {
    before = {
      nodes: [...list.childNodes],
      count: count.textContent,
      more: more?.textContent,
      moreHidden: more?.hidden,
      show: show?.textContent,
    };
  }
  const words = meta.words[lang];
  const text = matches === total ? counted(matches, words) : `${counted(matches, words)} ${words.of} ${total}`;
  if (count.textContent !== text) count.textContent = text;
  // The app's text is the query's first characters (query::url::searched_text), trimmed.
  const chipText = Array.from(query).slice(0, meta.maxQuery).join('').trim();
  if (words.searchLabel && !chips) count.after((chips = chipRow(words)));
  if (chips && chips.dataset.query !== chipText) labelChip(chips, chipText, words);
  // The phone's "Show N events" under the filters says what the list holds, as the app's does.
  if (show) show.textContent = matches ? `${words.show} ${counted(matches, words)}` : words.showNone;
  answered(true);
  const kept = new Map();
  const wanted = new Map();
  entries.forEach((html, i) => {
    const entry = entryOf(html);
    if (!entry.year) return;
    let item = items.get(shown[i]);
    if (!item) {
      const fresh = entry.template.content.cloneNode(true).querySelector('.timeline-year');
      const month = fresh.querySelector('.timeline-month');
      item = month.querySelector('.timeline-month__item');
      if (!years.has(entry.year)) years.set(entry.year, { node: fresh, months: new Map() });
      const { months } = years.get(entry.year);
      if (!months.has(entry.month)) months.set(entry.month, { node: month, list: month.querySelector('ol') });
    }
    kept.set(shown[i], item);
    // The words found, marked where the card shows them, as the app marks them; where they
    // are when the card shows none.
    let marked = false;
    for (const element of item.querySelectorAll('.timeline-entry__title a, .timeline-entry__summary, .city-label')) {
      marked = mark(element, terms, meta) || marked;
    }
    const line = (!marked && places[i] !== null && foundLine(places[i], words)) || null;
    const old = item.querySelector('.timeline-entry__found');
    if (old?.textContent !== line?.textContent) {
      old?.remove();
      if (line) item.querySelector('.timeline-entry__summary')?.after(line);
    }
    if (!wanted.has(entry.year)) wanted.set(entry.year, new Map());
    const months = wanted.get(entry.year);
    if (!months.has(entry.month)) months.set(entry.month, []);
    months.get(entry.month).push(item);
  });
  items = kept;
  for (const [year, months] of wanted) {
    const shell = years.get(year);
    for (const [title, listed] of months) arrange(shell.months.get(title).list, listed);
    for (const title of shell.months.keys()) if (!months.has(title)) shell.months.delete(title);
    arrange(shell.node, [shell.node.querySelector('.timeline-year__title'), ...[...months.keys()].map((title) => shell.months.get(title).node)]);
  }
  for (const year of years.keys()) if (!wanted.has(year)) years.delete(year);
  arrange(list, [...wanted.keys()].map((year) => years.get(year).node));
  if (!matches && !empty) list.before((empty = emptyState(words)));
  if (matches && empty) {
    empty.remove();
    empty = null;
  }
  if (more) {
    const rest = matches - meta.page;
    more.hidden = rest <= 0;
    if (rest > 0) more.textContent = `${words.more} (${counted(Math.min(rest, meta.page), words)})`;
  }
};
/**
 * Answers `query` on the timeline of `lang` ('bg' or 'en'), going on while `current()` holds
 * (the loader's word that this query may still be shown: it is the visitor's latest, or one
 * the latest goes on from, and the app has not taken over) and drawing only when `claim()`
 * does (the same, and the loader notes that this query is the one shown; `EARLIER` when the
 * visitor has typed on since, so the list shows as still being narrowed). Without the light
 * index (a site published before it, a lost connection) it draws nothing, and the app
 * answers, as it always has.
 * Resolves to whether the list now shows the whole answer (every word found from the index,
 * at least one event; or the whole list for an empty query): when it does not, the app has
 * more to give (the narrowing by one or two letters, the offers of an empty result).
 */
export async function answer(query, lang, current, claim) {
  try {
    const meta = await metaOf();
    // Publishing left the index out (too large for what the archive holds).
    if (!meta.files) return false;
    const typed = wordsOf(query, meta);
    const words = typed.map((w) => w.forms);
    const terms = termsOf(typed, meta);
    // A query that is no longer the visitor's: what it would have been does not matter.
    if (!current()) return true;
    if (!words.length) {
      if (claim()) {
        restore();
        filtering(false);
      }
      return true;
    }
    // One or two letters are in nearly every event: the words that have three or more
    // narrow the list, and it shows as still being narrowed (the app adds the rest).
    const asked = words.filter((forms) => forms.every((form) => Array.from(form).length >= 3));
    if (!asked.length) {
      if (claim()) {
        restore();
        filtering(true);
      }
      return false;
    }
    // Each word's file at once: one round trip, however many words.
    const found = await Promise.all(asked.map((forms) => eventsOf(forms, meta)));
    // The next letter goes on from these forms: the lines of any other are let go.
    linesWith = new Map(asked.flat().filter((form) => linesWith.has(form)).map((form) => [form, linesWith.get(form)]));
    const matches = [...found[0].keys()].filter((n) => found.every((events) => events.has(n)));
    if (!current()) return true;
    // The timeline's order, newest first, is the catalog's backwards.
    const shown = matches.sort((a, b) => b - a).slice(0, meta.page);
    const entries = shown.map((n) => textOf(`${lang}/${n}.txt`));
    // Where on its page each was found, from every word; not said while a word is too short
    // (the app does not say either).
    const partial = asked.length < words.length;
    const places = shown.map((n) => (partial ? null : found.reduce((bits, events) => bits | events.get(n), 0)));
    // A screenful first: over HTTP/1.1 the browser fetches six files at a time. (Entries all
    // here already, as when a letter is typed on, are drawn at once.)
    const whole = shown.every((n) => arrived.has(`${lang}/${n}.txt`));
    const screen = await Promise.all(whole ? entries : entries.slice(0, FIRST_SCREEN));
    const turn = claim();
    if (!turn) return true;
    draw(shown, screen, places, terms, matches.length, meta, lang, query);
    filtering(partial || turn === EARLIER);
    if (screen.length < entries.length) {
      const all = await Promise.all(entries);
      const again = claim();
      if (again) draw(shown, all, places, terms, matches.length, meta, lang, query);
      if (again === EARLIER) filtering(true);
    }
    return !partial && matches.length > 0;
  } catch {
    // No answer to this query: the list goes back to the whole, being narrowed, rather than
    // show another query's; the app's own answer follows.
    if (claim()) {
      restore();
      filtering(true);
    }
    return false;
  }
}

/**
 * The prerendered list back as it was, marked as being narrowed by the app that is on its way
 * (the loader's word that the visitor has done what the first answer does not answer, such
 * as ticking a box).
 */
export function withdraw() {
  restore();
  filtering(true);
}
