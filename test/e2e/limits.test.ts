/**
 * Whatever the page accepts, it gives back: over-long entries, a slip in the date control, the year after the
 * last one, a damaged or newer stored draft, a half-million-row paste; and a property test of random edits,
 * each followed by reload, save to file and open.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Page } from 'playwright-core';
import { pasteIntoFocused, start2021, servedApp } from './browser';
import { formatById } from '../../src/format/registry';
import { cellAccessibleName } from '../../src/format/labels';
import { LIMITS } from '../../src/model/limits';

const app = servedApp();
const f = formatById('gb-2021')!;
const cell = (page: Page, row: string, col: string) => page.getByLabel(cellAccessibleName(f.table('requests'), row, col), { exact: true });
const stored = async (page: Page) => page.evaluate(() => localStorage.getItem('nianbao.draft'));
/** The draft the browser holds, once it is there (the page stores a change within a second). */
const storedDraft = async (page: Page) =>
  JSON.parse((await stored(page)) ?? 'null') as {
    publicationDate: string;
    agency: { name: string };
    cells: { requests: { A1: Record<string, string> } };
  } | null;

/** Reloads without the leave prompt (the tests save nothing to a file) and waits for the page to be back. */
async function reload(page: Page) {
  const accept = (d: { accept(): Promise<void> }) => void d.accept().catch(() => undefined);
  page.on('dialog', accept);
  await page.reload();
  page.off('dialog', accept);
  await page.getByLabel('机关名称').waitFor();
}

async function saveFile(page: Page): Promise<string> {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: '保存草稿' }).click();
  return readFileSync((await (await pending).path())!, 'utf8');
}

async function openFile(page: Page, json: string) {
  await page.getByTestId('open-draft').setInputFiles({ name: 'd.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await page.getByRole('status').filter({ hasText: '已打开' }).waitFor();
}

describe('whatever the page accepts, it gives back', () => {
  it('65 digits in a cell, a 201-character agency name: the page keeps what fits, says so, and the draft comes back after a reload', async () => {
    const context = await app.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await start2021(page, app.served.origin);
    await cell(page, 'A1', 'NP').fill('1'.repeat(65));
    expect(await cell(page, 'A1', 'NP').inputValue()).toBe('1'.repeat(LIMITS.cell));
    await page.getByLabel('机关名称').fill('局'.repeat(201));
    expect(await page.getByLabel('机关名称').inputValue()).toBe('局'.repeat(LIMITS.agencyName));
    await page
      .getByRole('status')
      .filter({ hasText: `已达到 ${LIMITS.agencyName} 个字符的上限` })
      .waitFor();
    await reload(page);
    expect(await page.getByTestId('unreadable-stored').count()).toBe(0);
    expect(await page.getByLabel('机关名称').inputValue()).toBe('局'.repeat(LIMITS.agencyName));
    expect(await cell(page, 'A1', 'NP').inputValue()).toBe('1'.repeat(LIMITS.cell));
    // The cell holds what fits, and the checks say it is not a count.
    await expect.poll(() => page.locator('#part-requests .summary').innerText()).toContain('过长');
    // The page's own file opens again.
    const json = await saveFile(page);
    await openFile(page, json);
    expect(await stored(page)).toBe(json);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('a slip in the date control (a five-digit year) is said at the field and never stored; the last good date stays', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await start2021(page, app.served.origin);
    const date = page.getByLabel('发布日期');
    await date.fill('2025-01-20');
    await expect.poll(async () => (await storedDraft(page))?.publicationDate).toBe('2025-01-20');
    await date.evaluate((el: HTMLInputElement) => {
      // What Chromium's date control hands over when the clerk keeps typing in its year field (01, 20, 20261).
      // Set as the control sets it, through the element's own setter, so React sees the change.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, '20261-01-20');
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.getByRole('alert').filter({ hasText: '日期不完整或超出范围' }).waitFor();
    // A later change is stored; the refused date never is.
    await page.getByLabel('机关名称').fill('日期局');
    await expect.poll(async () => (await storedDraft(page))?.agency.name).toBe('日期局');
    expect((await storedDraft(page))!.publicationDate).toBe('2025-01-20');
    await reload(page);
    expect(await page.getByTestId('unreadable-stored').count()).toBe(0);
    expect(await page.getByLabel('发布日期').inputValue()).toBe('2025-01-20');
    await context.close();
  }, 60_000);

  it('next year’s draft from a 2100 report is refused with a message; the draft stays and survives a reload', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await start2021(page, app.served.origin);
    await page.getByLabel('报告年度').fill('2100');
    await page.getByLabel('机关名称').fill('远年局');
    await page.getByRole('button', { name: '生成下一年度草稿' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '生成' }).click();
    await page.getByRole('alert').filter({ hasText: '2100 年度之后没有可用的报告格式' }).waitFor();
    expect(await page.getByLabel('报告年度').inputValue()).toBe('2100');
    await reload(page);
    expect(await page.getByTestId('unreadable-stored').count()).toBe(0);
    expect(await page.getByLabel('报告年度').inputValue()).toBe('2100');
    expect(await page.getByLabel('机关名称').inputValue()).toBe('远年局');
    await context.close();
  }, 60_000);

  it('a damaged stored draft is kept as a backup, offered for download, and what can be read is recovered', async () => {
    const context = await app.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await start2021(page, app.served.origin);
    await page.getByLabel('机关名称').fill('受损局');
    await cell(page, 'A1', 'NP').fill('12');
    await expect.poll(async () => (await storedDraft(page))?.cells.requests.A1.NP).toBe('12');
    const good = JSON.parse((await stored(page))!);
    // Damaged by hand: a cell over its limit, a bad date and a newer schema version.
    good.schemaVersion = 99;
    good.publicationDate = '20261-01-01';
    good.cells.requests.A1.BIZ = '9'.repeat(80);
    const damaged = JSON.stringify(good);
    await page.evaluate((text) => localStorage.setItem('nianbao.draft', text), damaged);
    await reload(page);
    const banner = page.getByTestId('unreadable-stored');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('99');
    // Kept untouched under a backup key before anything could write over it; a keystroke does not lose it.
    await page.getByLabel('机关名称').fill('新的一份');
    await expect.poll(async () => (await storedDraft(page))?.agency.name).toBe('新的一份');
    const backups = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('nianbao.draft.backup.'))
        .map((k) => localStorage.getItem(k)),
    );
    expect(backups).toEqual([damaged]);
    const pending = page.waitForEvent('download');
    await banner.getByRole('button', { name: '下载无法打开的草稿' }).click();
    expect(readFileSync((await (await pending).path())!, 'utf8')).toBe(damaged);
    await banner.getByRole('button', { name: '恢复其中可读取的内容' }).click();
    await expect.poll(() => page.getByLabel('机关名称').inputValue()).toBe('受损局');
    expect(await cell(page, 'A1', 'NP').inputValue()).toBe('12');
    const note = await page.getByRole('status').filter({ hasText: '已恢复可读取的内容' }).innerText();
    expect(note).toContain('发布日期');
    expect(note).toContain('商业企业');
    await context.close();
  }, 60_000);

  it('a stored draft that is not even JSON is still kept and can be downloaded', async () => {
    const context = await app.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${app.served.origin}/`);
    await page.evaluate(() => localStorage.setItem('nianbao.draft', '{"schemaVersion":2,"cells":{"requ'));
    await reload(page);
    const banner = page.getByTestId('unreadable-stored');
    await banner.waitFor();
    await banner.getByRole('button', { name: '恢复其中可读取的内容' }).click();
    await page.getByRole('alert').filter({ hasText: '无法恢复' }).waitFor();
    const backups = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('nianbao.draft.backup.'))
        .map((k) => localStorage.getItem(k)),
    );
    expect(backups).toEqual(['{"schemaVersion":2,"cells":{"requ']);
    await context.close();
  }, 60_000);

  it('an import runs in a worker, shows its stage and can be stopped, leaving the page as it was', async () => {
    const context = await app.browser.newContext();
    // A worker that never answers stands in for a very long report.
    await context.addInitScript(() => {
      const Real = window.Worker;
      (window as unknown as { __workers: string[] }).__workers = [];
      window.Worker = class extends Real {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          (window as unknown as { __workers: string[] }).__workers.push(String(url));
        }
        override postMessage() {
          // swallowed: the import never finishes on its own
        }
      } as typeof Worker;
    });
    const page = await context.newPage();
    await start2021(page, app.served.origin);
    await page.getByLabel('机关名称').fill('原来的局');
    await page.getByRole('button', { name: '导入已发布的报告' }).click();
    await page.getByTestId('import-file').setInputFiles({ name: 'r.txt', mimeType: 'text/plain', buffer: Buffer.from('一、总体情况\n……') });
    const progress = page.getByRole('dialog').getByRole('status').filter({ hasText: '正在读取文件' });
    await progress.waitFor();
    expect(await page.evaluate(() => (window as unknown as { __workers: string[] }).__workers)).toEqual([expect.stringMatching(/importWorker/)]);
    await progress.getByRole('button', { name: '停止' }).click();
    await page.getByRole('dialog').getByRole('alert').filter({ hasText: '已停止读取' }).waitFor();
    expect(await page.getByLabel('机关名称').inputValue()).toBe('原来的局');
    await context.close();
  }, 60_000);

  it('a 500,000-row paste gets a message and changes nothing; no uncaught error', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await start2021(page, app.served.origin);
    await cell(page, 'A1', 'NP').fill('5');
    await cell(page, 'A1', 'NP').focus();
    await pasteIntoFocused(page, Array.from({ length: 500_000 }, (_, i) => `${i}\t1`).join('\n'));
    await page.getByText('粘贴的内容有 500,000 行').waitFor();
    expect(await cell(page, 'A1', 'NP').inputValue()).toBe('5');
    // Said where the clerk is: on screen with the cell, not under the table's last row out of sight.
    const onScreen = (box: { y: number; height: number } | null) => box !== null && box.y >= 0 && box.y + box.height <= page.viewportSize()!.height;
    const typedIn = await cell(page, 'A1', 'NP').boundingBox();
    expect(onScreen(typedIn)).toBe(true);
    const said = await page.getByText('粘贴的内容有 500,000 行').boundingBox();
    expect(onScreen(said)).toBe(true);
    // and not over the cell: a focused cell is kept above the message's place at the screen's foot.
    expect(typedIn!.y + typedIn!.height).toBeLessThanOrEqual(said!.y);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});

/** Strings a clerk's keyboard, clipboard or a pasted document can bring. */
const oddString = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '１２３',
    '1,092',
    '+214',
    '12件',
    '',
    ' ',
    '😀🏛️',
    '\u200f\u202eRTL',
    '\u0001\u0008控制',
    '\ud800孤',
    'a\uDC00',
    "$&$'{{year}}",
    '<b>&amp;</b>',
    '”“——……',
  ),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.nat({ max: 300 }).map((n) => '长'.repeat(n)),
);

type Edit =
  | { kind: 'cell'; row: number; col: number; value: string }
  | { kind: 'paste'; row: number; col: number; block: string }
  | { kind: 'name' | 'text'; value: string }
  | { kind: 'clear' };

const CELL_ROWS = ['A1', 'A2', 'B1', 'B2', 'C'];
const CELL_COLS = ['NP', 'BIZ', 'SCI', 'NGO', 'LAW', 'OTH'];

describe('a property of the page’s own edits', () => {
  it('after any sequence of typing, pasting and clearing, reload gives the draft back, and save-to-file then open gives it back', async () => {
    const context = await app.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await start2021(page, app.served.origin);
    const edit = fc.oneof(
      fc.record({
        kind: fc.constant('cell' as const),
        row: fc.nat({ max: CELL_ROWS.length - 1 }),
        col: fc.nat({ max: CELL_COLS.length - 1 }),
        value: oddString,
      }),
      fc.record({ kind: fc.constantFrom('name' as const, 'text' as const), value: oddString }),
      fc.constant({ kind: 'clear' as const }),
      // A block copied from a spreadsheet (rows of tab-separated values), sometimes holding a value that is not a number.
      fc.record({
        kind: fc.constant('paste' as const),
        row: fc.nat({ max: CELL_ROWS.length - 1 }),
        col: fc.nat({ max: CELL_COLS.length - 1 }),
        block: fc
          .array(fc.array(fc.oneof(fc.nat({ max: 9999 }).map(String), oddString), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 })
          .map((rows) => rows.map((r) => r.join('\t')).join('\n')),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), async (edits: Edit[]) => {
        for (const e of edits) {
          if (e.kind === 'cell') await cell(page, CELL_ROWS[e.row]!, CELL_COLS[e.col]!).fill(e.value);
          else if (e.kind === 'paste') {
            await cell(page, CELL_ROWS[e.row]!, CELL_COLS[e.col]!).focus();
            await pasteIntoFocused(page, e.block);
            // A block that fits opens a preview; take it when it comes (one that does not fit is refused).
            const apply = page.getByRole('dialog').getByRole('button', { name: '确认粘贴' });
            await apply.waitFor({ timeout: 500 }).then(
              () => apply.click(),
              () => undefined,
            );
          } else if (e.kind === 'name') await page.getByLabel('机关名称').fill(e.value);
          else if (e.kind === 'text') await page.locator('#field-sections-problems-text').fill(e.value);
          else await page.getByLabel('机关名称').fill('');
        }
        const before = {
          name: await page.getByLabel('机关名称').inputValue(),
          text: await page.locator('#field-sections-problems-text').inputValue(),
          cells: await Promise.all(CELL_ROWS.flatMap((r) => CELL_COLS.map((c) => cell(page, r, c).inputValue()))),
        };
        await reload(page);
        expect(await page.getByTestId('unreadable-stored').count()).toBe(0);
        const draft = await stored(page);
        const after = {
          name: await page.getByLabel('机关名称').inputValue(),
          text: await page.locator('#field-sections-problems-text').inputValue(),
          cells: await Promise.all(CELL_ROWS.flatMap((r) => CELL_COLS.map((c) => cell(page, r, c).inputValue()))),
        };
        // What was on screen comes back (a cell shows its normalised form once it has been left).
        expect(after.name).toBe(before.name);
        expect(after.text).toBe(before.text);
        const parsed = JSON.parse(draft!);
        expect(CELL_ROWS.flatMap((r) => CELL_COLS.map((c) => parsed.cells.requests[r][c]))).toEqual(after.cells);
        const json = await saveFile(page);
        expect(json).toBe(draft);
        await openFile(page, json);
        expect(await stored(page)).toBe(json);
      }),
      { numRuns: Number(process.env.PAGE_PROPERTY_RUNS ?? 60), seed: Number(process.env.PAGE_PROPERTY_SEED ?? 20261122), endOnFailure: true },
    );
    expect(errors).toEqual([]);
    await context.close();
  }, 600_000);
});
