/**
 * Working from other reports in the browser: import a published seed and see its findings, start next year's
 * draft with the cross-year check, combine two drafts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { servedApp } from './browser';
import { formatById } from '../../src/format/registry';
import { cellAccessibleName } from '../../src/format/labels';

const seed = (name: string) => readFileSync(new URL(`../../../shared/seeds/${name}`, import.meta.url));
const fixture = (n: string) => readFileSync(new URL(`../fixtures/seeds/${n}.draft.json`, import.meta.url));
const app = servedApp();

describe('working from published reports', () => {
  it('imports seed 001, shows what it read, opens it with its findings; then makes next year’s draft', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${app.served.origin}/`);
    await page.getByRole('button', { name: '导入已发布的报告' }).click();
    await page.getByTestId('import-file').setInputFiles({ name: 'report.txt', mimeType: 'text/plain', buffer: seed('001_4ec32009cce65549.txt') });
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.innerText()).toContain('已填入 201 / 201 个单元格。');
    await expect.poll(() => dialog.innerText()).toContain('机关：北京市丰台区人民政府（人民政府），由标题推断，请核对。');
    await dialog.getByRole('button', { name: '作为草稿打开' }).click();

    const f = formatById('bj-2019')!;
    await expect.poll(() => page.getByLabel(cellAccessibleName(f.table('requests'), 'A1', 'NP'), { exact: true }).inputValue()).toBe('899');
    // Printed totals are kept as printed (editable), and the text-vs-table finding is there.
    await expect.poll(() => page.getByLabel(cellAccessibleName(f.table('requests'), 'A1', 'TOT'), { exact: true }).inputValue()).toBe('956');
    await expect.poll(() => page.locator('#part-general .summary').innerText()).toContain('1,092 是表中的新收加上年结转');
    await expect.poll(() => page.locator('.side-nav li[data-part=general]').innerText()).toContain('1 警告');

    await page.getByRole('button', { name: '生成下一年度草稿' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '生成' }).click();
    await expect.poll(() => page.getByLabel('报告年度').inputValue()).toBe('2021');
    await expect.poll(() => page.getByLabel('报告格式').inputValue()).toBe('gb-2021');
    const f21 = formatById('gb-2021')!;
    const carried = page.getByLabel(cellAccessibleName(f21.table('requests'), 'A2', 'NP'), { exact: true });
    await expect.poll(() => carried.inputValue()).toBe('86');
    await expect.poll(() => page.locator('#part-problems .summary').innerText()).toContain('沿用了 2020 年度报告的原文');
    // Last year's draft is kept for the cross-year check: a wrong 上年结转 is flagged.
    await carried.fill('80');
    await expect.poll(() => page.locator('#part-requests .summary').innerText()).toContain('上年结转 80 与上年报告的结转下年度继续办理 86 不一致');
    await page.screenshot({ path: new URL('../../out/screenshots/next-year.png', import.meta.url).pathname });
    await context.close();
  }, 90_000);

  it('moves a 2019 draft to the 2021 format, listing what moves where and what has no counterpart first', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${app.served.origin}/`);
    await page.getByTestId('open-draft').setInputFiles({ name: '001.json', mimeType: 'application/json', buffer: fixture('001') });
    await page.getByRole('status').filter({ hasText: '已打开' }).waitFor();
    await page.getByLabel('报告格式').selectOption('gb-2021');
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.innerText()).toContain('新格式中没有对应项、未能移入的单元格（20 个）');
    expect(await dialog.innerText()).toContain('第二十条第（五）项「其他对外管理服务事项/行政检查」「处理决定数量」');
    await dialog.getByRole('button', { name: '更换格式' }).click();
    await expect.poll(() => page.getByLabel('报告格式').inputValue()).toBe('gb-2021');
    const f21 = formatById('gb-2021')!;
    await expect.poll(() => page.getByLabel(cellAccessibleName(f21.table('requests'), 'B6.3', 'NP'), { exact: true }).inputValue()).toBe('52');
    expect(await page.getByLabel(cellAccessibleName(f21.table('art20_1'), 'normative_docs', 'issued'), { exact: true }).inputValue()).toBe('23');
    // The 2021 format on a 2020 report is reported as the wrong format for the year.
    await expect.poll(() => page.locator('#part-meta .summary').innerText()).toContain('报告年度为 2020 年');
    await context.close();
  }, 60_000);

  it('combines two agencies’ drafts into one', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${app.served.origin}/`);
    await page.getByTestId('aggregate-drafts').setInputFiles([
      { name: '000.json', mimeType: 'application/json', buffer: fixture('000') },
      { name: '003.json', mimeType: 'application/json', buffer: fixture('003') },
    ]);
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.innerText()).toContain('包括：北京市丰台区科学技术和信息化局、北京市西城区科学技术和信息化局');
    await dialog.getByRole('button', { name: '作为草稿打开' }).click();
    const f = formatById('bj-2019')!;
    await expect.poll(() => page.getByLabel(cellAccessibleName(f.table('requests'), 'A1', 'NP'), { exact: true }).inputValue()).toBe('3');
    await expect.poll(() => page.getByLabel(cellAccessibleName(f.table('art20_9'), 'procurement', 'amount'), { exact: true }).inputValue()).toBe('2423.8630');
    await context.close();
  }, 60_000);

  it('refuses combining drafts of different years, saying why', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.served.origin}/`);
    const other = JSON.parse(fixture('004').toString());
    other.reportYear = 2019;
    await page.getByTestId('aggregate-drafts').setInputFiles([
      { name: '000.json', mimeType: 'application/json', buffer: fixture('000') },
      { name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) },
    ]);
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('这些草稿的报告年度不同（2019、2020），不能汇总。');
    await context.close();
  }, 60_000);
});
