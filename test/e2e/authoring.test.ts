/**
 * The authoring page end to end in real Chromium: a clerk fills seed 001's figures by typing and by pasting,
 * watches totals and findings, makes an error, reloads, saves the draft, opens it elsewhere, and survives a
 * damaged file. Also: no serious accessibility violation, and no request leaves the origin.
 */
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { accessibleDescription, buildAndServe, launch, watchCsp, type Served } from './browser';
import { seedDraft, seedPath } from '../support/drafts';
import { formatById } from '../../src/format/registry';
import { cellAccessibleName } from '../../src/format/labels';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = new URL('../../out/screenshots/', import.meta.url).pathname;

const seed = seedDraft('001');
const format = formatById('bj-2019')!;
const requests = format.table('requests');
const name = (table: string, row: string, col: string) => cellAccessibleName(format.table(table), row, col);
const cellInput = (page: Page, table: string, row: string, col: string) => page.getByLabel(name(table, row, col), { exact: true });

let served: Served;
let browser: Browser;
const foreignRequests: string[] = [];

function watchRequests(context: BrowserContext) {
  context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(served.origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
}

beforeAll(async () => {
  served = await buildAndServe();
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** The draft file the first test had the page save after typing seed 001 in. */
let savedByTyping: string | undefined;

/**
 * The draft file the page saves for seed 001: the one the first test saved after typing, or, for a test run on
 * its own, the seed opened in the page and saved again, so that no test depends on another having run.
 */
async function pageSavedDraft(): Promise<string> {
  if (savedByTyping !== undefined) return savedByTyping;
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${served.origin}/`);
  await page.getByTestId('open-draft').setInputFiles(seedPath('001'));
  await page.getByRole('status').filter({ hasText: '已打开草稿' }).waitFor();
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: '保存草稿' }).click();
  const text = readFileSync((await (await pending).path())!, 'utf8');
  await context.close();
  return text;
}

describe('authoring a report in the browser', () => {
  it('fills seed 001 by typing and pasting, checks live, survives a reload and saves the draft', async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 1000 } });
    watchRequests(context);
    const cspViolations = await watchCsp(context);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(`${served.origin}/`);

    // The header: agency, kind, region and year; the Beijing profile follows the region and year.
    await page.getByLabel('机关名称').fill(seed.agency.name);
    await page.getByLabel('机关类型').selectOption('government');
    await page.getByLabel('地区').selectOption('beijing');
    await page.getByLabel('报告年度').fill('2020');
    await expect.poll(() => page.getByLabel('报告格式').inputValue()).toBe('bj-2019');

    // Section 二 by typing, one value with full-width digits as an IME sends them.
    for (const table of format.tables.filter((t) => t.section === 'proactive')) {
      for (const row of table.rows) {
        for (const col of table.columns) {
          const value = seed.cells[table.id]![row.key]![col.key]!;
          const input = cellInput(page, table.id, row.key, col.key);
          await input.click();
          await input.pressSequentially(table.id === 'art20_1' && row.key === 'normative_docs' && col.key === 'made' ? '２３' : value);
        }
      }
    }
    await page.keyboard.press('Tab');
    await expect.poll(() => cellInput(page, 'art20_1', 'normative_docs', 'made').inputValue()).toBe('23');

    // Section 三, row 一 by typing: the 总计 stays blank until every part is filled, then shows the sum.
    const total = (row: string) => page.getByLabel(`${name('requests', row, 'TOT')}（自动计算）`);
    const a1 = ['NP', 'BIZ', 'SCI', 'NGO', 'LAW', 'OTH'];
    for (const [i, col] of a1.entries()) {
      await cellInput(page, 'requests', 'A1', col).fill(seed.cells.requests!.A1![col]!);
      if (i === 0) await expect.poll(() => total('A1').inputValue()).toBe('');
    }
    await expect.poll(() => total('A1').inputValue()).toBe('956');

    // The rest of section 三 pasted as a block copied from a spreadsheet (with its 总计 column).
    const tsv = requests.rows
      .slice(1)
      .map((r) => requests.columns.map((c) => seed.cells.requests![r.key]![c.key]).join('\t'))
      .join('\r\n');
    await cellInput(page, 'requests', 'A2', 'NP').focus();
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, tsv);
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.innerText()).toContain('确认粘贴');
    await dialog.getByRole('button', { name: '确认粘贴' }).click();
    await expect.poll(() => total('B7').inputValue()).toBe('1005');
    await expect.poll(() => page.getByLabel(`${name('requests', 'B7', 'NP')}（自动计算）`).inputValue()).toBe('913');

    // A block that does not fit is refused and changes nothing.
    await cellInput(page, 'requests', 'C', 'OTH').focus();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '1\t2\t3\n4\t5\t6');
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => page.locator('#part-requests [role=alert]').innerText()).toContain('未做任何修改');
    await expect.poll(() => cellInput(page, 'requests', 'C', 'OTH').inputValue()).toBe('0');

    // Section 四 by typing; its 总计 are computed.
    for (const col of format.table('review').columns) {
      if (col.key.endsWith('_TOT')) continue;
      await cellInput(page, 'review', 'cases', col.key).fill(seed.cells.review!.cases![col.key]!);
    }
    await expect.poll(() => page.getByLabel('行政诉讼 未经复议直接起诉 总计（自动计算）').inputValue()).toBe('37');

    // The tables add up: section 三 has no finding at all.
    await expect.poll(() => page.locator('#part-requests .summary').count()).toBe(0);

    // An error: 结转下年度 of 自然人 made 80 instead of 86.
    const carried = cellInput(page, 'requests', 'C', 'NP');
    await carried.focus();
    const onScreen = async () => (await carried.boundingBox())!.y;
    const before = await onScreen();
    await carried.fill('80');
    await expect.poll(() => carried.getAttribute('aria-invalid')).toBe('true');
    // The cell is marked red (the mark is drawn on the table cell, beside the input's aria-invalid).
    const markOf = (input: Locator) => input.locator('xpath=..').getAttribute('class');
    await expect.poll(() => markOf(carried)).toBe('input error');
    // The summary that appears above the table does not push the cell being typed into down the screen.
    await page.locator('#part-requests .summary').waitFor({ state: 'visible' });
    expect(Math.abs((await onScreen()) - before)).toBeLessThan(4);
    // The cell is described by the wording of its findings (the summary's lines; ids separated by spaces).
    const description = async () => {
      const ids = ((await carried.getAttribute('aria-describedby')) ?? '').split(' ').filter((x) => x !== '');
      return (await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()))).join(' ');
    };
    await expect.poll(description).toContain('「自然人」列：第三项加第四项之和为 993，不等于第一项加第二项之和 999');
    // What a screen reader hears of the cell.
    await expect.poll(() => accessibleDescription(page, name('requests', 'C', 'NP'))).toContain('第三项加第四项之和为 993，不等于第一项加第二项之和 999');
    const summary = page.locator('#part-requests .summary');
    await expect.poll(() => summary.innerText()).toContain('本部分有 2 个错误');
    // The summary's slot is as high as the summary: what follows starts below its last line, never over it.
    const layout = () =>
      page.evaluate(() => {
        const slot = document.querySelector('#part-requests .summary-slot')!;
        const lastLine = slot.querySelector('.summary li:last-child')!.getBoundingClientRect().bottom;
        return {
          slot: slot.getBoundingClientRect().height,
          content: slot.firstElementChild!.getBoundingClientRect().height,
          gap: slot.nextElementSibling!.getBoundingClientRect().top - lastLine,
        };
      });
    await expect
      .poll(async () => {
        const l = await layout();
        return l.slot > 50 && l.slot === l.content && l.gap > 0;
      })
      .toBe(true);
    await summary.getByRole('link', { name: /「自然人」列/ }).waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('.side-nav li[data-part=requests]').innerText()).toContain('2 错误');
    // Another wrong number: the cell's message and the summary quote the new sum, not the one before.
    await carried.fill('70');
    await expect.poll(description).toContain('第三项加第四项之和为 983，不等于第一项加第二项之和 999');
    expect(await accessibleDescription(page, name('requests', 'C', 'NP'))).toContain('983');
    await expect.poll(() => summary.innerText()).toContain('983');
    expect(await summary.innerText()).not.toContain('993');
    await carried.fill('80');
    await expect.poll(() => summary.innerText()).toContain('993');
    // The summary's link takes the clerk to the cell.
    await cellInput(page, 'requests', 'A1', 'NP').focus();
    await summary.getByRole('link', { name: /「自然人」列/ }).click();
    await cellInput(page, 'requests', 'B7', 'NP')
      .or(page.getByLabel(`${name('requests', 'B7', 'NP')}（自动计算）`))
      .or(carried)
      .first()
      .waitFor({ state: 'visible' });

    await page.screenshot({ path: `${SHOTS}authoring-zh.png` });

    // Reload: the draft comes back from the browser store, error and all, and the page says so.
    const storedCell = () => page.evaluate(() => JSON.parse(localStorage.getItem('nianbao.draft') ?? 'null')?.cells?.requests?.C?.NP);
    await expect.poll(storedCell).toBe('80');
    await page.reload();
    await page.getByRole('status').filter({ hasText: '已恢复' }).waitFor({ state: 'visible' });
    await expect.poll(() => cellInput(page, 'requests', 'C', 'NP').inputValue()).toBe('80');
    await expect.poll(() => cellInput(page, 'art20_9', 'procurement', 'amount').inputValue()).toBe('32694.3253');
    await expect.poll(() => page.locator('.side-nav li[data-part=requests]').innerText()).toContain('2 错误');
    // Marked as before the reload, from the first frame.
    expect(await markOf(cellInput(page, 'requests', 'C', 'NP'))).toBe('input error');
    expect(await cellInput(page, 'requests', 'C', 'NP').getAttribute('aria-invalid')).toBe('true');

    // Put the value right and save the draft as a file.
    await cellInput(page, 'requests', 'C', 'NP').fill('86');
    await expect.poll(() => page.locator('.side-nav li[data-part=requests]').innerText()).not.toContain('错误');
    // The mark goes with the finding.
    await expect.poll(() => markOf(cellInput(page, 'requests', 'C', 'NP'))).toBe('input');
    expect(await cellInput(page, 'requests', 'C', 'NP').getAttribute('aria-invalid')).toBeNull();
    expect(await cellInput(page, 'requests', 'C', 'NP').getAttribute('aria-describedby')).toBeNull();
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: '保存草稿' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe('北京市丰台区人民政府-2020-年报草稿.json');
    savedByTyping = readFileSync((await download.path())!, 'utf8');
    const saved = JSON.parse(savedByTyping);
    expect(saved.formatId).toBe('bj-2019');
    expect(saved.cells).toEqual(seed.cells);

    // A table's message after an action (here: fill blanks with 0, the table having none) is said again in
    // the language chosen later.
    const note = page.locator('#part-requests .table-note');
    await page.locator('#part-requests .table-tools button').first().click();
    await expect.poll(() => note.innerText()).toBe('本表没有空白单元格。');

    // English, screenshot of both languages.
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('button', { name: 'Save draft' }).waitFor({ state: 'visible' });
    await expect.poll(() => note.innerText()).toBe('This table has no blank cells.');
    await page.locator('#part-requests').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}authoring-en.png` });
    // The cells' own names follow the language (they are worked out once per language).
    const aTotal = page.locator('#part-requests td.total input').first();
    await expect.poll(() => aTotal.getAttribute('aria-label')).toMatch(/ \(computed\)$/);
    expect(await aTotal.getAttribute('title')).toBe('The total is computed from its parts');
    await page.getByLabel('Language').selectOption('zh-CN');
    await expect.poll(() => aTotal.getAttribute('aria-label')).toMatch(/（自动计算）$/);

    // Accessibility: no serious or critical violation.
    // Injected through the DevTools protocol: the page's policy rightly refuses inline scripts.
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const result = await (
        window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }
      ).axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, count: v.nodes.length }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 180_000);

  it('opens the saved draft in a fresh browser, and a damaged file leaves the work untouched', async () => {
    const savedDraft = await pageSavedDraft();
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    watchRequests(context);
    const page = await context.newPage();
    await page.goto(`${served.origin}/`);
    await page.getByTestId('open-draft').setInputFiles({ name: 'draft.json', mimeType: 'application/json', buffer: Buffer.from(savedDraft) });
    await page.getByRole('status').filter({ hasText: '已打开草稿' }).waitFor({ state: 'visible' });
    await expect.poll(() => cellInput(page, 'requests', 'B4.1', 'NP').inputValue()).toBe('434');
    // Stored in the browser as soon as it is opened.
    await expect.poll(async () => JSON.parse((await page.evaluate(() => localStorage.getItem('nianbao.draft'))) ?? 'null')).toEqual(JSON.parse(savedDraft));

    // Opened while the clerk is deep in the page (typing in section 三's last rows): the message is on screen.
    await cellInput(page, 'requests', 'C', 'NP').focus();
    await page.getByTestId('open-draft').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(savedDraft.slice(0, 200)) });
    const alert = page.getByRole('alert').filter({ hasText: '无法打开“broken.json”' });
    await expect.poll(() => alert.innerText()).toContain('不是有效的 JSON 格式');
    const said = (await alert.boundingBox())!;
    expect(said.y).toBeGreaterThanOrEqual(0);
    expect(said.y + said.height).toBeLessThanOrEqual(1000);
    // and the cell being typed into is not under it.
    const cell = (await cellInput(page, 'requests', 'C', 'NP').boundingBox())!;
    expect(cell.y).toBeGreaterThanOrEqual(said.y + said.height);
    await expect.poll(() => cellInput(page, 'requests', 'B4.1', 'NP').inputValue()).toBe('434');
    await expect.poll(() => page.getByLabel('机关名称').inputValue()).toBe('北京市丰台区人民政府');

    const wrongTable = JSON.parse(savedDraft);
    wrongTable.cells.requests.A1.NP = 12;
    await page.getByTestId('open-draft').setInputFiles({ name: 'wrong.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(wrongTable)) });
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: '无法打开“wrong.json”' }).innerText())
      .toContain('一、本年新收政府信息公开申请数量 · 自然人：内容类型不对');
    await expect.poll(() => cellInput(page, 'requests', 'A1', 'NP').inputValue()).toBe('899');
    await context.close();
  }, 60_000);

  it('moves through a table by keyboard, fills blanks with 0 and undoes it, writes the fee sentence', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    watchRequests(context);
    const page = await context.newPage();
    await page.goto(`${served.origin}/`);
    await page.getByLabel('报告年度').fill('2023');
    await expect.poll(() => page.getByLabel('报告格式').inputValue()).toBe('gb-2021');
    // The topic asked of a people's government alone comes and goes with the kind of agency, as it is chosen.
    const assessment = page.getByLabel('（六）工作考核、社会评议和责任追究结果情况', { exact: true });
    await page.getByLabel('机关类型').selectOption('government');
    await assessment.waitFor({ state: 'visible' });
    await page.getByLabel('机关类型').selectOption('department');
    await assessment.waitFor({ state: 'detached' });
    const f2021 = formatById('gb-2021')!;
    const input = (row: string, col: string) => page.getByLabel(cellAccessibleName(f2021.table('requests'), row, col), { exact: true });
    const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));

    await input('A1', 'NP').click();
    await page.keyboard.type('7');
    await page.keyboard.press('ArrowRight');
    expect(await focusedName()).toBe('一、本年新收政府信息公开申请数量 商业企业');
    await page.keyboard.press('Enter');
    expect(await focusedName()).toBe('二、上年结转政府信息公开申请数量 商业企业');
    await page.keyboard.press('End');
    expect(await focusedName()).toBe('二、上年结转政府信息公开申请数量 其他');
    await page.keyboard.press('ArrowRight'); // the computed 总计 is not a stop
    expect(await focusedName()).toBe('二、上年结转政府信息公开申请数量 其他');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowUp');
    expect(await focusedName()).toBe('一、本年新收政府信息公开申请数量 自然人');
    // Focusing a cell selects its content: typing replaces it.
    await page.keyboard.type('9');
    await expect.poll(() => input('A1', 'NP').inputValue()).toBe('9');
    // So does clicking into it, from another cell or in the cell just typed into (a slip mended by a click and
    // the right digit, not "79"); a click on the value already selected places the caret within it.
    await input('A2', 'NP').click();
    await input('A1', 'NP').click();
    await page.keyboard.type('8');
    await expect.poll(() => input('A1', 'NP').inputValue()).toBe('8');
    await input('A1', 'NP').click();
    await page.keyboard.type('7');
    await expect.poll(() => input('A1', 'NP').inputValue()).toBe('7');
    await input('A1', 'NP').click();
    await input('A1', 'NP').click({ position: { x: 2, y: 5 } });
    await page.keyboard.type('1');
    await expect.poll(() => input('A1', 'NP').inputValue()).toBe('17');
    await input('A1', 'NP').click();
    await page.keyboard.type('9');
    await expect.poll(() => input('A1', 'NP').inputValue()).toBe('9');
    // A cell reached by keyboard is not left hidden under the sticky header: with 一's row scrolled under it,
    // ArrowUp from 二 brings the cell out below the header.
    await input('A2', 'NP').focus();
    const rowTop = await input('A1', 'NP').evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    await page.evaluate((y) => window.scrollTo(0, y - 40), rowTop);
    await page.keyboard.press('ArrowUp');
    expect(await focusedName()).toBe('一、本年新收政府信息公开申请数量 自然人');
    const header = (await page.locator('header.topbar').boundingBox())!;
    expect((await input('A1', 'NP').boundingBox())!.y).toBeGreaterThanOrEqual(header.y + header.height);
    // Nor is the top of the navigation, whose sticky place follows the header's height (two lines here).
    expect((await page.locator('nav.side-nav').boundingBox())!.y).toBeGreaterThanOrEqual(header.y + header.height);

    const requestsPart = page.locator('#part-requests');
    await requestsPart.getByRole('button', { name: '空白单元格填 0' }).click();
    await expect.poll(() => input('B6.2', 'LAW').inputValue()).toBe('0');
    await expect.poll(() => page.getByLabel(`${cellAccessibleName(f2021.table('requests'), 'A1', 'TOT')}（自动计算）`).inputValue()).toBe('9');
    // 一 = 9 but nothing was handled: the balance of 自然人 fails.
    await expect.poll(() => requestsPart.locator('.summary').innerText()).toContain('「自然人」列');
    await requestsPart.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => input('B6.2', 'LAW').inputValue()).toBe('');
    await expect.poll(() => input('A1', 'NP').inputValue()).toBe('9');

    const other = page.locator('#part-other');
    await expect.poll(() => other.locator('.summary').innerText()).toContain('未说明信息处理费');
    await page.getByLabel('发出收费通知（件）').fill('1');
    await page.getByLabel('收费通知总金额（元）').fill('380');
    await page.getByLabel('实际收取总金额（元）').fill('380');
    await other.getByRole('button', { name: '写入标准表述' }).click();
    await expect
      .poll(() => page.getByLabel('其他需要报告的事项', { exact: true }).inputValue())
      .toBe('本年度共发出信息处理费收费通知1件，涉及金额380元，实际收取信息处理费380元。');
    await expect
      .poll(() =>
        other
          .locator('.summary')
          .allInnerTexts()
          .then((t) => t.join('')),
      )
      .not.toContain('信息处理费');
    await context.close();
  }, 60_000);

  it('previews the report, exports DOCX, TXT and HTML (asking first while errors remain), and opens the DOCX as a draft', async () => {
    const savedDraft = await pageSavedDraft();
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 1000 } });
    watchRequests(context);
    const cspViolations = await watchCsp(context);
    const page = await context.newPage();
    await page.goto(`${served.origin}/`);
    await page.getByTestId('open-draft').setInputFiles({ name: 'draft.json', mimeType: 'application/json', buffer: Buffer.from(savedDraft) });
    await cellInput(page, 'requests', 'B4.1', 'NP').waitFor();
    const scripts = new Set<string>();
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.add(r.url());
    });

    await page.getByRole('button', { name: '预览报告' }).click();
    const frame = page.frameLocator('iframe.preview-frame');
    await expect.poll(() => frame.locator('h1').innerText()).toContain('北京市丰台区人民政府');
    await expect.poll(() => frame.locator('table').count()).toBe(7);
    await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();

    const title = '北京市丰台区人民政府2020年政府信息公开工作年度报告';
    const download = async (button: string) => {
      const pending = page.waitForEvent('download');
      await page.getByRole('button', { name: button }).click();
      const d = await pending;
      return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
    };
    // The preview loaded the report's renderers; the docx library is not loaded before the first DOCX export.
    const docxLibrary = (u: string) => /\/docx-[^/]*\.js$/.test(u);
    expect([...scripts].filter(docxLibrary)).toEqual([]);
    const docx = await download('导出 DOCX');
    expect(docx.name).toBe(`${title}.docx`);
    expect([...scripts].some(docxLibrary)).toBe(true); // the docx library, loaded on demand
    const txt = await download('导出 TXT');
    expect(txt.name).toBe(`${title}.txt`);
    expect(txt.bytes.toString('utf8')).toContain('四、结转下年度继续办理');
    const html = await download('导出 HTML');
    expect(html.name).toBe(`${title}.html`);
    expect(html.bytes.toString('utf8')).toContain('<th scope="rowgroup" rowspan="20">三、本年度办理结果</th>');

    // With an error in the tables, exporting asks first.
    await cellInput(page, 'requests', 'C', 'NP').fill('80');
    await page.getByRole('button', { name: '导出 TXT' }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: '报告中还有错误' });
    await expect.poll(() => confirm.innerText()).toContain('2 个错误');
    await confirm.getByRole('button', { name: '返回修改' }).click();

    // The exported DOCX opens as the draft it was made from.
    await page
      .getByTestId('open-draft')
      .setInputFiles({ name: `${title}.docx`, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx.bytes });
    await expect.poll(() => cellInput(page, 'requests', 'C', 'NP').inputValue()).toBe('86');
    await expect.poll(async () => JSON.parse((await page.evaluate(() => localStorage.getItem('nianbao.draft'))) ?? 'null')).toEqual(JSON.parse(savedDraft));
    // The preview, the lazily loaded export and the import all run under the page's strict policy.
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 90_000);

  it('on a laptop screen (1280 or 1024 pixels wide) every table fits, its 总计 column on screen without scrolling sideways', async () => {
    for (const width of [1280, 1024]) {
      const context = await browser.newContext({ viewport: { width, height: 720 } });
      watchRequests(context);
      const page = await context.newPage();
      await page.goto(`${served.origin}/`);
      await page.getByTestId('open-draft').setInputFiles(new URL('../fixtures/full-2021.draft.json', import.meta.url).pathname);
      await page.getByRole('status').filter({ hasText: '已打开草稿' }).waitFor();
      const overflowing = await page.evaluate(() =>
        [...document.querySelectorAll('.table-scroll')].filter((s) => s.scrollWidth > s.clientWidth).map((s) => s.querySelector('table')!.className),
      );
      expect(overflowing).toEqual([]);
      // The full 2021 report, its totals computed.
      const total = page.getByLabel(`${cellAccessibleName(formatById('gb-2021')!.table('requests'), 'A1', 'TOT')}（自动计算）`);
      await total.scrollIntoViewIfNeeded();
      const box = (await total.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      expect(await total.inputValue()).toBe('58');
      await context.close();
    }
  }, 60_000);

  it('made no request to another origin', () => {
    expect(foreignRequests).toEqual([]);
  });
});
