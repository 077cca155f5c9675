import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { check, recheck, type Change } from '../../src/rules/engine';
import { summarize, type Finding } from '../../src/rules/finding';
import { blankDraft, setCell, type Draft } from '../../src/model/draft';
import { createI18n, findingMessage } from '../../src/i18n';
import { consistentDraft, format, FORMAT_IDS, seedDraft, cellInput } from '../support/drafts';

const zh = createI18n('zh-CN').t;
const en = createI18n('en').t;
const byRule = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);
const arbitrarySeed = fc.integer({ min: 1, max: 2 ** 31 - 1 });
const severe = (findings: Finding[]) => findings.filter((f) => f.severity === 'error');

describe('findings on the seeds', () => {
  it('000 and 001 have no arithmetic error and no error at all', () => {
    for (const n of ['000', '001']) {
      const d = seedDraft(n);
      const findings = check(format(d.formatId), d);
      expect(severe(findings), n).toEqual([]);
      expect(
        findings.filter((f) => f.rule.startsWith('requests.') || f.rule.startsWith('review.')),
        n,
      ).toEqual([]);
    }
  });

  it('002: published before the year ended (error) and the five 行政复议 cells blank (hint)', () => {
    const d = seedDraft('002');
    const findings = check(format(d.formatId), d);
    const [date] = byRule(findings, 'date.before-period-end');
    expect(date).toMatchObject({ severity: 'error', section: 'meta', expected: '2021-01-01', actual: '2020-01-08' });
    expect(findingMessage(zh, date!)).toBe('发布日期 2020-01-08 早于统计期结束（2020 年 12 月 31 日）：2020 年度报告最早应于 2021-01-01 发布。');
    expect(findingMessage(en, date!)).toBe(
      'The publication date 2020-01-08 falls before the end of the reporting period (31 December 2020): a report on 2020 can be published on 2021-01-01 at the earliest.',
    );
    const [blank] = byRule(findings, 'cells.blank');
    expect(blank).toMatchObject({ severity: 'hint', section: 'review' });
    expect(blank!.cells).toEqual(['review/cases/RV_KEEP', 'review/cases/RV_CORR', 'review/cases/RV_OTH', 'review/cases/RV_PEND', 'review/cases/RV_TOT']);
    expect(findingMessage(zh, blank!)).toContain('有 5 个单元格未填（「行政复议/结果维持」、「行政复议/结果纠正」');
    // The blank total is not a false error.
    expect(byRule(findings, 'review.reconsideration-total')).toEqual([]);
    expect(summarize(findings)).toMatchObject({ errors: 1 });
  });

  it('003: the missing 结转下年度继续办理 value is reported, and its column is not falsely unbalanced', () => {
    const d = seedDraft('003');
    const findings = check(format(d.formatId), d);
    const [blank] = byRule(findings, 'cells.blank');
    expect(blank).toMatchObject({ severity: 'hint', section: 'requests', cells: ['requests/C/SCI'] });
    expect(findingMessage(zh, blank!)).toBe(
      '三、收到和处理政府信息公开申请情况：有 1 个单元格未填（「四、结转下年度继续办理」「科研机构」）。空白不等于 0，涉及这些单元格的勾稽关系暂时无法核对。',
    );
    expect(findingMessage(en, blank!)).toContain('blank cells: 1 (「四、结转下年度继续办理」「科研机构」)');
    expect(severe(findings)).toEqual([]);
  });

  it('004: published after the 31 January deadline of a department (warning)', () => {
    const d = seedDraft('004');
    const findings = check(format(d.formatId), d);
    const [late] = byRule(findings, 'date.after-deadline');
    expect(late).toMatchObject({ severity: 'warning', expected: '2021-01-31', actual: '2021-02-05', difference: 5 });
    expect(findingMessage(zh, late!)).toBe('发布日期 2021-02-05 晚于法定时限 2021-01-31（政府部门，《政府信息公开条例》第四十九条），逾期 5 天。');
    expect(findingMessage(en, late!)).toBe(
      'The publication date 2021-02-05 is after the statutory deadline 2021-01-31 (Government department, Article 49 of the Regulations), 5 days late.',
    );
    // Its section 六 is just 无.
    expect(byRule(findings, 'text.empty')).toMatchObject([{ severity: 'warning', section: 'other' }]);
    expect(severe(findings)).toEqual([]);
  });
});

describe('arithmetic relations', () => {
  it('a wrong 总计 names its row, both sides and the difference', () => {
    const d = setCell(seedDraft('001'), 'requests/A1/TOT', '1092');
    const [f] = byRule(check(format(d.formatId), d), 'requests.row-total');
    expect(f).toMatchObject({ severity: 'error', expected: 956, actual: 1092, difference: 136, section: 'requests' });
    expect(f!.cells[0]).toBe('requests/A1/TOT');
    expect(findingMessage(zh, f!)).toBe('「一、本年新收政府信息公开申请数量」：总计应为各类申请人之和 956，实为 1092（相差 +136）。');
    expect(findingMessage(en, f!)).toBe(
      '“一、本年新收政府信息公开申请数量”: 总计 should be the sum of the applicant columns, 956, but is 1092 (difference +136).',
    );
  });

  it('an unbalanced column names the column', () => {
    const d = setCell(seedDraft('001'), 'requests/C/NP', '80');
    const findings = check(format(d.formatId), d);
    const [balance] = byRule(findings, 'requests.balance');
    expect(balance).toMatchObject({ key: 'requests.balance@NP', expected: 999, actual: 993 });
    expect(findingMessage(zh, balance!)).toBe('「自然人」列：第三项加第四项之和为 993，不等于第一项加第二项之和 999（相差 -6）。');
    // The printed 总计 of row 四 no longer adds up either.
    expect(byRule(findings, 'requests.row-total').map((f) => f.key)).toEqual(['requests.row-total@C']);
  });

  it('in an authored draft the totals follow their parts, and only the balance can fail', () => {
    const f = format('gb-2021');
    let d = consistentDraft(f, mulberry(7));
    d = { ...d, totals: 'computed' };
    expect(severe(check(f, d))).toEqual([]);
    d = setCell(d, 'requests/B3.2/LAW', String(Number(d.cells.requests!['B3.2']!.LAW) + 4));
    const errors = severe(check(f, d));
    expect(errors.map((e) => e.key).sort()).toEqual(['requests.balance@LAW', 'requests.balance@TOT']);
    expect(errors.find((e) => e.key === 'requests.balance@LAW')!.difference).toBe(4);
  });

  it('section 四: each 总计 is the sum of its four results', () => {
    const d = setCell(seedDraft('001'), 'review/cases/LD_CORR', '3');
    const [f] = byRule(check(format(d.formatId), d), 'review.direct-suit-total');
    expect(findingMessage(zh, f!)).toBe('「行政诉讼/未经复议直接起诉」：总计应为结果维持、结果纠正、其他结果、尚未审结之和 38，实为 37（相差 -1）。');
  });

  it('a value that is not a number is an error naming the cell and what it accepts', () => {
    const d = setCell(seedDraft('001'), 'art20_6/penalty/prev_items', '约七千');
    const [f] = byRule(check(format(d.formatId), d), 'cell.invalid');
    expect(f).toMatchObject({ severity: 'error', cells: ['art20_6/penalty/prev_items'], section: 'proactive' });
    expect(findingMessage(zh, f!)).toBe('第二十条第（六）项「行政处罚」「上一年项目数量」：“约七千”不是数字。此处应填不小于 0 的整数（如 12 或 1,092）。');
  });

  it('Beijing amounts keep four decimals', () => {
    const d = setCell(seedDraft('003'), 'art20_9/procurement/amount', '491.28');
    const [f] = byRule(check(format(d.formatId), d), 'cell.decimals');
    expect(f).toMatchObject({ severity: 'warning', expected: '491.2800' });
  });

  it('random consistent tables give no arithmetic error; changing any one cell gives an error naming it', () => {
    for (const id of FORMAT_IDS) {
      const f = format(id);
      const arithmetic = f.cells.filter((c) => c.startsWith('requests/') || c.startsWith('review/'));
      fc.assert(
        fc.property(arbitrarySeed, fc.constantFrom(...arithmetic), fc.integer({ min: 1, max: 50 }), (s, cell, delta) => {
          const d = consistentDraft(f, mulberry(s));
          const before = check(f, d).filter((x) => x.severity === 'error');
          if (before.length > 0) return false;
          const [table, row, col] = cell.split('/') as [string, string, string];
          const old = Number(d.cells[table]![row]![col]);
          const changed = setCell(d, cell, String(old >= delta && delta % 2 === 0 ? old - delta : old + delta));
          return check(f, changed).some((x) => x.severity === 'error' && x.cells.includes(cell));
        }),
        { numRuns: 150 },
      );
    }
  });
});

describe('incremental re-check', () => {
  const changeArb = (f: ReturnType<typeof format>) =>
    fc.oneof(
      { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...f.cells), cellInput).map(([cell, value]) => ({ cell, value })) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom('problems', 'other', 'general'), fc.constantFrom('', '无', '有待补充', '本年度未收取信息处理费。', '工作正常。'))
          .map(([section, value]) => ({ section, value })),
      },
    );

  it.each(FORMAT_IDS)('%s: after every change, gives exactly what a full check gives', (id) => {
    const f = format(id);
    fc.assert(
      fc.property(fc.boolean(), arbitrarySeed, fc.array(changeArb(f), { minLength: 1, maxLength: 25 }), (authored, s, changes) => {
        let draft: Draft = consistentDraft(f, mulberry(s));
        if (authored) draft = { ...draft, totals: 'computed' };
        let findings = check(f, draft);
        for (const ch of changes) {
          let change: Change;
          if ('cell' in ch) {
            draft = setCell(draft, ch.cell, ch.value);
            change = { cell: ch.cell };
          } else {
            const section = ch.section as 'problems';
            draft = { ...draft, sections: { ...draft.sections, [section]: { ...draft.sections[section], text: ch.value } } };
            change = { field: `sections.${section}.text` };
          }
          findings = recheck(f, draft, findings, change);
          expect(findings).toEqual(check(f, draft));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('re-runs only the units the cell touches', () => {
    const f = format('gb-2021');
    const draft = { ...consistentDraft(f, mulberry(3)), totals: 'computed' as const };
    const before = check(f, draft);
    const changed = setCell(draft, 'art20_1/regulations/issued', '9');
    expect(recheck(f, changed, before, { cell: 'art20_1/regulations/issued' })).toEqual(check(f, changed));
  });
});

describe('dates, format and year', () => {
  const f = format('gb-2021');
  const base = (patch: Partial<Draft>): Draft => ({ ...blankDraft(f, { reportYear: 2024, agencyName: '某某市财政局' }), ...patch });
  const rules = (d: Draft) =>
    check(f, d)
      .filter((x) => x.section === 'meta')
      .map((x) => `${x.severity}:${x.rule}`);

  it('deadlines depend on the kind of agency', () => {
    expect(rules(base({ publicationDate: '2025-01-31' }))).toEqual([]);
    expect(rules(base({ publicationDate: '2025-02-01' }))).toEqual(['warning:date.after-deadline']);
    const gov = (date: string) => base({ publicationDate: date, agency: { name: '某某县人民政府', kind: 'government', region: 'national' } });
    expect(rules(gov('2025-03-31'))).toEqual([]);
    expect(rules(gov('2025-04-01'))).toEqual(['warning:date.after-deadline']);
    expect(rules(base({ publicationDate: '2025-06-30', agency: { name: '某某街道办事处', kind: 'township', region: 'national' } }))).toEqual([]);
    expect(rules(base({ publicationDate: '2024-12-31' }))).toEqual(['error:date.before-period-end']);
    expect(rules(base({ publicationDate: '' }))).toEqual(['hint:date.missing']);
  });

  it('a 2019-format draft for 2021 or later, and the reverse, is the wrong format', () => {
    const old = format('gb-2019');
    const d2019 = { ...blankDraft(old, { reportYear: 2022 }), publicationDate: '2023-01-10' };
    const [wrong] = check(old, d2019).filter((x) => x.rule === 'format.wrong-year');
    expect(wrong).toMatchObject({ severity: 'error', expected: 'gb-2021', actual: 'gb-2019' });
    expect(findingMessage(zh, wrong!)).toBe(
      '报告年度为 2022 年，但所用格式“全国统一格式（2019年版）”（国办公开办函〔2019〕60号）适用于 2019—2020 年度的报告，应使用“全国统一格式（2021年版）”。',
    );
    const d2021 = { ...blankDraft(f, { reportYear: 2020 }), publicationDate: '2021-01-10' };
    expect(check(f, d2021).filter((x) => x.rule === 'format.wrong-year')).toMatchObject([{ expected: 'gb-2019' }]);
  });
});

describe('text checks', () => {
  const f = format('gb-2021');
  const withText = (patch: Partial<Record<'problems' | 'other' | 'general', string>>) => {
    const d = blankDraft(f, { reportYear: 2023 });
    for (const [k, v] of Object.entries(patch)) d.sections[k as 'other'].text = v;
    return d;
  };
  const textRules = (d: Draft) =>
    check(f, d)
      .filter((x) => x.rule.startsWith('text.'))
      .map((x) => x.key);

  it('section 五 or 六 empty or only 无 is a warning', () => {
    expect(textRules(withText({ problems: '', other: '无。' }))).toEqual(['text.empty@problems', 'text.empty@other', 'text.must-mention@other.processingFees']);
  });

  it('placeholder text left in is found in any field', () => {
    const d = withText({ problems: '一是XX工作有待加强。', other: '本年度未收取信息处理费。' });
    d.sections.general.topics!.platform = '平台建设情况待补充';
    expect(textRules(d)).toEqual(['text.placeholder@sections.general.topics.platform', 'text.placeholder@sections.problems.text']);
  });

  it('2021: section 六 must speak of 信息处理费, in the text or the fee fields', () => {
    expect(textRules(withText({ problems: '问题', other: '本年度未收取信息处理费。' }))).toEqual([]);
    const fees = withText({ problems: '问题', other: '其他事项。' });
    expect(textRules(fees)).toEqual(['text.must-mention@other.processingFees']);
    fees.processingFees = { notices: '1', amount: '380', collected: '380' };
    expect(textRules(fees)).toEqual([]);
    // The 2019 format has no such requirement.
    const old = format('gb-2019');
    const d = blankDraft(old, { reportYear: 2020 });
    d.sections.problems.text = '问题';
    d.sections.other.text = '其他事项。';
    expect(check(old, d).filter((x) => x.rule.startsWith('text.'))).toEqual([]);
  });

  it('an acknowledged warning keeps its reason and leaves the count', () => {
    const d = withText({ problems: '问题', other: '无' });
    d.acknowledged = [{ finding: 'text.empty@other', reason: '本年度确无其他事项' }];
    const findings = check(f, d);
    expect(findings.find((x) => x.key === 'text.empty@other')!.acknowledged).toBe('本年度确无其他事项');
    expect(summarize(findings).acknowledged).toBe(1);
  });
});

describe('cross-year relations (with last year’s draft)', () => {
  it('上年结转 must equal last year’s 结转下年度 per column, across the 2019→2021 formats', () => {
    const last = seedDraft('001');
    const f = format('gb-2021');
    const d = blankDraft(f, { reportYear: 2021, agencyName: '北京市丰台区人民政府', agencyKind: 'government', region: 'beijing' });
    const carried = { NP: '86', BIZ: '1', SCI: '0', NGO: '0', LAW: '0', OTH: '0' };
    for (const [k, v] of Object.entries(carried)) d.cells.requests!.A2![k] = v;
    d.cells.requests!.A2!.NP = '80';
    const findings = check(f, d, last).filter((x) => x.rule === 'requests.carry-over');
    expect(findings.map((x) => x.key)).toEqual(['requests.carry-over@NP', 'requests.carry-over@TOT']);
    expect(findings[0]).toMatchObject({ severity: 'warning', expected: 86, actual: 80 });
    expect(findingMessage(zh, findings[0]!)).toBe('「自然人」列：上年结转 80 与上年报告的结转下年度继续办理 86 不一致（相差 -6）。');
    // Without last year's draft there is nothing to compare.
    expect(check(f, d).filter((x) => x.rule === 'requests.carry-over')).toEqual([]);
  });

  it('2021: 现行有效件数 follows last year’s stock plus 制发 minus 废止', () => {
    const f = format('gb-2021');
    const last = blankDraft(f, { reportYear: 2022 });
    last.cells.art20_1!.normative_docs = { issued: '3', repealed: '1', in_force: '40' };
    const d = blankDraft(f, { reportYear: 2023 });
    d.cells.art20_1!.normative_docs = { issued: '5', repealed: '2', in_force: '45' };
    const [f1] = check(f, d, last).filter((x) => x.rule === 'art20_1.in-force');
    expect(f1).toMatchObject({ severity: 'warning', expected: 43, actual: 45 });
    d.cells.art20_1!.normative_docs.in_force = '43';
    expect(check(f, d, last).filter((x) => x.rule.startsWith('art20_1.'))).toEqual([]);
    d.cells.art20_1!.normative_docs = { issued: '1', repealed: '50', in_force: '0' };
    expect(
      check(f, d, last)
        .filter((x) => x.rule.startsWith('art20_1.'))
        .map((x) => x.rule)
        .sort(),
    ).toEqual(['art20_1.in-force', 'art20_1.repeal-within-stock']);
  });

  it('2019: 上一年项目数量 follows last year’s count and change', () => {
    const f = format('gb-2019');
    const last = blankDraft(f, { reportYear: 2019 });
    last.cells.art20_6!.penalty = { prev_items: '7', change: '-3', decisions: '0' };
    const d = blankDraft(f, { reportYear: 2020 });
    d.cells.art20_6!.penalty = { prev_items: '7', change: '-8', decisions: '0' };
    const rules = check(f, d, last)
      .filter((x) => x.rule.startsWith('art20_6.'))
      .map((x) => `${x.rule}:${x.expected}:${x.actual}`);
    expect(rules).toEqual(['art20_6.item-count:4:7', 'art20_6.items-not-negative:0:-1']);
  });

  it('last year’s draft of another year is flagged and not compared', () => {
    const f = format('gb-2021');
    const d = blankDraft(f, { reportYear: 2023 });
    const twoYearsAgo = blankDraft(f, { reportYear: 2021 });
    const findings = check(f, d, twoYearsAgo);
    expect(findings.filter((x) => x.rule === 'previous.wrong-year')).toHaveLength(1);
  });
});

/** A small deterministic generator, so a failing case can be replayed from its seed. */
function mulberry(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
