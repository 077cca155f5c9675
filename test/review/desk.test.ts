/**
 * The review desk: the seeds as drafts, as published text and as PDFs, reviewed together; each report's findings
 * are exactly what `check` gives it; the set is read across; the exports hold every row.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatById } from '../../src/format/registry';
import { loadPdfJsNode } from '../../src/import/pdfjsNode';
import { createI18n } from '../../src/i18n';
import { draftToJson } from '../../src/model/draftFile';
import { check } from '../../src/rules/engine';
import { readForReview, reviewReports, type ReadReport } from '../../src/review/desk';
import { deskCsv, deskHtml } from '../../src/review/exports';
import { reportHeader } from '../../src/review/table';
import { runCli } from '../support/cli';
import { seedDraft, SEEDS } from '../support/drafts';

const t = createI18n('zh-CN').t;
const here = (path: string) => new URL(path, import.meta.url).pathname;
const SEED_TEXTS = readdirSync(here('../../../shared/seeds/')).filter((n) => n.endsWith('.txt'));
// The whole import corpus: PDFs, pdftotext's text, web pages, DOCX saved by Writer, a real report's page.
const PDFS = readdirSync(here('../fixtures/import/')).filter((n) => !n.endsWith('.json') && !n.endsWith('.md') && !n.endsWith('.mts'));

/** A folder holding the seeds three ways: drafts, published text, and their PDFs. */
function deskFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'desk-'));
  for (const n of SEEDS) writeFileSync(join(dir, `${n}.draft.json`), readFileSync(here(`../fixtures/seeds/${n}.draft.json`)));
  for (const name of SEED_TEXTS) writeFileSync(join(dir, name), readFileSync(here(`../../../shared/seeds/${name}`)));
  for (const name of PDFS) writeFileSync(join(dir, name), readFileSync(here(`../fixtures/import/${name}`)));
  return dir;
}

async function readAll(dir: string): Promise<ReadReport[]> {
  const read: ReadReport[] = [];
  for (const name of readdirSync(dir).sort()) read.push(await readForReview(name, new Uint8Array(readFileSync(join(dir, name))), loadPdfJsNode));
  return read;
}

describe('the review desk', () => {
  it('gives each report exactly the findings check gives it, drafts, texts and PDFs alike', async () => {
    const dir = deskFolder();
    const desk = reviewReports(await readAll(dir));
    expect(desk.reports).toHaveLength(SEEDS.length + SEED_TEXTS.length + PDFS.length);
    expect(desk.unreadable).toEqual([]);
    for (const r of desk.reports) {
      // No report of the year before is among these: each is checked alone.
      expect(r.withPrevious).toBe(false);
      expect(r.findings).toEqual(check(formatById(r.draft.formatId)!, r.draft));
    }
    // The seeds' known defects show in their rows.
    const row = (name: string) => desk.reports.find((r) => r.name === name)!;
    expect(row('004.draft.json').late).toBe(true);
    expect(row('seed004.libreoffice.pdf').late).toBe(true);
    expect(row('002.draft.json').summary.errors).toBeGreaterThan(0);
    expect(row('seed001.chromium.pdf').quality).toEqual({ placed: 201, inferred: 0, missing: 0, total: 201 });
    expect(row('001.draft.json').quality).toBeNull();
  }, 60_000);

  it('reads the set across: the same agency more than once, several years and formats, the totals', async () => {
    const read = await readAll(deskFolder());
    const desk = reviewReports(read);
    const notes = desk.notes.map((n) => n.key);
    expect(notes.filter((k) => k === 'desk.sameAgency')).toHaveLength(6);
    expect(notes).toContain('desk.severalYears');
    // One agency counted once in the totals: the five seeds' new requests, as their drafts hold them.
    const total2020 = desk.totals.find((x) => x.year === 2020)!;
    expect(total2020.count).toBe(5);
    const sum = SEEDS.map((n) => Number(seedDraft(n).cells.requests!.A1!.TOT || 0)).reduce((a, b) => a + b, 0);
    expect(Number(total2020.draft.cells.requests!.A1!.TOT)).toBe(sum);
  }, 60_000);

  it('checks an agency against its own previous year when both are given', async () => {
    const last = seedDraft('001');
    const next = structuredClone(last);
    next.reportYear = 2021;
    next.formatId = 'bj-2019';
    // 上年结转 that does not equal last year's 结转下年度继续办理 (87): the cross-year check says so.
    next.cells.requests!.A2!.TOT = '80';
    next.cells.requests!.A2!.NP = '79';
    const read = [
      await readForReview('2020.json', new TextEncoder().encode(draftToJson(last)), loadPdfJsNode),
      await readForReview('2021.json', new TextEncoder().encode(draftToJson(next)), loadPdfJsNode),
    ];
    const desk = reviewReports(read);
    const later = desk.reports.find((r) => r.name === '2021.json')!;
    expect(later.withPrevious).toBe(true);
    expect(later.findings).toEqual(check(formatById('bj-2019')!, next, last));
    expect(later.findings.some((f) => f.cells.some((c) => c.startsWith('previous:')))).toBe(true);
  });

  it('exports every row: CSV, an XLSX read back by the same library, a printable HTML summary', async () => {
    const desk = reviewReports(await readAll(deskFolder()));
    const csv = deskCsv(t, desk);
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(reportHeader(t).join(','));
    expect(lines).toHaveLength(desk.reports.length + 1);
    for (const r of desk.reports) expect(csv).toContain(r.name);

    const { deskXlsx } = await import('../../src/review/exports');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await deskXlsx(t, desk)).buffer as ArrayBuffer);
    const reports = book.getWorksheet('报告')!;
    expect(reports.rowCount).toBe(desk.reports.length + 1);
    expect(reports.getRow(1).values).toEqual([undefined, ...reportHeader(t)]);
    const names = reports.getColumn(1).values.slice(2);
    expect(names).toEqual(desk.reports.map((r) => r.name));
    const cells = book.getWorksheet('单元格')!;
    const cellCount = desk.reports.reduce((n, r) => n + formatById(r.draft.formatId)!.cells.length, 0);
    expect(cells.rowCount).toBe(cellCount + 1);

    const html = deskHtml(t, desk);
    expect(html).toContain('<h1>年度报告审核台</h1>');
    expect(html).toContain('晚于法定时限');
  }, 60_000);
});

describe('review on the command line', () => {
  it('prints the table; exit 1 when a report has an error, 0 when none has, 2 when nothing could be read', async () => {
    const dir = deskFolder();
    const csvOut = join(mkdtempSync(join(tmpdir(), 'out-')), 'desk.csv');
    const all = await runCli('review', dir, '--csv', csvOut);
    expect(all.code).toBe(1);
    const count = SEEDS.length + SEED_TEXTS.length + PDFS.length;
    expect(all.out).toContain(`共 ${count} 份报告`);
    expect(readFileSync(csvOut, 'utf8').split('\r\n')).toHaveLength(count + 1);

    const clean = await runCli('review', join(dir, '000.draft.json'), join(dir, '001.draft.json'));
    expect(clean.code).toBe(0);

    const junk = mkdtempSync(join(tmpdir(), 'junk-'));
    writeFileSync(join(junk, 'a.txt'), '这不是年报。');
    writeFileSync(join(junk, 'b.json'), '{"not":"a draft"}');
    const none = await runCli('review', junk);
    expect(none.code).toBe(2);
    expect(none.out).toContain('无法读取 a.txt');
    expect(none.out).toContain('没有读到任何报告。');
  }, 60_000);

  it('--json gives each report with its findings in words', async () => {
    const dir = deskFolder();
    const r = await runCli('review', join(dir, '004.draft.json'), '--json');
    const parsed = JSON.parse(r.out) as { reports: { agency: string; findings: { rule: string; message: string }[] }[] };
    expect(parsed.reports[0]!.agency).toBe('忻州市科学技术局');
    expect(parsed.reports[0]!.findings.map((f) => f.rule)).toContain('date.after-deadline');
  });
});
