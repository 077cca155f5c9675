/**
 * `npm run bench`: the figures the clerk's trust rests on, printed as one JSON object (milliseconds, kilobytes).
 * Node: a full and an incremental check, DOCX/TXT/HTML export, importing the seeds, combining 1,000 drafts.
 * Chromium: the JavaScript the first page load transfers (gzip), the export chunk, keystroke-to-update latency
 * in section 三 (normal and with 4× CPU throttling), and export in the browser.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { formatById } from '../../src/format/registry';
import { readDraftText } from '../../src/model/draftFile';
import { setCell, type Draft } from '../../src/model/draft';
import { check, recheck } from '../../src/rules/engine';
import { buildReport } from '../../src/render/model';
import { renderText } from '../../src/render/text';
import { renderHtml } from '../../src/render/html';
import { renderDocx } from '../../src/render/docx';
import { importReport } from '../../src/import/importer';
import { aggregateDrafts } from '../../src/model/aggregate';
import { cellAccessibleName } from '../../src/format/labels';
import { buildAndServe, launch } from '../e2e/browser';

const root = new URL('../../', import.meta.url).pathname;
const fixture = join(root, 'test/fixtures/full-2021.draft.json');
const loaded = readDraftText(readFileSync(fixture, 'utf8'));
if (!loaded.ok) throw new Error('fixture does not load');
const draft: Draft = loaded.draft;
const format = formatById(draft.formatId)!;

const round = (n: number) => Math.round(n * 1000) / 1000;
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;
}
function time(runs: number, fn: () => void): number {
  for (let i = 0; i < Math.min(20, runs); i++) fn(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}
async function timeAsync(runs: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

async function nodeFigures() {
  const full = time(500, () => check(format, draft));
  const inputs = format.cells.filter((c) => c.startsWith('requests/') && !format.isTotal(c));
  const before = check(format, draft);
  let k = 0;
  const incremental = time(500, () => {
    const cell = inputs[k++ % inputs.length]!;
    recheck(format, setCell(draft, cell, String(k % 7)), before, { cell });
  });
  const doc = () => buildReport(format, draft);
  const docx = await timeAsync(20, () => renderDocx(doc(), JSON.stringify(draft)));
  const txt = time(200, () => renderText(doc()));
  const html = time(200, () => renderHtml(doc()));
  const seeds = readdirSync(join(root, '../shared/seeds')).filter((f) => f.endsWith('.txt'));
  const seedTexts = seeds.map((f) => readFileSync(join(root, '../shared/seeds', f), 'utf8'));
  const importTimes = seedTexts.map((text) => time(30, () => importReport(text)));
  const thousand = Array.from({ length: 1000 }, (_, i) => ({ ...draft, agency: { ...draft.agency, name: `示例机关${i}` } }));
  const aggregate = time(5, () => aggregateDrafts(thousand));
  return {
    full_check_ms: round(full),
    incremental_check_ms: round(incremental),
    docx_export_ms: round(docx),
    txt_export_ms: round(txt),
    html_export_ms: round(html),
    import_seed_ms: round(importTimes.reduce((a, b) => a + b, 0) / importTimes.length),
    import_seed_max_ms: round(Math.max(...importTimes)),
    aggregate_1000_ms: round(aggregate),
  };
}

async function browserFigures() {
  const served = await buildAndServe();
  const browser = await launch();
  try {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(`${served.origin}/`);
    await page.getByText('年报助手').first().waitFor();
    const distFile = async (url: string) => (await fetch(url)).arrayBuffer();
    let firstLoad = 0;
    for (const url of scripts) firstLoad += gzipSync(Buffer.from(await distFile(url))).length;

    await page.getByTestId('open-draft').setInputFiles(fixture);
    const requests = format.table('requests');
    const targets = requests.rows.filter((r) => r.key !== 'B7').flatMap((r) => requests.columns.filter((c) => c.key !== 'TOT').map((c) => ({ row: r.key, col: c.key })));
    await page.getByLabel(cellAccessibleName(requests, 'A1', 'NP'), { exact: true }).waitFor();

    // Instrumentation of the measurement only: keydown (capture, first to see the key) to the first task after
    // the update, by which the cell, its totals, the findings and the navigation have been rendered.
    // Also a plain input outside the app on the same page: what the browser alone costs for a keystroke here.
    await page.evaluate(() => {
      const w = window as unknown as { __latencies: number[]; __t0: number };
      w.__latencies = [];
      window.addEventListener('keydown', () => (w.__t0 = performance.now()), true);
      window.addEventListener('input', () => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => w.__latencies.push(performance.now() - w.__t0);
        channel.port2.postMessage(0);
      });
      const plain = document.createElement('input');
      plain.id = 'bench-plain-input';
      plain.setAttribute('aria-label', 'plain');
      plain.style.cssText = 'position:fixed;bottom:0;left:0;z-index:100';
      document.body.append(plain);
    });
    const keystrokes = async (label: string, plain = false) => {
      await page.evaluate(() => ((window as unknown as { __latencies: number[] }).__latencies = []));
      for (let i = 0; i < 200; i++) {
        const t = targets[(i * 7) % targets.length]!;
        const input = plain ? page.locator('#bench-plain-input') : page.getByLabel(cellAccessibleName(requests, t.row, t.col), { exact: true });
        await input.focus();
        await page.keyboard.press(String((i % 9) + 1));
      }
      // The last measurement lands in a task of its own: wait for it.
      await page.waitForFunction(() => (window as unknown as { __latencies: number[] }).__latencies.length >= 200, undefined, { timeout: 5000 });
      const lat = await page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies);
      if (lat.length !== 200) throw new Error(`${label}: measured ${lat.length} keystrokes`);
      if (!plain) {
        // The update really happened: the row's 总计 follows the cell.
        const last = targets[(199 * 7) % targets.length]!;
        const total = await page.getByLabel(`${cellAccessibleName(requests, last.row, 'TOT')}（自动计算）`).inputValue();
        if (total === '') throw new Error('totals did not follow the keystrokes');
      }
      return { lat };
    };
    const normal = await keystrokes('normal');
    const plainNormal = await keystrokes('plain', true);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const throttled = await keystrokes('throttled');
    const plainThrottled = await keystrokes('plain throttled', true);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

    const exportTime = async (button: string) => {
      const samples: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        const pending = page.waitForEvent('download');
        await page.getByRole('button', { name: button }).click();
        const dialog = page.getByRole('dialog').filter({ hasText: '报告中还有错误' });
        if (await dialog.count()) await dialog.getByRole('button', { name: '仍然导出' }).click();
        await pending;
        samples.push(performance.now() - t0);
      }
      return median(samples);
    };
    const docxBrowser = await exportTime('导出 DOCX');
    const txtBrowser = await exportTime('导出 TXT');
    const htmlBrowser = await exportTime('导出 HTML');
    const chunk = scriptsAfter(await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name)));
    let exportChunk = 0;
    for (const url of chunk) exportChunk += gzipSync(Buffer.from(await distFile(url))).length;
    await context.close();
    return {
      keystroke_median_ms: round(median(normal.lat)),
      keystroke_p95_ms: round(p95(normal.lat)),
      keystroke_median_ms_throttled_4x: round(median(throttled.lat)),
      keystroke_p95_ms_throttled_4x: round(p95(throttled.lat)),
      plain_input_keystroke_p95_ms: round(p95(plainNormal.lat)),
      plain_input_keystroke_p95_ms_throttled_4x: round(p95(plainThrottled.lat)),
      first_load_js_gzip_kb: round(firstLoad / 1024),
      export_chunk_gzip_kb: round(exportChunk / 1024),
      docx_export_browser_ms: round(docxBrowser),
      txt_export_browser_ms: round(txtBrowser),
      html_export_browser_ms: round(htmlBrowser),
    };
  } finally {
    await browser.close();
    await served.close();
  }
}

/** The docx library's chunk, loaded when the clerk first exports. */
function scriptsAfter(urls: string[]): string[] {
  return urls.filter((u) => /\/assets\/docx-[^/]*\.js$/.test(u));
}

const node = await nodeFigures();
const browser = await browserFigures();
const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
process.stdout.write(`${JSON.stringify({ ...browser, ...node, machine: `${cpus().length} cores, ${cpu}, Node ${process.version}` }, null, 2)}\n`);
