/**
 * A keystroke in a section 三 cell, measured the same way on three pages in one Chromium run, interleaved so
 * that machine load falls on all alike:
 *  - the app (the built page, full 2021 report loaded),
 *  - a naive build of the same three tables (test/bench/naive: whole-form react-hook-form with zodResolver),
 *  - the app's page as it stands with the report loaded, saved as HTML with its styles and no script: what a
 *    keystroke costs in a page of this size and layout before any of the app's work (the page's floor),
 *  - a bare `<input>` with no script at all: the browser's own floor.
 * Per keystroke: latency from keydown to the first task after the animation frame in which the row's 总计 (for
 * the bare input, the input itself) shows the new value, polled in requestAnimationFrame; and the main-thread
 * task and script time (Chrome's Performance.getMetrics) from just before the key to 100 ms after the update,
 * so work deferred to the next frames counts too. Each keystroke waits a random part of a frame first, so
 * keys land in every phase of the frame. A second round throttles the CPU 4× on the page being typed into only.
 */
import { mkdtempSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { serveDir, type Served } from '../e2e/browser';
import { formatById } from '../../src/format/registry';
import { cellAccessibleName } from '../../src/format/labels';

const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 200);
const format = formatById('gb-2021')!;
const requests = format.table('requests');
const targets = requests.rows
  .filter((r) => r.key !== 'B7')
  .flatMap((r) => requests.columns.filter((c) => c.key !== 'TOT').map((c) => ({ row: r.key, col: c.key })));

/** Builds the naive comparison page (and copies the bare page beside it), served from one folder. */
export async function buildBaselines(): Promise<Served> {
  const root = new URL('./naive/', import.meta.url).pathname;
  const outDir = mkdtempSync(join(tmpdir(), 'nianbao-naive-'));
  await build({ root, configFile: false, base: './', logLevel: 'error', plugins: [react()], build: { outDir, emptyOutDir: true, target: 'es2022' } });
  copyFileSync(join(root, 'bare.html'), join(outDir, 'bare.html'));
  return serveDir(outDir);
}

/** The page as it stands (its styles linked, its draft drawn), saved as HTML without its script. */
export async function pageWithoutScript(page: Page): Promise<string> {
  return (await page.evaluate(
    `(() => { const d = document.documentElement.cloneNode(true); d.querySelectorAll('script').forEach((s) => s.remove()); return '<!doctype html>' + d.outerHTML; })()`,
  )) as string;
}

export interface Subject {
  name: 'app' | 'naive' | 'page' | 'bare';
  page: Page;
  cdp: CDPSession;
  /** The input typed into for keystroke i, and the element whose value shows the update. */
  input(i: number): { input: string; shows: string };
}

const byLabel = (label: string) => `input[aria-label="${label.replace(/"/g, '\\"')}"]`;

/**
 * Instrumentation only: the keydown time, and a wait for the frame that shows a new value. Plain JavaScript in a
 * string, as the bundler of this script would otherwise add helpers the page does not have.
 */
const INSTRUMENT = `
  window.__t0 = 0;
  window.__watch = null;
  window.__measure = (sel, before) => {
    window.__measured = new Promise((resolve) => { window.__watch = { sel, before, resolve }; });
  };
  // At the window, in the capture phase, before any listener of the page's: the keydown time, and the poll
  // started in the key's own task, so it looks at the first frame after the key, whatever the page does.
  window.addEventListener('keydown', () => {
    window.__t0 = performance.now();
    const watch = window.__watch;
    if (!watch) return;
    window.__watch = null;
    const poll = () => {
      const el = document.querySelector(watch.sel);
      if (el && el.value !== watch.before) {
        // The frame that shows the value is being produced now; the next task runs after it.
        const channel = new MessageChannel();
        channel.port1.onmessage = () => watch.resolve(performance.now() - window.__t0);
        channel.port2.postMessage(0);
      } else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  }, true);
`;

async function metrics(cdp: CDPSession): Promise<{ task: number; script: number; style: number; layout: number }> {
  const { metrics: m } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const get = (n: string) => m.find((x) => x.name === n)?.value ?? 0;
  return {
    task: get('TaskDuration') * 1000,
    script: get('ScriptDuration') * 1000,
    style: get('RecalcStyleDuration') * 1000,
    layout: get('LayoutDuration') * 1000,
  };
}

export async function keystroke(
  s: Subject,
  i: number,
  throttle: boolean,
): Promise<{ latency: number; task: number; script: number; style: number; layout: number }> {
  const { input, shows } = s.input(i);
  const locator = s.page.locator(input);
  await locator.focus();
  const current = await locator.inputValue();
  // A digit that changes the value (the app selects a cell's content on focus, so the key replaces it).
  const key = String(((Number(current.slice(-1)) || 0) % 9) + 1);
  // The app's page without its script does not select a cell's content on focus; done here, so the key replaces it there too.
  if (s.name === 'page') await locator.evaluate((el) => (el as HTMLInputElement).select());
  const before = await s.page.locator(shows).inputValue();
  if (throttle) await s.cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await s.page.evaluate(`new Promise((r) => setTimeout(r, ${Math.random() * 16}))`);
  const m0 = await metrics(s.cdp);
  {
    // What to watch is set before the key is sent, and the poll starts with the keydown (INSTRUMENT): the key
    // travels to the page by another way than a script does, and a poll started by a script sent alongside the
    // key could first look a frame or more after the one that showed the value.
    await s.page.evaluate(`window.__measure(${JSON.stringify(shows)}, ${JSON.stringify(before)})`);
    await s.page.keyboard.press(key);
    // Deferred work (a summary, the navigation) belongs to the keystroke too: the figures are taken 100 ms after
    // the update (one script for both, as the instrumentation's own time counts on every page alike).
    const latency = (await s.page.evaluate('window.__measured.then((l) => new Promise((r) => setTimeout(() => r(l), 100)))')) as number;
    const m1 = await metrics(s.cdp);
    if (throttle) await s.cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    return { latency, task: m1.task - m0.task, script: m1.script - m0.script, style: m1.style - m0.style, layout: m1.layout - m0.layout };
  }
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;
export const round = (n: number) => Math.round(n * 100) / 100;

/**
 * A page to type into, instrumented like the others: for the app, its page with the fixture opened (and any
 * extra CSS, for an A/B of a style), for the others their own page.
 */
export async function openSubject(
  browser: Browser,
  name: Subject['name'],
  url: string,
  fixture: string,
  options: { html?: string; css?: string } = {},
): Promise<Subject> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  await context.addInitScript({ content: INSTRUMENT });
  const { html, css } = options;
  if (html !== undefined) await context.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  const page = await context.newPage();
  await page.goto(url);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  if (name === 'bare') return { name, page, cdp, input: () => ({ input: '#bare', shows: '#bare' }) };
  if (name === 'app') {
    await page.getByTestId('open-draft').setInputFiles(fixture);
    await page.getByRole('status').filter({ hasText: '已打开' }).waitFor();
  }
  if (css) await page.addStyleTag({ content: css });
  await page.locator(byLabel(cellAccessibleName(requests, 'A1', 'NP'))).waitFor();
  return {
    name,
    page,
    cdp,
    input: (i) => {
      const t = targets[(i * 7) % targets.length]!;
      const input = byLabel(cellAccessibleName(requests, t.row, t.col));
      // Without script nothing adds up on the page's copy: the typed input itself shows the keystroke.
      return { input, shows: name === 'page' ? input : byLabel(`${cellAccessibleName(requests, t.row, 'TOT')}（自动计算）`) };
    },
  };
}

export async function keystrokeFigures(browser: Browser, app: Served, baselines: Served, fixture: string): Promise<Record<string, number>> {
  const open = (name: Subject['name'], url: string, html?: string) => openSubject(browser, name, url, fixture, { html });
  const appSubject = await open('app', `${app.origin}/`);
  const pageCopy = await pageWithoutScript(appSubject.page);
  const subjects = [
    appSubject,
    await open('page', `${app.origin}/page-copy.html`, pageCopy),
    await open('naive', `${baselines.origin}/index.html`),
    await open('bare', `${baselines.origin}/bare.html`),
  ];
  const results: Record<string, { latency: number[]; task: number[]; script: number[]; style: number[]; layout: number[]; throttled: number[] }> = {};
  for (const s of subjects) results[s.name] = { latency: [], task: [], script: [], style: [], layout: [], throttled: [] };
  for (let i = 0; i < KEYSTROKES; i++) {
    for (const s of subjects) {
      const r = await keystroke(s, i, false);
      results[s.name]!.latency.push(r.latency);
      results[s.name]!.task.push(r.task);
      results[s.name]!.script.push(r.script);
      results[s.name]!.style.push(r.style);
      results[s.name]!.layout.push(r.layout);
    }
  }
  for (let i = 0; i < KEYSTROKES; i++) {
    for (const s of subjects) results[s.name]!.throttled.push((await keystroke(s, i, true)).latency);
  }
  for (const s of subjects) await s.page.context().close();

  const out: Record<string, number> = {};
  for (const [name, r] of Object.entries(results)) {
    out[`${name}_keystroke_median_ms`] = round(median(r.latency));
    out[`${name}_keystroke_p95_ms`] = round(p95(r.latency));
    out[`${name}_task_median_ms`] = round(median(r.task));
    out[`${name}_script_median_ms`] = round(median(r.script));
    out[`${name}_style_median_ms`] = round(median(r.style));
    out[`${name}_layout_median_ms`] = round(median(r.layout));
    out[`${name}_keystroke_p95_ms_throttled_4x`] = round(p95(r.throttled));
  }
  out.ratio_task_app_to_bare = round(out.app_task_median_ms! / out.bare_task_median_ms!);
  out.ratio_p95_throttled_app_to_bare = round(out.app_keystroke_p95_ms_throttled_4x! / out.bare_keystroke_p95_ms_throttled_4x!);
  out.ratio_task_naive_to_app = round(out.naive_task_median_ms! / out.app_task_median_ms!);
  out.ratio_task_page_to_bare = round(out.page_task_median_ms! / out.bare_task_median_ms!);
  out.ratio_task_app_to_page = round(out.app_task_median_ms! / out.page_task_median_ms!);
  return out;
}
