// Reflow (WCAG 1.4.10) and resized text (1.4.4): at 320 CSS px — what a 1280 px screen shows
// at 400 % zoom — and again at 320 px with the browser's text size at 200 %, no page scrolls
// sideways, nothing (a badge, a button) reaches past the window's edge, and no word that fits
// on a line is broken in two.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useAppAndBrowser, waitForApp } from './helpers.mjs';

const PAGES = [
  ['timeline', '/'],
  ['filtered timeline', '/?city=pisek&year=2022'],
  ['empty result', '/?q=zzzzqqq'],
  ['English timeline', '/en'],
  ['event page', '/events/consortium-meeting-pisek-2022'],
  ['English event page', '/en/events/consortium-meeting-pisek-2022'],
  ['not found', '/no/such/page'],
  ['accessibility statement', '/accessibility'],
];

/** What overflows or breaks on the page, as readable lines; empty when all is well. */
function layoutProblems() {
  const problems = [];
  const root = document.scrollingElement;
  const width = root.clientWidth;
  if (root.scrollWidth > width) problems.push(`the page is ${root.scrollWidth} px wide in a ${width} px window`);
  const name = (el) => `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]}`;
  for (const el of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const r = el.getBoundingClientRect();
    // Visually hidden text (1 px, clipped) and empty boxes take no room on screen.
    if (r.width <= 1 || r.height <= 1) continue;
    if (r.right > width + 0.5 || r.left < -0.5) {
      problems.push(`${name(el)} spans ${Math.round(r.left)}–${Math.round(r.right)} px`);
    }
  }
  // A word is broken without need when its pieces sit on several lines although it would fit
  // on one line of its block.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('svg, script, style, .visually-hidden, .skip-link, [hidden]')) continue;
    // The box the text is laid out in: the nearest element that is not plain inline (an
    // inline-block badge counts).
    let block = parent;
    while (block.parentElement && getComputedStyle(block).display === 'inline') block = block.parentElement;
    const cs = getComputedStyle(block);
    const room = block.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    // Words as the browser sees them: a no-break space joins its neighbours into one.
    for (const match of node.data.matchAll(/[^ \t\n\r\f–—-]{2,}/gu)) {
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
      if (rects.length < 2) continue;
      const whole = rects.reduce((sum, rect) => sum + rect.width, 0);
      if (whole <= room) problems.push(`"${match[0]}" is broken in ${name(parent)} (${Math.round(whole)} of ${Math.round(room)} px)`);
    }
  }
  return [...new Set(problems)].slice(0, 12);
}

const SIZES = [
  ['at 320 px', { width: 320, height: 640 }, 16],
  ['at 320 px with text at 200 %', { width: 320, height: 640 }, 32],
];

describe('layout at 320 px', { timeout: 240_000 }, () => {
  const env = useAppAndBrowser();

  for (const [size, viewport, fontSize] of SIZES) {
    for (const [name, path] of PAGES) {
      test(`the ${name} ${size}: nothing sideways, no word broken without need`, async () => {
        const context = await env.browser.newContext({ viewport, hasTouch: true, isMobile: true });
        try {
          const page = await context.newPage();
          // The browser's own text size setting (what a visitor changes), not a page zoom.
          const cdp = await context.newCDPSession(page);
          await cdp.send('Page.enable');
          await cdp.send('Page.setFontSizes', { fontSizes: { standard: fontSize, fixed: Math.round(fontSize * 0.8125) } });
          await page.goto(new URL(path, env.app.url).href);
          await waitForApp(page);
          const problems = await page.evaluate(layoutProblems);
          assert.deepEqual(problems, [], `${path} ${size}`);
        } finally {
          await context.close();
        }
      });
    }
  }

  test('the filter panel at 320 px with text at 200 %: a label has the row beside its box', async () => {
    const context = await env.browser.newContext({ viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });
    try {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Page.enable');
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
      await page.goto(env.app.url);
      await waitForApp(page);
      await page.locator('.filters__toggle').tap();
      await page.locator('.facet__label').first().waitFor();
      // A word of a label is broken only when it is wider than the row beside the box (the
      // count goes below the label before the label's words are broken for it).
      const broken = await page.evaluate(() => {
        const out = [];
        const range = document.createRange();
        for (const label of document.querySelectorAll('.facet__label')) {
          const option = label.closest('.facet__option');
          const box = option.querySelector('input');
          const gap = parseFloat(getComputedStyle(option).columnGap) || 0;
          const room = option.clientWidth - box.offsetWidth - gap;
          const node = label.firstChild;
          for (const match of node.data.matchAll(/[^ \t\n\r\f–—-]{2,}/gu)) {
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const rects = [...range.getClientRects()].filter((r) => r.width > 0);
            const whole = rects.reduce((sum, r) => sum + r.width, 0);
            if (rects.length > 1 && whole <= room) out.push(`"${match[0]}" (${Math.round(whole)} of ${Math.round(room)} px)`);
          }
        }
        return out;
      });
      assert.deepEqual(broken, []);
      assert.deepEqual(await page.evaluate(layoutProblems).then((p) => p.filter((l) => !l.includes('is broken'))), []);
    } finally {
      await context.close();
    }
  });
});
