/**
 * `npm run bench`: the figures the clerk's trust rests on, printed as one JSON object (milliseconds, kilobytes).
 * Node: a full and an incremental check, DOCX/TXT/HTML export, importing the seeds, combining 1,000 drafts.
 * Chromium: the JavaScript the first page load transfers (gzip), the export chunk, a keystroke in section 三
 * beside a naive build and a bare input (./keystrokes.ts), and export in the browser.
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
import { buildAndServe, launch } from '../e2e/browser';
import { buildBaselines, keystrokeFigures } from './keystrokes';
import { zipBomb } from '../support/zipBomb';

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
  const bomb = zipBomb(3);
  const bombRefused = time(5, () => importReport(bomb));
  return {
    full_check_ms: round(full),
    incremental_check_ms: round(incremental),
    docx_export_ms: round(docx),
    txt_export_ms: round(txt),
    html_export_ms: round(html),
    import_seed_ms: round(importTimes.reduce((a, b) => a + b, 0) / importTimes.length),
    import_seed_max_ms: round(Math.max(...importTimes)),
    aggregate_1000_ms: round(aggregate),
    zip_bomb_3gb_refused_ms: round(bombRefused),
  };
}

async function browserFigures() {
  const served = await buildAndServe();
  const baselines = await buildBaselines();
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
    await page.getByRole('status').filter({ hasText: '已打开' }).waitFor();

    // Click to the page's own word that the file was handed to the browser (the download event of headless
    // Chromium proved unreliable for repeated downloads of one name).
    const exportTime = async (button: string) => {
      const samples: number[] = [];
      const done = page.locator('.notices [role="status"]').filter({ hasText: '已导出' });
      for (let i = 0; i < 6; i++) {
        if (await done.count()) await done.getByRole('button', { name: '关闭' }).click();
        const t0 = performance.now();
        await page.getByRole('button', { name: button }).click();
        const confirm = page.getByRole('dialog').getByRole('button', { name: '仍然导出' });
        await Promise.race([done.waitFor(), confirm.waitFor().then(() => confirm.click())]);
        await done.waitFor();
        if (i > 0) samples.push(performance.now() - t0); // the first is a warm-up
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
    const keys = await keystrokeFigures(browser, served, baselines, fixture);
    return {
      ...keys,
      first_load_js_gzip_kb: round(firstLoad / 1024),
      export_chunk_gzip_kb: round(exportChunk / 1024),
      docx_export_browser_ms: round(docxBrowser),
      txt_export_browser_ms: round(txtBrowser),
      html_export_browser_ms: round(htmlBrowser),
    };
  } finally {
    await browser.close();
    await served.close();
    await baselines.close();
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
