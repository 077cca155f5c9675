/**
 * The review desk at scale: 1,000 reports reviewed on the command line (wall time, the whole process), and 200 in
 * the page (the longest main-thread task while they are read, checked and shown, from the Long Tasks API; the
 * time until the table shows them all). The reports are the seeds as drafts under other agencies' names, the
 * seeds' published text, and PDFs of the import corpus. Prints JSON.
 *
 *   npm run bench:desk            (BENCH_DESK_CLI, BENCH_DESK_PAGE change the counts)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAndServe, launch } from '../e2e/browser';
import { readDraftText, draftToJson } from '../../src/model/draftFile';

const here = (p: string) => new URL(p, import.meta.url).pathname;
const cliCount = Number(process.env.BENCH_DESK_CLI ?? 1000);
const pageCount = Number(process.env.BENCH_DESK_PAGE ?? 200);

/** `count` report files: nine in ten drafts under new agency names, the rest the seeds' texts and corpus PDFs. */
function reportFiles(count: number): { name: string; bytes: Buffer }[] {
  const drafts = ['000', '001', '002', '003', '004'].map((n) => {
    const r = readDraftText(readFileSync(here(`../fixtures/seeds/${n}.draft.json`), 'utf8'));
    if (!r.ok) throw new Error(n);
    return r.draft;
  });
  const texts = readdirSync(here('../../../shared/seeds/'))
    .filter((n) => n.endsWith('.txt'))
    .map((n) => readFileSync(here(`../../../shared/seeds/${n}`)));
  const pdfs = readdirSync(here('../fixtures/import/'))
    .filter((n) => n.endsWith('.pdf'))
    .map((n) => readFileSync(here(`../fixtures/import/${n}`)));
  const files: { name: string; bytes: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 10 === 9) {
      const pdf = i % 20 === 19;
      const pool = pdf ? pdfs : texts;
      files.push({ name: `${String(i).padStart(4, '0')}.${pdf ? 'pdf' : 'txt'}`, bytes: pool[i % pool.length]! });
    } else {
      const d = structuredClone(drafts[i % drafts.length]!);
      d.agency.name = `第${i}号机关`;
      files.push({ name: `${String(i).padStart(4, '0')}.json`, bytes: Buffer.from(draftToJson(d)) });
    }
  }
  return files;
}

function cliFigures() {
  const dir = mkdtempSync(join(tmpdir(), 'desk-bench-'));
  for (const f of reportFiles(cliCount)) writeFileSync(join(dir, f.name), f.bytes);
  const start = performance.now();
  let out = '';
  try {
    out = execFileSync('npx', ['tsx', here('../../src/cli/main.ts'), 'review', dir], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  } catch (e) {
    // Exit 1 (some reports have errors) is the expected outcome here.
    out = (e as { stdout?: string }).stdout ?? '';
  }
  const seconds = (performance.now() - start) / 1000;
  const summary = out.trim().split('\n').at(-1) ?? '';
  return { cli_reports: cliCount, cli_seconds: Math.round(seconds * 10) / 10, cli_target_seconds: 60, cli_summary: summary };
}

async function pageFigures() {
  const served = await buildAndServe();
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.addInitScript(`
      window.__longTasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
    `);
    await page.goto(`${served.origin}/`);
    await page.getByRole('button', { name: '审核多份报告' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('desk-files').waitFor({ state: 'attached' });
    // The files are made in the page before the clock starts (a clerk's picker hands the page ready File
    // objects; the test harness's own way of setting 200 files costs a long task of its own).
    const files = reportFiles(pageCount).map((f) => ({ name: f.name, data: f.bytes.toString('base64') }));
    await page.evaluate((list) => {
      const transfer = new DataTransfer();
      for (const f of list) transfer.items.add(new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.name));
      (window as unknown as { __files: FileList }).__files = transfer.files;
    }, files);
    await page.waitForTimeout(300);
    await page.evaluate('window.__longTasks.length = 0');
    const start = Date.now();
    await page.evaluate(() => {
      const input = document.querySelector('[data-testid="desk-files"]') as HTMLInputElement;
      input.files = (window as unknown as { __files: FileList }).__files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await dialog.getByText(`共 ${pageCount} 份报告`).waitFor({ timeout: 300_000 });
    const seconds = (Date.now() - start) / 1000;
    // Let the table's own rendering finish and be observed.
    await page.waitForTimeout(500);
    const tasks = (await page.evaluate('window.__longTasks')) as number[];
    return {
      page_reports: pageCount,
      page_seconds: Math.round(seconds * 10) / 10,
      page_longest_task_ms: Math.round(Math.max(0, ...tasks)),
      page_long_tasks: tasks.length,
      page_target_longest_task_ms: 100,
    };
  } finally {
    await browser.close();
    await served.close();
  }
}

const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', node: process.version };
const figures = { machine, ...cliFigures(), ...(await pageFigures()) };
console.log(JSON.stringify(figures, null, 1));
