/**
 * `npm run bench:profile`: where a keystroke's main-thread time goes, from a Chrome trace, on four pages typed
 * into the same way in one run:
 *  - the app (built, full 2021 report loaded), typing into section 三's first cell;
 *  - the same page saved without its script (./keystrokes.ts's "page"): the floor of a page of this size;
 *  - that page with every input but the typed one drawn as plain text: what the table's inputs cost by being
 *    inputs (each is a clipped box of its own, and the compositor's layer assignment, "Layerize", walks them
 *    all on every frame);
 *  - a bare `<input>`.
 * Each page gets KEYS digits, each followed by a Backspace (so the app's sums break and mend in turn, and no
 * page's value grows). Printed: milliseconds per keystroke by trace event, each event's own time (what it spent
 * outside the events nested in it; event dispatch by event type), the largest rows and the sum of all.
 * RunTask's own time is the browser's work that the trace does not name (much of it the driving of the page).
 */
import type { Browser, Page } from 'playwright-core';
import { buildAndServe, launch } from '../e2e/browser';
import { formatById } from '../../src/format/registry';
import { cellAccessibleName } from '../../src/format/labels';
import { buildBaselines, pageWithoutScript } from './keystrokes';

const KEYS = Number(process.env.PROFILE_KEYS ?? 30);
const ROWS = 10;
const fixture = new URL('../fixtures/full-2021.draft.json', import.meta.url).pathname;
const typed = `input[aria-label="${cellAccessibleName(formatById('gb-2021')!.table('requests'), 'A1', 'NP')}"]`;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { type?: string } };
}

/** Milliseconds per keystroke by trace event (own time), typing into `input` on the page `open` gives. */
async function profile(browser: Browser, open: (page: Page) => Promise<void>, input: string): Promise<Record<string, number>> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  try {
    const page = await context.newPage();
    await open(page);
    await page.locator(input).focus();
    await page.waitForTimeout(500);
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    for (let i = 0; i < KEYS; i++) {
      await page.keyboard.press(String((i % 9) + 1));
      await page.waitForTimeout(120);
      await page.keyboard.press('Backspace');
      await page.waitForTimeout(120);
    }
    await cdp.send('Tracing.end');
    await complete;
    return perKeystroke(events, KEYS * 2);
  } finally {
    await context.close();
  }
}

function perKeystroke(events: TraceEvent[], keystrokes: number): Record<string, number> {
  // The renderer's main thread is the one with the most task time.
  const byThread = new Map<string, number>();
  for (const e of events) if (e.name === 'RunTask') byThread.set(`${e.pid}:${e.tid}`, (byThread.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
  const main = [...byThread.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  // Each complete event's own time: its duration less that of the events directly inside it.
  const timed = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const own = new Map<string, number>();
  const open: { end: number; name: string; inner: number; dur: number }[] = [];
  const close = (upTo: number) => {
    while (open.length > 0 && open.at(-1)!.end <= upTo) {
      const done = open.pop()!;
      own.set(done.name, (own.get(done.name) ?? 0) + done.dur - done.inner);
    }
  };
  for (const e of timed) {
    close(e.ts);
    const parent = open.at(-1);
    if (parent) parent.inner += e.dur!;
    const name = e.name === 'EventDispatch' ? `EventDispatch:${e.args?.data?.type ?? ''}` : e.name;
    open.push({ end: e.ts + e.dur!, name, inner: 0, dur: e.dur! });
  }
  close(Infinity);
  const ms = (us: number) => Math.round((us / 1000 / keystrokes) * 100) / 100;
  const all = [...own.entries()].sort((a, b) => b[1] - a[1]);
  return { all: ms(all.reduce((sum, [, v]) => sum + v, 0)), ...Object.fromEntries(all.slice(0, ROWS).map(([k, v]) => [k, ms(v)])) };
}

const served = await buildAndServe();
const baselines = await buildBaselines();
const browser = await launch();
try {
  const openApp = async (page: Page) => {
    await page.goto(`${served.origin}/`);
    await page.getByTestId('open-draft').setInputFiles(fixture);
    await page.getByRole('status').filter({ hasText: '已打开' }).waitFor();
  };
  const saved = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const appPage = await saved.newPage();
  await openApp(appPage);
  const copy = await pageWithoutScript(appPage);
  await saved.close();
  const openCopy = (asText: boolean) => async (page: Page) => {
    await page.route(`${served.origin}/page-copy.html`, (route) => route.fulfill({ contentType: 'text/html', body: copy }));
    await page.goto(`${served.origin}/page-copy.html`);
    if (asText) {
      await page.evaluate((keep) => {
        for (const input of document.querySelectorAll('input')) if (!input.matches(keep)) input.replaceWith(document.createTextNode(input.value));
      }, typed);
    }
  };
  const results = {
    app: await profile(browser, openApp, typed),
    page: await profile(browser, openCopy(false), typed),
    'page, inputs as text': await profile(browser, openCopy(true), typed),
    bare: await profile(browser, (page) => page.goto(`${baselines.origin}/bare.html`).then(() => undefined), '#bare'),
  };
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
} finally {
  await browser.close();
  await served.close();
  await baselines.close();
}
