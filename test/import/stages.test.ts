/**
 * The importer's stages one by one: positioned text into lines and cells (pdfLayout), text laid out with spaces
 * (monospace), finding a row's label as reports print it (labelMatch), and letting the row's arithmetic place
 * what the layout leaves open (inferRow).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutText, type TextItem } from '../../src/import/pdfLayout';
import { columnLayoutItems, isColumnLayout } from '../../src/import/monospace';
import { fold, foldWithout } from '../../src/import/folded';
import { findRowLabel } from '../../src/import/labelMatch';
import { inferRow } from '../../src/import/inferRow';
import { isTableValue } from '../../src/import/tokens';
import { importReport, LAYOUT_KNOWLEDGE } from '../../src/import/importer';
import { formatById } from '../../src/format/registry';

/** Items of one line: [x, text] pairs at baseline y on page p, 10 pt text, each character 10 pt wide. */
function line(page: number, y: number, ...parts: [number, string][]): TextItem[] {
  return parts.map(([x, text]) => ({ page, x, y, width: [...text].length * 10, size: 10, text }));
}

describe('positioned text into lines and cells', () => {
  it('keeps a blank cell in its column, by the columns of the rows that are full', () => {
    const items = [...line(1, 100, [20, '规章'], [200, '1'], [300, '2'], [400, '3']), ...line(1, 120, [20, '行政规范性文件'], [200, '4'], [400, '6'])];
    expect(layoutText(items).split('\n')).toEqual(['规章\t1\t2\t3', '行政规范性文件\t4\t\t6']);
  });

  it('joins a label wrapped around its values and drops the page number', () => {
    const items = [
      ...line(1, 100, [20, '1.属于国家秘密'], [200, '1'], [300, '1']),
      ...line(1, 120, [20, '2.其他法律行政法规']),
      ...line(1, 127, [200, '0'], [300, '0']),
      ...line(1, 134, [20, '禁止公开']),
      ...line(1, 800, [280, '— 3 —']),
    ];
    expect(layoutText(items, LAYOUT_KNOWLEDGE).split('\n')).toEqual(['1.属于国家秘密\t1\t1', '2.其他法律行政法规禁止公开\t0\t0']);
  });

  it('skips the header a table repeats at the top of the next page, and keeps that page’s rows in the columns', () => {
    const header = (page: number, y: number) => line(page, y, [200, '自然人'], [300, '法人'], [400, '总计']);
    const items = [
      ...header(1, 80),
      ...line(1, 100, [20, '一、本年新收'], [200, '1'], [300, '2'], [400, '3']),
      ...header(2, 40),
      ...line(2, 60, [20, '四、结转下年度继续办理'], [200, '5'], [400, '5']),
    ];
    expect(layoutText(items, LAYOUT_KNOWLEDGE).split('\n')).toEqual(['自然人\t法人\t总计', '一、本年新收\t1\t2\t3', '四、结转下年度继续办理\t5\t\t5']);
  });

  it('reads the blank cells of a row of values alone from its rhythm', () => {
    const items = line(1, 100, [20, '2'], [50, '0'], [110, '2'], [140, '1'], [170, '3']);
    expect(layoutText(items)).toBe('2\t0\t\t2\t1\t3');
  });
});

describe('text laid out with spaces (pdftotext -layout)', () => {
  const text = [
    '二、主动公开政府信息情况',
    ...Array.from({ length: 9 }, (_, i) => `规章${i}            ${i}      ${i + 1}      ${i + 2}`),
    '行政规范性文件       4              6',
  ].join('\n');

  it('is recognised and read by character columns, a blank kept in its column', () => {
    expect(isColumnLayout(text)).toBe(true);
    expect(isColumnLayout('一、总体情况\n我局认真贯彻。')).toBe(false);
    expect(layoutText(columnLayoutItems(text)).split('\n').at(-1)).toBe('行政规范性文件\t4\t\t6');
  });
});

describe('finding a row label as reports print it', () => {
  const find = (text: string, label: string) => {
    const f = foldWithout(text, isTableValue);
    const m = findRowLabel(f, label, 0, text.length);
    return m && { kind: m.kind, text: text.slice(m.start, m.end) };
  };

  it('numbered 1、, （1）, ①, 1．; with the parenthetical dropped; with spaces inside', () => {
    expect(find('1、属于国家秘密\t3', '1.属于国家秘密')).toEqual({ kind: 'variant', text: '1、属于国家秘密' });
    expect(find('（1）属于国家秘密\t3', '1.属于国家秘密')?.kind).toBe('variant');
    expect(find('①属于国家秘密\t3', '1.属于国家秘密')?.kind).toBe('variant');
    expect(find('1．属于国家秘密\t3', '1.属于国家秘密')?.kind).toBe('exact');
    expect(find('(二)部分公开\t3', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）')?.text).toBe('(二)部分公开');
    expect(find('结 果 维 持', '结果维持')?.kind).toBe('exact');
  });

  it('broken by its own values, or run through by a narrow merged cell’s text', () => {
    expect(find('规范性\t23\t21\t50\n文件', '规范性文件')).toEqual({ kind: 'exact', text: '规范性\t23\t21\t50\n文件' });
    expect(find('2.没有\n（四）现成信无法提息需要\t0\n供另行制作', '2.没有现成信息需要另行制作')?.kind).toBe('scattered');
  });

  it('does not take another row’s label for it', () => {
    expect(find('2.重复申请\t4', '1.信访举报投诉类申请')).toBeNull();
    expect(fold('（一）').text).toBe('(一)');
  });
});

describe('the arithmetic decides what the layout leaves open', () => {
  const f = formatById('gb-2021')!;
  const review = f.table('review');

  it('drops a stray number when exactly one choice adds up', () => {
    const found = ['1', '37', '9', '2', '5', '53', '27', '2', '3', '5', '37', '20', '0', '0', '0', '20'];
    const r = inferRow(f, review, 'cases', found);
    expect(r).toEqual({ ok: true, values: found.slice(1) });
  });

  it('refuses to choose where a blank could stand among a row’s parts, or where nothing adds up', () => {
    const requests = f.table('requests');
    // Six values for seven columns, the 总计 not printed: no placing makes the row add up.
    expect(inferRow(f, requests, 'A1', ['899', '48', '0', '4', '0', '5'])).toEqual({ ok: false, reason: 'none' });
    // A blank among the parts: every part could be it.
    expect(inferRow(f, requests, 'A1', ['899', '48', '4', '5', '956'])).toEqual({ ok: false, reason: 'several' });
    const zeros = inferRow(
      f,
      review,
      'cases',
      Array.from({ length: 10 }, () => '0'),
    );
    expect(zeros).toEqual({ ok: false, reason: 'several' });
    const none = inferRow(f, review, 'cases', ['1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1']);
    expect(none).toEqual({ ok: false, reason: 'none' });
  });

  it('in a whole import: the inferred cells are listed, the ambiguous row left blank with its reason', () => {
    const text = readFileSync(new URL('../../../shared/seeds/001_4ec32009cce65549.txt', import.meta.url), 'utf8').replace(
      '\n\t37\n\t9\n\t2\n',
      '\n\t1\n\t37\n\t9\n\t2\n',
    );
    const r = importReport(text);
    if (!r.ok) throw new Error(r.problem.key);
    expect(r.report.inferred).toHaveLength(15);
    expect(r.draft.cells.review!.cases!.RV_KEEP).toBe('37');
  });
});

describe('amounts as printed in 第二十条第（九）项', () => {
  const seed002 = readFileSync(new URL('../../../shared/seeds/002_6174a1d212494950.txt', import.meta.url), 'utf8');
  const withAmount = (amount: string) => seed002.replace('政府集中采购\t0\t0\t', `政府集中采购\t12\t${amount}\t`);

  it.each([
    ['24252.311082', '24252.311082', 'import.amountDecimals'],
    ['73802895.90元', '73802895.90', 'import.amountUnit'],
    ['3.5万元', '3.5', 'import.amountUnit'],
    ['1,234.5678', '1234.5678', null],
  ])('%s is kept as %s, with its note', (printed, stored, note) => {
    const r = importReport(withAmount(printed));
    if (!r.ok) throw new Error(r.problem.key);
    expect(r.draft.cells.art20_9!.procurement).toEqual({ projects: '12', amount: stored });
    const keys = r.report.notes.map((n) => n.key).filter((k) => k.startsWith('import.amount'));
    expect(keys).toEqual(note ? [note] : []);
    expect(r.report.problems).toEqual([]);
  });
});

describe('a later report printed on the 2019 template', () => {
  it('is read as printed, says so, and the checks find the wrong template', async () => {
    const { check } = await import('../../src/rules/engine');
    const seed002 = readFileSync(new URL('../../../shared/seeds/002_6174a1d212494950.txt', import.meta.url), 'utf8');
    const r = importReport(seed002.replace('2020 年政府信息公开工作', '2022 年政府信息公开工作'));
    if (!r.ok) throw new Error(r.problem.key);
    expect(r.draft.reportYear).toBe(2022);
    expect(r.draft.formatId).toBe('gb-2019');
    expect(r.report.placed).toBe(193);
    expect(r.report.notes.map((n) => n.key)).toContain('import.templateOfOtherYears');
    const found = check(formatById('gb-2019')!, r.draft).map((f) => f.rule);
    expect(found).toContain('format.wrong-year');
  });
});
