import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatById } from '../../src/format/registry';
import { blankDraft, setCell, withComputedTotals, SCHEMA_VERSION, cellValue } from '../../src/model/draft';
import { draftToJson, readDraftText } from '../../src/model/draftFile';
import { createI18n, fileProblemMessage } from '../../src/i18n';

const gb2021 = formatById('gb-2021')!;
const seed = (n: string) => readFileSync(new URL(`../fixtures/seeds/${n}.draft.json`, import.meta.url), 'utf8');

describe('the draft', () => {
  it('round-trips through its JSON file unchanged', () => {
    for (const n of ['000', '001', '002', '003', '004']) {
      const result = readDraftText(seed(n));
      expect(result.ok, n).toBe(true);
      if (result.ok) expect(draftToJson(result.draft)).toBe(seed(n));
    }
  });

  it('keeps blank cells blank and computes the totals of an authored draft', () => {
    let draft = blankDraft(gb2021, { reportYear: 2024, agencyName: '某某局' });
    expect(cellValue(withComputedTotals(gb2021, draft), 'requests/A1/TOT')).toBe('');
    for (const [col, v] of [
      ['NP', '3'],
      ['BIZ', '1'],
      ['SCI', '0'],
      ['NGO', '0'],
      ['LAW', '0'],
    ] as const) {
      draft = setCell(draft, `requests/A1/${col}`, v);
    }
    // One part (其他) is still blank: the total is unknown, not 4.
    expect(cellValue(withComputedTotals(gb2021, draft), 'requests/A1/TOT')).toBe('');
    draft = setCell(draft, 'requests/A1/OTH', '2');
    expect(cellValue(withComputedTotals(gb2021, draft), 'requests/A1/TOT')).toBe('6');
  });

  it('keeps the totals of an imported report as printed', () => {
    const result = readDraftText(seed('001'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const wrong = setCell(result.draft, 'requests/A1/TOT', '1092');
    expect(cellValue(withComputedTotals(formatById('bj-2019')!, wrong), 'requests/A1/TOT')).toBe('1092');
  });

  it('migrates a version 1 draft (numbers, null for blank, no totals mode)', () => {
    const v1 = {
      schemaVersion: 1,
      formatId: 'gb-2021',
      agency: { name: '某某县司法局', kind: 'department', region: 'national' },
      reportYear: 2022,
      publicationDate: '2023-01-20',
      sections: { problems: { text: '问题' } },
      cells: { requests: { A1: { NP: 5, BIZ: 0, SCI: null, NGO: 0, LAW: 0, OTH: 0, TOT: 99 } }, art20_8: { fees: { amount: 1.5 } } },
      acknowledged: [],
    };
    const result = readDraftText(JSON.stringify(v1));
    expect(result).toMatchObject({ ok: true, migratedFrom: 1 });
    if (!result.ok) return;
    expect(result.draft.schemaVersion).toBe(SCHEMA_VERSION);
    expect(result.draft.totals).toBe('computed');
    expect(result.draft.cells.requests!.A1).toEqual({ NP: '5', BIZ: '0', SCI: '', NGO: '0', LAW: '0', OTH: '0', TOT: '' });
    expect(result.draft.cells.art20_8!.fees!.amount).toBe('1.5');
    expect(result.draft.cells.requests!.C!.NP).toBe('');
    expect(result.draft.sections.problems.text).toBe('问题');
  });

  const t = createI18n('zh-CN').t;
  const problemsOf = (text: string) => {
    const r = readDraftText(text);
    expect(r.ok).toBe(false);
    return r.ok ? [] : r.problems.map((p) => fileProblemMessage(t, p));
  };

  it('explains, in the clerk’s language, why a damaged or foreign file is not a draft', () => {
    expect(problemsOf('{"schemaVersion": 2, "formatId": "gb-20')[0]).toMatch(/不是有效的 JSON/);
    expect(problemsOf('[1,2,3]')[0]).toMatch(/不是年报草稿/);
    expect(problemsOf('{"name": "x"}')[0]).toMatch(/不是年报草稿/);
    expect(problemsOf(JSON.stringify({ schemaVersion: 99, formatId: 'gb-2021' }))[0]).toMatch(/更新版本/);
    expect(problemsOf(JSON.stringify({ schemaVersion: 2, formatId: 'zz-1999' }))[0]).toMatch(/未知的报告格式“zz-1999”/);
  });

  it('names the cell a bad value sits in by its printed labels', () => {
    const draft = JSON.parse(seed('001'));
    draft.cells.requests['B3.1'].NP = 5;
    draft.cells.requests.ZZ = { NP: '1' };
    const messages = problemsOf(JSON.stringify(draft));
    expect(messages).toContain('三、收到和处理政府信息公开申请情况 · 三、本年度办理结果/（三）不予公开/1.属于国家秘密 · 自然人：内容类型不对。');
    expect(messages.some((m) => m.includes('有不属于该格式的项目（ZZ）'))).toBe(true);
  });

  it('rejects an impossible date and a year out of range', () => {
    const draft = JSON.parse(seed('004'));
    draft.publicationDate = '2021-02-30';
    draft.reportYear = 1900;
    expect(problemsOf(JSON.stringify(draft)).sort()).toEqual(['发布日期：格式不对。', '报告年度：内容过短或数值过小。'].sort());
  });

  it('does not let __proto__ in a file reach the app’s objects', () => {
    const text = seed('000').replace('"schemaVersion": 2,', '"schemaVersion": 2, "__proto__": {"polluted": true},');
    const r = readDraftText(text);
    expect(r.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const nested = seed('000').replace('"A1": {', '"A1": {"__proto__": {"polluted": true}, ');
    expect(readDraftText(nested).ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a file too large to be a draft before parsing it', () => {
    expect(problemsOf(' '.repeat(17 * 1024 * 1024))[0]).toMatch(/超过 16 MB/);
    // Counted in bytes, as the page counts a file: 6 million characters of 3 bytes each are 18 MB.
    expect(problemsOf(`"${'长'.repeat(6_000_000)}"`)[0]).toMatch(/超过 16 MB/);
  });
});
