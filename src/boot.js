// The page's loader, inlined into every prerendered page by scripts/post-build.mjs (which
// fills in the six constants). The prerendered HTML is the page: readable, linked, usable
// without any script. The app (wasm) starts only when it is needed:
//  - at once when the address asks for more than the HTML shows (a filtered timeline, or a
//    host that answered a deep link with another page's HTML);
//  - otherwise at the first sign of use of a control that needs it (pointer over or focus
//    in the filters, the "show more" button); a visitor who only reads (or adds
//    an event to a calendar, a plain link, or copies or shares the page's link, which this
//    loader does) never runs it. Its files are fetched once the timeline
//    is idle (not on Save-Data, 2G or 3G), so that a later search answers at once.
//  - on a large archive (publishing marks its pages `data-start="search"`), the search field
//    is not such a sign: what is typed there is answered from the light index (the first
//    answer), and the app, which reads the whole archive to start, comes only for what that
//    does not answer, or for another control. See `searchFirst` below.
// What the visitor does meanwhile is kept: typed text, ticked boxes, the focus, a pressed
// button. The app announces `news-mount` just before it replaces the HTML (the state is taken
// then) and `news-ready` just after, in the same task, so no frame shows neither; if the app
// fails in between, the prerendered page comes back as it was.
(() => {
  const JS = '__JS__';
  const JS_SRI = '__JS_SRI__';
  const WASM = '__WASM__';
  const WASM_SRI = '__WASM_SRI__';
  const ANSWER = '__ANSWER__';
  const ANSWER_SRI = '__ANSWER_SRI__';
  const DATA = 'data/news.json';
  const NEEDS_APP = '.filters, .show-more';

  const doc = document;
  const root = doc.documentElement;
  // Styles show the filters only where a script can run them, and "Share" only where the
  // browser has a share sheet.
  root.classList.add('js');
  // The visitor's date: "Add to calendar" leads on events still to come (the written page
  // cannot know the day it is read; the app reads this too).
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  root.dataset.today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  doc.addEventListener('DOMContentLoaded', () => {
    for (const link of doc.querySelectorAll('.calendar-button[data-ends]')) {
      if (root.dataset.today <= link.dataset.ends) link.classList.add('button--primary');
    }
  });
  if (typeof navigator.share === 'function') root.classList.add('can-share');
  // A large archive: its news file is megabytes, and the app reads all of it before it can
  // answer anything (at 10,000 events 330 KB more to download and some 250 ms of one task on
  // a desktop, seconds on a phone, during which the page takes no keystroke). There the first
  // answer is the search: the app starts once typing pauses on a query the first answer could
  // not answer in full (one or two letters, nothing found), or at the first use of any other
  // control; and the idle prefetch fetches the first answer instead of the app
  // (src/prerender.rs says from which size; docs/performance.md has the figures).
  const searchFirst = root.dataset.start === 'search';
  const touched = new Set();
  let started = false;
  let pressed = null;
  let saved = null;

  const preload = (href, as, integrity) => {
    const link = doc.createElement('link');
    link.rel = as ? 'preload' : 'modulepreload';
    if (as) link.as = as;
    link.href = href;
    link.crossOrigin = 'anonymous';
    if (integrity) link.integrity = integrity;
    doc.head.append(link);
  };

  // While the page is hidden for the app, a status line says so to screen readers (its words,
  // one per language, wait in the element's data attributes).
  const waitStatus = (on) => {
    const status = doc.getElementById('app-status');
    if (status) status.textContent = on ? status.dataset[root.lang === 'en' || here().startsWith('/en') ? 'en' : 'bg'] : '';
  };

  // The count the page came with, while the loader shows another (a filtered link waiting).
  let countText = null;
  const failed = () => {
    root.dataset.app = 'failed';
    root.classList.remove('app-filtering');
    const count = doc.getElementById('result-count');
    if (count && countText !== null) count.textContent = countText;
    for (const button of doc.querySelectorAll('[aria-busy="true"]')) button.removeAttribute('aria-busy');
    root.classList.remove('app-wait');
    waitStatus(false);
    const note = doc.getElementById('boot-error');
    if (note) note.hidden = false;
  };

  // The app's files: the data in parallel with the code (same URL and mode as the app's own
  // request), the wasm as a response the app's start takes over. Fetched once, whether the
  // visitor's first use or the idle prefetch asks first.
  let fetched = false;
  let wasm = null;
  const fetchApp = () => {
    if (!fetched) {
      fetched = true;
      preload(DATA, 'fetch');
      preload(JS, '', JS_SRI);
    }
    if (!wasm) {
      wasm = fetch(WASM, { integrity: WASM_SRI, credentials: 'same-origin' });
      // A prefetch that failed is tried again by the start.
      wasm.catch(() => {
        wasm = null;
      });
    }
  };
  const takeWasm = () => {
    if (!wasm) fetchApp();
    const response = wasm;
    wasm = null;
    return response;
  };
  // Once the timeline is idle, the app's files are fetched (not run), so that a visitor who
  // reads first and searches later gets the answer at once: on the phone profile 0.4 s
  // instead of 2.1 s, for 271 KB after the page is idle (docs/performance.md). Not on the
  // other pages, where nothing needs the app; never when the browser asks to save data, nor
  // on a 2G or 3G connection, where those bytes cost the most and would compete with the
  // page's own images.
  const prefetch = () => {
    const connection = navigator.connection;
    if (started || fetched || !isTimeline || !JS_SRI || !WASM_SRI) return;
    if (connection && (connection.saveData || /[23]g$/.test(connection.effectiveType ?? ''))) return;
    // On the timeline the first answer comes first (3 KB; on a large archive it alone), so
    // that a search typed while the app is still on its way is answered from the first
    // letters it can answer, not after a share of the line's time.
    const firstAnswerIn = answerable() ? answers().then((module) => module.prepare()) : Promise.resolve();
    firstAnswerIn.catch(() => {}).then(() => searchFirst || started || fetchApp());
  };
  window.addEventListener('load', () => {
    const idle = window.requestIdleCallback ?? ((task) => setTimeout(task, 200));
    idle(prefetch, { timeout: 4000 });
  });

  const start = () => {
    if (started) return;
    started = true;
    root.dataset.app = 'starting';
    // The build refuses to leave these empty; should one be, the app's code is not run
    // unchecked.
    if (!JS_SRI || !WASM_SRI) {
      failed();
      return;
    }
    fetchApp();
    import(JS)
      .then((glue) => glue.default({ module_or_path: takeWasm() }))
      .catch(failed);
  };
  // For scripts and tests that want the app now (the benchmark, the end-to-end tests).
  window.newsStart = start;
  // The app's word that it will not take this page over (its data could not be loaded and
  // the HTML answers the address): the page stays as it is, with the notice.
  doc.addEventListener('news-failed', failed);

  // The path below the base, without a trailing slash ("/" stays).
  const basePath = new URL(doc.baseURI).pathname;
  const here = () => {
    let path = location.pathname;
    if (path.startsWith(basePath)) path = '/' + path.slice(basePath.length);
    else if (path + '/' === basePath) path = '/';
    return path.length > 1 ? path.replace(/\/+$/, '') : path;
  };
  const route = root.dataset.route;
  const isTimeline = route === '/' || route === '/en';
  // The address's parameters as the app reads them (`EventFilter::from_query`): "+" is a
  // space, a name or value that does not decode to whole UTF-8 is left out, and of a name
  // given twice the last counts.
  // Read again only when the address has changed: it is asked on every letter typed.
  let read = [null, null];
  const params = () => {
    if (read[0] === location.search) return read[1];
    const out = new Map();
    for (const pair of location.search.slice(1).split('&')) {
      const at = pair.indexOf('=');
      try {
        const [key, value] = (at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)]).map((part) =>
          decodeURIComponent(part.replace(/\+/g, ' ')),
        );
        if (pair) out.set(key, value);
      } catch {
        // Left out, as the app leaves it out.
      }
    }
    read = [location.search, out];
    return out;
  };
  // The search of the address, as long as the app reads it (`MAX_QUERY_CHARS`; the first
  // answer's tables say the same, `maxQuery`), or null.
  const MAX_QUERY = 200;
  const capped = (text) => Array.from(text).slice(0, MAX_QUERY).join('');
  // Whether the search reads a word in `text` (`query::searched_text`): a letter or a digit
  // that is not a combining mark, in what it reads. Punctuation alone is no search.
  const hasWord = (text) => /(?![\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f])[\p{Alphabetic}\p{N}]/u.test(capped(text));
  const addressQuery = () => {
    const query = params().get('q');
    return query == null ? null : capped(query);
  };
  // The address asks for a search, or for nothing: what the first answer can answer.
  const searchOnly = () => [...params().keys()].every((key) => key === 'q');
  // A host serves this page under its file name too (events/x.html, index.html), and with
  // slashes added at the end (events/x//). The router knows no such address and would draw
  // "not found" over the right page: the address becomes the page's own before anything
  // reads it.
  if (route && (here().replace(/(?:\/index)?\.html$/, '') || '/') === route) {
    const clean = new URL(route.slice(1) || './', doc.baseURI).pathname;
    if (location.pathname !== clean) history.replaceState(history.state, '', clean + location.search + location.hash);
  }
  if (!route || here() !== route) {
    // This HTML is not what the address asks for: hide its main part until the app has it.
    root.classList.add('app-wait');
    doc.addEventListener('DOMContentLoaded', () => root.classList.contains('app-wait') && waitStatus(true));
    // The "not found" page, served for an address no page of the site can have (not the
    // timeline, an event's or the statement's), is right as it is: the app only adds the
    // pages the visitor may have meant. If the app is slow to come, the page shows. (A host
    // with one fallback page serves it for real pages too: those wait for the app.)
    const noPage = !/^(?:\/en)?(?:\/events\/[^/]+|\/accessibility)?\/?$/.test(here());
    if ((route === '/404' || route === '/en/404') && noPage) {
      setTimeout(() => {
        if (ready || saved) return;
        root.classList.remove('app-wait');
        waitStatus(false);
      }, 3000);
    }
    start();
  } else if (isTimeline && location.search.length > 1) {
    // A filtered timeline (a shared link): the whole list is already here, so it is shown at
    // once, marked as being filtered, and the app narrows it as soon as it arrives. A search
    // alone (Back to it, a reload) is answered first from the light index, as if typed.
    root.classList.add('app-filtering');
    // On a large archive the first answer may be all a search needs (see `searchFirst`).
    const byFirstAnswer = searchFirst && ANSWER_SRI && searchOnly();
    doc.addEventListener('DOMContentLoaded', () => {
      // The count of the whole list would say the filters did nothing: it says they are on
      // their way instead (its live region tells screen readers too), until the app counts.
      const count = doc.getElementById('result-count');
      if (root.classList.contains('app-filtering') && count?.dataset.filtering && !searchOnly()) {
        countText = count.textContent;
        count.textContent = count.dataset.filtering;
      } else if (root.classList.contains('app-filtering')) waitStatus(true);
      const field = doc.getElementById('search');
      const query = addressQuery();
      // Filled from the address, not typed: the app fills its own field from the address too,
      // so this value is not carried over to it (see `news-ready`).
      if (field && query && !field.value && searchOnly()) {
        field.value = query;
        firstAnswer('#search', query);
        if (byFirstAnswer) settle(query, null);
      } else if (byFirstAnswer) start();
    });
    if (!byFirstAnswer) start();
  }

  // The app's views give every control whose state carries over a stable key: its `id` (the
  // search field, the sort, each facet's box) or, for a button, a `data-key`; the same views
  // drew this HTML, so a key finds the control's twin in the app's page. A link is known by
  // its address.
  const keyOf = (element) => {
    if (element.dataset.key) return `[data-key="${CSS.escape(element.dataset.key)}"]`;
    if (element.id) return `#${CSS.escape(element.id)}`;
    if (element.localName === 'a' && element.hasAttribute('href')) {
      return `a[href="${CSS.escape(element.getAttribute('href'))}"]`;
    }
    return null;
  };
  const twinOf = (key) => key && doc.querySelector(key);
  const wants = (event) => event.target instanceof Element && event.target.closest(NEEDS_APP);
  // The search form, on a large archive, while the first answer can answer it.
  const firstAnswers = (event) => searchFirst && answerable() && event.target.closest('form[role="search"]');
  // There the pointer or the focus starts the app on a control of the filters only, not on
  // the panel around them (crossed on the way to the search field) nor on the search form.
  const reaches = (event) =>
    wants(event) && !firstAnswers(event) && (!searchFirst || event.target.closest('input, select, button'));

  for (const type of ['pointerover', 'focusin', 'touchstart']) {
    doc.addEventListener(type, (event) => reaches(event) && start(), { capture: true, passive: true });
  }
  doc.addEventListener(
    'click',
    (event) => {
      if (saved || !wants(event)) return;
      const button = event.target.closest('button');
      if (!button) return;
      if (firstAnswers(event)) {
        // Sent: the query goes into the address now, and the app comes if it has more to say.
        event.preventDefault();
        settleField();
        return;
      }
      // The search button would reload the page with the query: the app does it in place.
      // Sent (Enter too clicks it), the search is ended as the field left ends it: the change
      // that comes with Enter leaves the field focused, so that change cannot tell.
      if (button.type === 'submit') {
        event.preventDefault();
        if (answerable()) settleField();
      } else {
        pressed = keyOf(button);
        // A sign that the press was taken while the app is on its way; the filters open at
        // once (their controls are in the page already).
        button.setAttribute('aria-busy', 'true');
        if (button.dataset.key === 'filters-toggle') {
          button.closest('.filters')?.classList.add('filters--open');
          button.setAttribute('aria-expanded', 'true');
        }
      }
      start();
    },
    true,
  );
  doc.addEventListener(
    'submit',
    (event) => {
      if (saved || !wants(event)) return;
      event.preventDefault();
      if (firstAnswers(event)) settleField();
      else start();
    },
    true,
  );
  // "Copy link": the browser's clipboard, no app needed. The status line beside the button
  // carries the two sentences that say how it went.
  doc.addEventListener('click', (event) => {
    const button = event.target instanceof Element && event.target.closest('.copy-link-button');
    if (!button) return;
    const status = button.parentElement?.querySelector('.event__action-status');
    const say = (copied) => {
      if (status) status.textContent = copied ? status.dataset.copied : status.dataset.failed;
    };
    const copying = navigator.clipboard?.writeText(location.href);
    if (copying) copying.then(() => say(true), () => say(false));
    else say(false);
  });
  // The phone's share sheet: the browser's own, no app needed. Cancelling it is no error.
  doc.addEventListener('click', (event) => {
    const button = event.target instanceof Element && event.target.closest('.share-button');
    if (!button || typeof navigator.share !== 'function') return;
    const title = doc.querySelector('main h1')?.textContent.trim() || doc.title;
    navigator.share({ title, url: location.href }).catch(() => {});
  });
  // Paper shows every folded part of a long page; the screen gets them back as they were.
  let foldedForPrint = [];
  window.addEventListener('beforeprint', () => {
    foldedForPrint = [...doc.querySelectorAll('details:not([open])')];
    for (const details of foldedForPrint) details.open = true;
  });
  window.addEventListener('afterprint', () => {
    for (const details of foldedForPrint) details.open = false;
    foldedForPrint = [];
  });
  // "#main" resolves against <base href>, so the skip link names its page ("events/x#main"),
  // and followed it would load the page again (without the address's query, if it had one).
  // Links to a place on this page move the focus instead (the app does the same).
  doc.addEventListener('click', (event) => {
    const link = event.target instanceof Element && event.target.closest('a[href*="#"]');
    if (!link || event.defaultPrevented || event.button !== 0) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const url = new URL(link.href);
    if (url.origin !== location.origin || url.pathname !== location.pathname) return;
    let id = url.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // A malformed escape (a link written by hand, "#%ZZ") names the place as written.
    }
    const target = doc.getElementById(id);
    if (!target) return;
    event.preventDefault();
    if (!target.hasAttribute('tabindex') && !target.matches('a[href], button, input, select, textarea')) {
      target.tabIndex = -1;
    }
    target.focus();
    target.scrollIntoView();
  });
  for (const type of ['input', 'change']) {
    doc.addEventListener(
      type,
      (event) => {
        const key = event.target instanceof HTMLElement && keyOf(event.target);
        if (saved || !key) return;
        touched.add(key);
        if (!(searchFirst && key === '#search' && answerable())) start();
        // `change` follows when the field loses focus (a tap on a result): the answer is
        // there already, and drawing it again would take the link from under the finger.
        if (type === 'input') firstAnswer(key, event.target.value);
        if (key === '#search' && answerable()) {
          clearTimeout(pause);
          if (type === 'input') pause = setTimeout(() => settle(event.target.value), 500);
          // A change while the field keeps its focus: the window was left, not the field, and
          // what is typed on the return goes on with the same search.
          else settle(event.target.value, doc.activeElement === event.target ? 'pause' : 'end');
        }
      },
      true,
    );
  }
  // A search typed before the app has arrived goes into the address as the app puts it (when
  // typing pauses, or when the field is left, as for a tap on a result), so that Back and a
  // reload bring it back.
  let pause = 0;
  // The address of the entry the search being typed wrote last: it writes over that entry,
  // and the app, coming while it is shown, does too (`data-search-entry`). The app's rule
  // (`FilterNavigator::flush`): a search's first write pushes a step, so that Back leaves it,
  // and the next ones replace that step; once the field is left or the search sent, the next
  // search gets a step of its own.
  let wrote = null;
  const writeQuery = (query, end) => {
    if (ready || saved) return;
    const url = new URL(location.href);
    let q;
    try {
      // Encoded as the app encodes it (only letters, digits and -._~ as they are), so that
      // the app finds its own query there.
      q = encodeURIComponent(capped(query)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    } catch {
      // Half of a character pair (pasted): not written, as the app would not write it either.
      return;
    }
    url.search = hasWord(query) ? `?q=${q}` : '';
    if (url.href !== location.href) {
      if (wrote === location.href) history.replaceState(history.state, '', url);
      else history.pushState(null, '', url);
      wrote = location.href;
    }
    if (end) wrote = null;
  };
  // Back and Forward between those steps, while the app is not there to follow them.
  window.addEventListener('popstate', () => {
    const field = doc.getElementById('search');
    if (ready || saved || !field || !isTimeline || !searchOnly()) return;
    clearTimeout(pause);
    field.value = addressQuery() ?? '';
    // The field now says what the address says, as the app's will: nothing typed to carry over.
    touched.delete('#search');
    firstAnswer('#search', field.value);
  });
  // Typing has paused on `query` (or the field was left, or the search sent): into the
  // address with it, and on a large archive, the app comes if the first answer could not
  // answer it in full.
  // `write`: "pause" (typing paused), "end" (the field left, the search sent) or null (a
  // search the address already holds).
  const settle = (query, write = 'pause') => {
    if (write) writeQuery(query, write === 'end');
    if (!searchFirst || started) return;
    // An answer that does not come (a request the line holds) is given up after a while.
    const late = new Promise((resolve) => setTimeout(resolve, 3000, false));
    Promise.race([answer, late]).then(
      (full) => {
        if (query !== answered || started) return;
        if (full) waitStatus(false);
        else start();
      },
      () => start(),
    );
  };
  // The same, for what the search field holds (the form sent).
  const settleField = () => settle(doc.getElementById('search')?.value ?? '', 'end');

  // The first answer (src/first-answer.js): on a phone the app's download alone takes longer
  // than typing a word, so a search typed on the unfiltered timeline is answered from the
  // light index publishing wrote (search/) until the app takes over with the same list. Its
  // module comes when the visitor reaches for the field; readers never download it.
  let answering = null;
  const answers = () => {
    if (!answering) {
      // The tables in parallel with the module (same URL and mode as its request).
      preload('search/meta.json', 'fetch');
      preload(ANSWER, '', ANSWER_SRI);
      // A module that failed is not asked again: the browser keeps its failure.
      answering = import(ANSWER);
    }
    return answering;
  };
  const answerable = () => ANSWER_SRI && isTimeline && searchOnly() && [...touched].every((key) => key === '#search');
  let asked = 0;
  let answered = null;
  // The number of the query whose answer the list shows.
  let shown = 0;
  // Whether the first answer showed `answered` in full (its module's `answer`).
  let answer = Promise.resolve(false);
  const firstAnswer = (key, query) => {
    const mine = ++asked;
    // An answer may be shown while its query is the latest, or one the latest goes on from
    // (the same text with more typed after it) and no later answer is shown: on a slow line
    // the answer to a first word then shows while the next word's is on its way, instead of
    // each letter's answer giving way to the next before it arrives.
    const goesOn = () => query.trim() !== '' && answered !== null && answered.startsWith(query);
    const current = () => !saved && !ready && mine >= shown && (mine === asked || goesOn());
    // 1: this query is the latest; 2: the latest goes on from it (its answer shows as still
    // being narrowed); 0: it may not be shown.
    const claim = () => {
      if (!current()) return 0;
      shown = mine;
      return mine === asked ? 1 : 2;
    };
    if (!answerable()) {
      // Another control was used: the list goes back to the whole, for the app to narrow.
      if (answered !== null) answers().then((module) => claim() && module.withdraw(), () => {});
      answered = null;
      return;
    }
    if (key !== '#search' || query === answered) return;
    answered = query;
    answer = answers().then((module) => !current() || module.answer(query, root.lang === 'en' ? 'en' : 'bg', current, claim));
    answer.catch(() => {});
  };
  doc.addEventListener('focusin', (event) => {
    if (event.target.id === 'search' && answerable() && !ready) {
      answers()
        .then((module) => module.prepare())
        .catch(() => {});
    }
  });

  // The comment <!--name--> under parent, and the nodes up to <!--/name-->.
  const region = (parent, name) => {
    const nodes = [];
    let end = null;
    let inside = false;
    for (const node of parent.childNodes) {
      if (node.nodeType === Node.COMMENT_NODE && node.data === name) inside = true;
      else if (node.nodeType === Node.COMMENT_NODE && node.data === '/' + name) {
        end = node;
        break;
      } else if (inside) nodes.push(node);
    }
    return { nodes, end };
  };
  let parked = null;
  let ready = false;

  doc.addEventListener('news-mount', () => {
    const active = doc.activeElement;
    const focused = active && active !== doc.body && active !== root;
    saved = {
      values: [...touched].map((key) => {
        const control = twinOf(key);
        return [key, control && control.type === 'checkbox' ? control.checked : control && control.value];
      }),
      focus: focused ? keyOf(active) : null,
      selection: focused && 'selectionStart' in active ? [active.selectionStart, active.selectionEnd] : null,
    };
    if (wrote === location.href) root.dataset.searchEntry = '';
    // The prerendered page and its head tags step aside; the app draws the same in their place.
    parked = [region(doc.body, 'static'), region(doc.head, 'HEAD')];
    for (const { nodes } of parked) for (const node of nodes) node.remove();
    const headBefore = new Set(doc.head.childNodes);
    // The app mounts within this task: if `news-ready` has not come by the next one, drawing
    // failed. Then what it left (in the body and the head) goes, the prerendered page comes
    // back with the focus where it was, and a notice says so.
    setTimeout(() => {
      if (ready) return;
      const [page, head] = parked;
      while (page.end.nextSibling) page.end.nextSibling.remove();
      for (const node of [...doc.head.childNodes]) if (!headBefore.has(node)) node.remove();
      page.end.before(...page.nodes);
      head.end.before(...head.nodes);
      failed();
      if (focused && active.isConnected) active.focus({ preventScroll: true });
    });
  });

  // The app says `news-ready` once its page is in the DOM (still in the task of the mount):
  // the noted state goes to the app's controls before the next frame.
  doc.addEventListener('news-ready', () => {
    if (ready) return;
    ready = true;
    root.classList.remove('app-wait', 'app-filtering', 'app-answered');
    root.dataset.app = 'ready';
    waitStatus(false);
    if (!saved) return;
    // A microtask later: the app puts its fields' first values in place in one it queued as
    // it drew, and that would write over what was typed.
    queueMicrotask(carryOver);
  });
  const carryOver = () => {
    // Looked up before the values go back: a search may take entries away.
    const focused = twinOf(saved.focus);
    for (const [key, value] of saved.values) {
      const control = twinOf(key);
      if (!control) continue;
      if (control.type === 'checkbox') {
        if (control.checked !== value) control.click();
      } else if (control.value !== value) {
        control.value = value;
        control.dispatchEvent(new Event(control.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
      }
    }
    if (focused && focused.isConnected) {
      focused.focus({ preventScroll: true });
      if (saved.selection && focused.setSelectionRange) {
        try {
          focused.setSelectionRange(...saved.selection);
        } catch {
          // Not a text field after all (a checkbox has no selection).
        }
      }
    }
    const button = twinOf(pressed);
    if (button) button.click();
  };
})();
