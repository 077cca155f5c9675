/**
 * The review desk in the page: drafts, published text and PDFs chosen together, read in a worker; the table's
 * errors are what check finds for each; filtering, a report's findings, opening it as the draft; the XLSX.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { servedApp } from './browser';
import { formatById } from '../../src/format/registry';
import { cellAccessibleName } from '../../src/format/labels';
import { check } from '../../src/rules/engine';
import { summarize } from '../../src/rules/finding';
import { seedDraft, SEEDS } from '../support/drafts';
import { importDocument } from '../../src/import/importer';
import { loadPdfJsNode } from '../../src/import/pdfjsNode';

const app = servedApp();
const file = (path: string, name: string, mimeType: string) => ({ name, mimeType, buffer: readFileSync(new URL(path, import.meta.url)) });

describe('the review desk', () => {
  it('reviews drafts, texts and PDFs together, each row as check finds it; filters, opens a report, exports XLSX', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.served.origin}/`);
    await page.getByRole('button', { name: '审核多份报告' }).click();
    const dialog = page.getByRole('dialog');
    const files = [
      ...SEEDS.map((n) => file(`../fixtures/seeds/${n}.draft.json`, `${n}.draft.json`, 'application/json')),
      file('../../../shared/seeds/004_1552932f4d23b490.txt', '004.txt', 'text/plain'),
      file('../fixtures/import/seed001.libreoffice.pdf', 'seed001.pdf', 'application/pdf'),
      file('../fixtures/import/full2021.chromium.pdf', 'full2021.pdf', 'application/pdf'),
      { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"formatId": 3') },
    ];
    await dialog.getByTestId('desk-files').setInputFiles(files);
    await expect.poll(() => dialog.innerText(), { timeout: 60_000 }).toContain('共 8 份报告');
    expect(await dialog.innerText()).toContain('无法读取 broken.json');

    // Each draft's row shows the errors and warnings check finds for it.
    for (const n of SEEDS) {
      const d = seedDraft(n);
      const s = summarize(check(formatById(d.formatId)!, d));
      const cells = await dialog.locator(`tr[data-file="${n}.draft.json"] td`).allInnerTexts();
      expect([cells[7], cells[8]]).toEqual([String(s.errors), String(s.warnings)]);
    }
    // And each imported report's row shows what check finds for the draft the importer makes of it.
    for (const [name, path] of [
      ['004.txt', '../../../shared/seeds/004_1552932f4d23b490.txt'],
      ['seed001.pdf', '../fixtures/import/seed001.libreoffice.pdf'],
      ['full2021.pdf', '../fixtures/import/full2021.chromium.pdf'],
    ] as const) {
      const r = await importDocument(new Uint8Array(readFileSync(new URL(path, import.meta.url))), loadPdfJsNode);
      if (!r.ok) throw new Error(name);
      const s = summarize(check(formatById(r.draft.formatId)!, r.draft));
      const cells = await dialog.locator(`tr[data-file="${name}"] td`).allInnerTexts();
      expect([name, cells[7], cells[8]]).toEqual([name, String(s.errors), String(s.warnings)]);
    }
    await page.screenshot({ path: new URL('../../out/screenshots/review-desk.png', import.meta.url).pathname });

    // Only the reports with errors; then the late ones.
    await dialog.getByLabel('只看有错误的').check();
    const withErrors = await dialog.locator('tbody tr').count();
    expect(withErrors).toBe(await dialog.locator('tbody tr.has-errors').count());
    await dialog.getByLabel('只看有错误的').uncheck();
    await dialog.getByLabel('只看逾期发布的').check();
    expect(await dialog.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-file')).sort())).toEqual(['004.draft.json', '004.txt']);
    await dialog.getByLabel('只看逾期发布的').uncheck();

    // The workbook holds every row.
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'XLSX' }).click();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await (await download).path())!);
    expect(book.getWorksheet('报告')!.rowCount).toBe(9);

    // A report's findings, and the report opened as the draft.
    await dialog.getByRole('button', { name: 'seed001.pdf' }).click();
    await expect.poll(() => dialog.getByTestId('desk-report').innerText()).toContain('1,092');
    // Its tables, read-only.
    const shownCell = dialog.getByTestId('desk-report').getByLabel(cellAccessibleName(formatById('bj-2019')!.table('requests'), 'A1', 'TOT'), { exact: true });
    expect(await shownCell.inputValue()).toBe('956');
    expect(await shownCell.getAttribute('readonly')).not.toBeNull();
    await dialog.getByRole('button', { name: '作为草稿打开' }).click();
    const f = formatById('bj-2019')!;
    await expect.poll(() => page.getByLabel(cellAccessibleName(f.table('requests'), 'A1', 'NP'), { exact: true }).inputValue()).toBe('899');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
