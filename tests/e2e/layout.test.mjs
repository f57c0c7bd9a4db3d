// Reflow (WCAG 1.4.10): at 320 CSS px — what a 1280 px screen shows at 400 % zoom — no page
// scrolls sideways, and the phone layout keeps every control reachable.

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

describe('layout at 320 px', { timeout: 120_000 }, () => {
  const env = useAppAndBrowser();

  for (const [name, path] of PAGES) {
    test(`the ${name} does not scroll sideways`, async () => {
      const context = await env.browser.newContext({ viewport: { width: 320, height: 640 } });
      try {
        const page = await context.newPage();
        await page.goto(new URL(path, env.app.url).href);
        await waitForApp(page);
        const { scrollWidth, clientWidth, widest } = await page.evaluate(() => {
          const root = document.scrollingElement;
          // The element reaching furthest right, to name it when the check fails.
          let widest = '';
          let right = 0;
          for (const el of document.body.querySelectorAll('*')) {
            const r = el.getBoundingClientRect().right;
            if (r > right) {
              right = r;
              widest = `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} (${Math.round(r)} px)`;
            }
          }
          return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest };
        });
        assert.ok(scrollWidth <= clientWidth, `${path}: ${scrollWidth} px wide in a ${clientWidth} px window; widest: ${widest}`);
      } finally {
        await context.close();
      }
    });
  }
});
