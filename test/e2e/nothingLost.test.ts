/**
 * Nothing lost: closing the page in the middle of typing, two tabs on the same draft, a browser store that is
 * full or refused.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { start2021, servedApp } from './browser';
import { formatById } from '../../src/format/registry';
import { cellAccessibleName } from '../../src/format/labels';

const app = servedApp();
const f = formatById('gb-2021')!;
const cell = (page: Page, row: string, col: string) => page.getByLabel(cellAccessibleName(f.table('requests'), row, col), { exact: true });
/** The draft the browser holds (the page stores a change within a second). */
const storedDraft = async (page: Page) =>
  JSON.parse((await page.evaluate(() => localStorage.getItem('nianbao.draft'))) ?? 'null') as {
    agency: { name: string };
    cells: { requests: { A1: Record<string, string> } };
  } | null;

describe('nothing is lost', () => {
  it('closing the page in the middle of typing loses at most the last second', async () => {
    const context = await app.browser.newContext();
    let page = await context.newPage();
    await start2021(page, app.served.origin);
    await cell(page, 'A1', 'NP').fill('12');
    await page.getByLabel('机关名称').fill('示例县交通运输局');
    await expect.poll(async () => (await storedDraft(page))?.agency.name).toBe('示例县交通运输局');
    await cell(page, 'A1', 'BIZ').pressSequentially('345');
    await page.close(); // no goodbye: straight after the keystrokes
    page = await context.newPage();
    await page.goto(`${app.served.origin}/`);
    await expect.poll(() => cell(page, 'A1', 'NP').inputValue()).toBe('12');
    expect(await page.getByLabel('机关名称').inputValue()).toBe('示例县交通运输局');
    // The last keystrokes were typed within the last second; whatever of them came back is what was typed.
    expect(['', '3', '34', '345']).toContain(await cell(page, 'A1', 'BIZ').inputValue());
    await context.close();
  }, 60_000);

  it('leaving with changes that are only in the browser asks first; after saving the file it does not', async () => {
    const context = await app.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await start2021(page, app.served.origin);
    await cell(page, 'A1', 'NP').fill('8');
    await expect.poll(async () => (await storedDraft(page))?.cells.requests.A1.NP).toBe('8');
    const asked: string[] = [];
    page.on('dialog', (d) => {
      asked.push(d.type());
      void d.dismiss();
    });
    // A reload stands in for leaving: the page asks, the clerk stays.
    await page.evaluate(() => location.reload()).catch(() => undefined);
    await expect.poll(() => asked).toEqual(['beforeunload']);
    expect(await cell(page, 'A1', 'NP').inputValue()).toBe('8');
    const pending = page.waitForEvent('download');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await pending;
    await page.evaluate(() => location.reload()).catch(() => undefined);
    await page.waitForLoadState();
    // Reloaded without asking again: the page is back, no second question.
    await page.getByText('年报助手').first().waitFor();
    expect(asked).toEqual(['beforeunload']);
    await context.close();
  }, 60_000);

  it('two tabs on the same draft: one takes the other’s changes, and a clash is never settled silently', async () => {
    const context = await app.browser.newContext();
    const a = await context.newPage();
    await start2021(a, app.served.origin);
    await cell(a, 'A1', 'NP').fill('5');
    await expect.poll(async () => (await storedDraft(a))?.cells.requests.A1.NP).toBe('5');
    const b = await context.newPage();
    await b.goto(`${app.served.origin}/`);
    await expect.poll(() => cell(b, 'A1', 'NP').inputValue()).toBe('5');

    // B changes a cell; A, with nothing of its own unsaved, takes B's version and says so.
    await cell(b, 'A1', 'BIZ').fill('7');
    await expect.poll(() => cell(a, 'A1', 'BIZ').inputValue()).toBe('7');
    await expect.poll(() => a.getByRole('status').filter({ hasText: '另一个标签页' }).count()).toBe(1);

    // Both change at once (within the moment before either stores its change): the tab that learns of the
    // other's change while holding one of its own asks and stops saving. If the two changes happen to be
    // stored one after the other, each tab takes the other's and both values survive. Never is one lost unseen.
    await Promise.all([cell(a, 'A1', 'SCI').fill('1'), cell(b, 'A1', 'NGO').fill('2')]);
    const clashA = a.getByRole('alert').filter({ hasText: '另一个标签页刚修改了同一份草稿' });
    const clashB = b.getByRole('alert').filter({ hasText: '另一个标签页刚修改了同一份草稿' });
    // Wait for the tabs to settle (however slow the machine): one asks while the other's change is stored,
    // both ask, or both hold both changes.
    const outcome = async (): Promise<string> => {
      const [ca, cb] = [await clashA.count(), await clashB.count()];
      const stored = JSON.parse((await a.evaluate(() => localStorage.getItem('nianbao.draft')))!).cells.requests.A1;
      if (ca > 0 && cb > 0) return 'both ask';
      if (ca > 0) return stored.NGO === '2' ? 'a asks' : 'pending';
      if (cb > 0) return stored.SCI === '1' ? 'b asks' : 'pending';
      const merged = (await cell(a, 'A1', 'NGO').inputValue()) === '2' && (await cell(b, 'A1', 'SCI').inputValue()) === '1';
      return merged ? 'merged' : 'pending';
    };
    await expect.poll(outcome, { timeout: 15_000 }).not.toBe('pending');
    const settled = await outcome();
    const asking = settled === 'a asks' ? a : settled === 'b asks' ? b : null;
    if (settled === 'both ask') {
      // Neither wrote over the other: each still shows its own change and offers the other's.
      expect(await cell(a, 'A1', 'SCI').inputValue()).toBe('1');
      expect(await cell(b, 'A1', 'NGO').inputValue()).toBe('2');
    } else if (asking) {
      const other = asking === a ? b : a;
      // The asking tab still shows its own change; it has not written over the other's.
      expect(await cell(asking, 'A1', asking === a ? 'SCI' : 'NGO').inputValue()).toBe(asking === a ? '1' : '2');
      const stored = JSON.parse((await other.evaluate(() => localStorage.getItem('nianbao.draft')))!);
      expect(stored.cells.requests.A1[asking === a ? 'NGO' : 'SCI']).toBe(asking === a ? '2' : '1');
      await asking
        .getByRole('alert')
        .getByRole('button', { name: /载入另一标签页的版本/ })
        .click();
      await expect.poll(() => cell(asking, 'A1', asking === a ? 'NGO' : 'SCI').inputValue()).toBe(asking === a ? '2' : '1');
    } else {
      for (const page of [a, b]) {
        expect(await cell(page, 'A1', 'SCI').inputValue()).toBe('1');
        expect(await cell(page, 'A1', 'NGO').inputValue()).toBe('2');
      }
    }

    // The clash itself, made certain: another tab's write arrives while this tab's change is not yet stored.
    // First the tabs settle: tab A's store holds what A shows.
    const storedA1 = () => a.evaluate(() => JSON.parse(localStorage.getItem('nianbao.draft') ?? 'null')?.cells?.requests?.A1);
    const shownA1 = async () => ({ SCI: await cell(a, 'A1', 'SCI').inputValue(), NGO: await cell(a, 'A1', 'NGO').inputValue() });
    await expect
      .poll(async () => {
        const [stored, shown] = [await storedA1(), await shownA1()];
        return stored?.SCI === shown.SCI && stored?.NGO === shown.NGO;
      })
      .toBe(true);
    const theirs = JSON.parse((await a.evaluate(() => localStorage.getItem('nianbao.draft')))!);
    theirs.cells.requests.A1.LAW = '4';
    await cell(a, 'A1', 'OTH').pressSequentially('9');
    await a.evaluate((json) => {
      localStorage.setItem('nianbao.draft.writer', 'another-tab');
      localStorage.setItem('nianbao.draft.base', 'something-else');
      window.dispatchEvent(new StorageEvent('storage', { key: 'nianbao.draft', newValue: json }));
    }, JSON.stringify(theirs));
    const clash = a.getByRole('alert').filter({ hasText: '另一个标签页刚修改了同一份草稿' });
    await clash.waitFor();
    // Nothing may be written now; what shows it is the store unchanged after longer than the autosave's delay.
    await a.waitForTimeout(600);
    // Saving stopped: this tab's 9 has not been written over the store.
    expect(JSON.parse((await a.evaluate(() => localStorage.getItem('nianbao.draft')))!).cells.requests.A1.OTH).not.toBe('9');
    await clash.getByRole('button', { name: /保留本页的版本/ }).click();
    await expect.poll(async () => JSON.parse((await a.evaluate(() => localStorage.getItem('nianbao.draft')))!).cells.requests.A1.OTH).toBe('9');
    expect(await cell(a, 'A1', 'LAW').inputValue()).toBe('');
    await context.close();
  }, 60_000);

  it('a full browser store is reported, the work stays on screen and can be downloaded', async () => {
    const context = await app.browser.newContext({ acceptDownloads: true });
    await context.addInitScript(() => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key === 'nianbao.draft') throw new DOMException('full', 'QuotaExceededError');
        return original.call(this, key, value);
      };
    });
    const page = await context.newPage();
    await start2021(page, app.served.origin);
    await cell(page, 'A1', 'NP').fill('42');
    const alert = page.getByRole('alert').filter({ hasText: '浏览器存储空间已满' });
    await alert.waitFor();
    expect(await cell(page, 'A1', 'NP').inputValue()).toBe('42');
    const pending = page.waitForEvent('download');
    await alert.getByRole('button', { name: '保存草稿' }).click();
    const saved = JSON.parse(readFileSync((await (await pending).path())!, 'utf8'));
    expect(saved.cells.requests.A1.NP).toBe('42');
    await context.close();
  }, 60_000);

  it('a browser that refuses storage altogether still works and says so', async () => {
    const context = await app.browser.newContext();
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('denied', 'SecurityError');
        },
      });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await start2021(page, app.served.origin);
    await cell(page, 'A1', 'NP').fill('3');
    await page.getByRole('alert').filter({ hasText: '浏览器不允许自动保存草稿' }).waitFor();
    expect(await cell(page, 'A1', 'NP').inputValue()).toBe('3');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
