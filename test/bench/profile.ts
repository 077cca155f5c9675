/**
 * `npm run bench:profile`: where a keystroke's main-thread time goes on the app page (full 2021 report loaded),
 * from a Chrome trace of 30 keystrokes typed into one section 三 cell: milliseconds per keystroke by trace
 * event, each event's own time (what it spent outside the events nested in it; event dispatch by event type).
 * RunTask's own time is the browser's work that the trace does not name (much of it the driving of the page).
 */
import { buildAndServe, launch } from '../e2e/browser';
import { formatById } from '../../src/format/registry';
import { cellAccessibleName } from '../../src/format/labels';

const KEYS = 30;
const served = await buildAndServe();
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${served.origin}/`);
  await page.getByTestId('open-draft').setInputFiles(new URL('../fixtures/full-2021.draft.json', import.meta.url).pathname);
  await page.getByRole('status').filter({ hasText: '已打开' }).waitFor();
  const requests = formatById('gb-2021')!.table('requests');
  await page.getByLabel(cellAccessibleName(requests, 'A1', 'NP'), { exact: true }).focus();
  await page.waitForTimeout(500);
  const cdp = await context.newCDPSession(page);
  interface TraceEvent {
    name: string;
    ph: string;
    ts: number;
    dur?: number;
    pid: number;
    tid: number;
    args?: { data?: { type?: string } };
  }
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as typeof events)));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.press(String((i % 9) + 1));
    await page.waitForTimeout(150);
  }
  await cdp.send('Tracing.end');
  await complete;
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
  const rows = [...own.entries()].sort((a, b) => b[1] - a[1]).slice(0, 14);
  process.stdout.write(`${JSON.stringify(Object.fromEntries(rows.map(([k, v]) => [k, Math.round((v / 1000 / KEYS) * 100) / 100])), null, 2)}\n`);
} finally {
  await browser.close();
  await served.close();
}
