/**
 * Importing real layouts in the page: a PDF read in the worker with PDF.js, every table shown for checking
 * before anything is replaced, a corrected cell carried into the draft, and values placed by the row's
 * arithmetic marked for the clerk.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { servedApp } from './browser';
import { formatById } from '../../src/format/registry';
import { cellAccessibleName } from '../../src/format/labels';
import { corpusDocuments } from '../../src/import/corpus';

const app = servedApp();
const corpus = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));
const seed = (name: string) => readFileSync(new URL(`../../../shared/seeds/${name}`, import.meta.url), 'utf8');

describe('the import review', () => {
  it('reads a PDF printed from a web page, shows each table with where each row was read, and opens the corrected draft', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.served.origin}/`);
    await page.getByRole('button', { name: '导入已发布的报告' }).click();
    await page.getByTestId('import-file').setInputFiles({ name: '报告.pdf', mimeType: 'application/pdf', buffer: corpus('seed003.chromium.pdf') });
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.innerText(), { timeout: 30_000 }).toContain('已填入 200 / 201 个单元格。');
    const review = dialog.getByTestId('import-review');
    const f = formatById('bj-2019')!;
    const requests = f.table('requests');
    // Seed 003 prints six values for seven columns in 结转下年度继续办理: the blank stays where it was printed.
    const blank = review.getByLabel(cellAccessibleName(requests, 'C', 'SCI'), { exact: true });
    expect(await blank.inputValue()).toBe('');
    expect(await review.getByLabel(cellAccessibleName(requests, 'A1', 'NP'), { exact: true }).inputValue()).toBe('2');
    // Where each row was read: a page of the PDF.
    expect(await review.locator('tr', { hasText: '一、本年新收政府信息公开申请数量' }).locator('.review-source').innerText()).toMatch(/^第 \d 页$/);
    await page.screenshot({ path: new URL('../../out/screenshots/import-review.png', import.meta.url).pathname });

    // A value that is not a number is refused before anything is replaced; a number is carried into the draft.
    await blank.fill('零');
    await dialog.getByRole('button', { name: '作为草稿打开' }).click();
    await expect.poll(() => dialog.innerText()).toContain('这些单元格填的不是数值');
    await blank.fill('0');
    await dialog.getByRole('button', { name: '作为草稿打开' }).click();
    await expect.poll(() => page.getByLabel(cellAccessibleName(requests, 'C', 'SCI'), { exact: true }).inputValue()).toBe('0');
    expect(await page.getByLabel(cellAccessibleName(requests, 'A1', 'TOT'), { exact: true }).inputValue()).toBe('2');
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('reads every PDF of the corpus in the page exactly as the command line does', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${app.served.origin}/`);
    const pdfs = corpusDocuments(new URL('../fixtures/import/', import.meta.url).pathname).filter((d) => d.file.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThanOrEqual(12);
    for (const doc of pdfs) {
      await page.getByRole('button', { name: '导入已发布的报告' }).click();
      await page.getByTestId('import-file').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: readFileSync(doc.file) });
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('import-review').waitFor({ timeout: 30_000 });
      const read = await dialog
        .locator('input[data-cell]')
        .evaluateAll((inputs) => Object.fromEntries(inputs.map((i) => [i.getAttribute('data-cell'), (i as HTMLInputElement).value])));
      expect({ file: doc.file, cells: read }).toEqual({ file: doc.file, cells: doc.expected.cells });
      await dialog.getByRole('button', { name: '返回' }).click();
      await dialog.getByRole('button', { name: '取消' }).click();
    }
    await context.close();
  }, 240_000);

  it('marks the values a stray number left open and the arithmetic placed', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${app.served.origin}/`);
    // Seed 001 with its section 四 row printed after a stray row number: sixteen numbers for fifteen cells.
    const text = seed('001_4ec32009cce65549.txt').replace('\n\t37\n\t9\n\t2\n', '\n\t1\n\t37\n\t9\n\t2\n');
    expect(text).toContain('\n\t1\n\t37\n');
    await page.getByRole('button', { name: '导入已发布的报告' }).click();
    await page.getByTestId('import-file').setInputFiles({ name: 'report.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.innerText(), { timeout: 30_000 }).toContain('推定的单元格（15 个，请核对）');
    const f = formatById('bj-2019')!;
    const keep = dialog.getByTestId('import-review').getByLabel(cellAccessibleName(f.table('review'), 'cases', 'RV_KEEP'), { exact: true });
    expect(await keep.inputValue()).toBe('37');
    expect(await keep.evaluate((el) => el.parentElement!.className)).toBe('inferred');
    await keep.scrollIntoViewIfNeeded();
    await page.screenshot({ path: new URL('../../out/screenshots/import-inferred.png', import.meta.url).pathname });
    await context.close();
  }, 90_000);
});
