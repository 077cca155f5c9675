import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aggregateDrafts } from '../../src/model/aggregate';
import { nextYearDraft } from '../../src/model/nextYear';
import { migrateDraft } from '../../src/model/formatChange';
import { figuresSentences } from '../../src/model/figuresSentence';
import { parseTextNumber } from '../../src/model/chineseNumber';
import { sumDecimals } from '../../src/model/number';
import { readDraftText } from '../../src/model/draftFile';
import { check } from '../../src/rules/engine';
import { createI18n, findingMessage } from '../../src/i18n';
import type { Draft } from '../../src/model/draft';
import { format, SEEDS, seedDraft } from '../support/drafts';

const zh = createI18n('zh-CN').t;
const full2021 = (): Draft => {
  const r = readDraftText(readFileSync(new URL('../fixtures/full-2021.draft.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('fixture');
  return r.draft;
};

describe('aggregation', () => {
  it('sums the section 三 tables of the five seeds column by column, in the national format', () => {
    const result = aggregateDrafts(SEEDS.map(seedDraft));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { draft, report } = result;
    expect(draft.formatId).toBe('gb-2019');
    expect(report.included).toEqual(SEEDS.map((n) => seedDraft(n).agency.name));
    expect(draft.aggregateOf).toEqual(report.included);
    const req = format('gb-2019').table('requests');
    const seeds = SEEDS.map(seedDraft);
    for (const row of req.rows) {
      for (const col of req.columns) {
        const values = seeds.map((d) => d.cells.requests![row.key]![col.key]!).filter((v) => v !== '');
        expect(draft.cells.requests![row.key]![col.key], `${row.key} ${col.key}`).toBe(String(values.reduce((s, v) => s + Number(v), 0)));
      }
    }
    expect(draft.cells.requests!.A1!.TOT).toBe('964'); // 6 + 956 + 0 + 2 + 0
    // Seed 003 left one 结转 cell blank: the sum covers the others, and the report says so.
    expect(report.partial.find((p) => p.cell === 'requests/C/SCI')!.blankIn).toEqual(['北京市西城区科学技术和信息化局']);
    // Beijing's 行政检查 and 行政确认 go into the national 其他对外管理服务事项: 1 + 3017 + 97 + 0 + 0 (+ 0 + 0).
    expect(draft.cells.art20_5!.other_services!.prev_items).toBe('3115');
    // Money keeps its decimals: 1932.5830 + 32694.3253 + 0 + 491.2800 + 0.
    expect(draft.cells.art20_9!.procurement!.amount).toBe('35118.1883');
  });

  it('refuses drafts of different years or unrelated formats, with a clear message', () => {
    const other = { ...seedDraft('000'), reportYear: 2019 };
    const years = aggregateDrafts([seedDraft('001'), other]);
    expect(years).toEqual({ ok: false, problem: { key: 'aggregate.mixedYears', params: { years: '2019、2020' } } });
    const formats = aggregateDrafts([seedDraft('001'), { ...full2021(), reportYear: 2020 }]);
    expect(formats.ok).toBe(false);
    if (!formats.ok)
      expect(zh(formats.problem.key, formats.problem.params)).toBe(
        '这些草稿使用的报告格式不同（北京市格式（2019年版）、全国统一格式（2021年版）），不能汇总。',
      );
  });

  it('keeps computed totals computed when every draft is authored', () => {
    const a = full2021();
    const b = { ...full2021(), agency: { ...a.agency, name: '示例市水务局' } };
    const r = aggregateDrafts([a, b]);
    expect(r.ok && r.draft.totals).toBe('computed');
    expect(r.ok && r.draft.cells.requests!.A1!.TOT).toBe('116');
    expect(r.ok && check(format('gb-2021'), r.draft).filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('next year’s report', () => {
  it('carries 结转下年度 into 上年结转 column by column, in the next year’s format, and the cross-year check agrees', () => {
    const last = seedDraft('001');
    const { draft, format: f } = nextYearDraft(format('bj-2019'), last);
    expect(f.id).toBe('gb-2021');
    expect(draft.reportYear).toBe(2021);
    expect(draft.agency).toEqual(last.agency);
    expect(draft.cells.requests!.A2).toEqual({ NP: '86', BIZ: '1', SCI: '0', NGO: '0', LAW: '0', OTH: '0', TOT: '87' });
    expect(draft.totals).toBe('computed');
    expect(check(f, draft, last).filter((x) => x.rule === 'requests.carry-over')).toEqual([]);
  });

  it('keeps the texts as a starting point, flagged until revised', () => {
    const { draft, format: f } = nextYearDraft(format('bj-2019'), seedDraft('001'));
    expect(draft.sections.problems.text).toBe(seedDraft('001').sections.problems.text);
    const unrevised = check(f, draft).filter((x) => x.rule === 'text.unrevised');
    expect(unrevised.map((x) => x.cells[0])).toContain('sections.problems.text');
    expect(
      findingMessage(
        zh,
        unrevised.find((x) => x.cells[0] === 'sections.problems.text')!,
      ),
    ).toBe('“五、存在的主要问题及改进情况”沿用了 2020 年度报告的原文，尚未修改（年度报告不应内容雷同）。');
    draft.sections.problems.text += '\n2021年新增：加强培训。';
    expect(
      check(f, draft)
        .filter((x) => x.rule === 'text.unrevised')
        .map((x) => x.cells[0]),
    ).not.toContain('sections.problems.text');
  });

  it('in the 2019 format, next year’s 上一年项目数量 is this year’s count plus its change', () => {
    const d2019 = { ...seedDraft('004'), reportYear: 2019 };
    d2019.cells.art20_6!.penalty = { prev_items: '7', change: '-3', decisions: '0' };
    const { draft } = nextYearDraft(format('gb-2019'), d2019);
    expect(draft.formatId).toBe('gb-2019');
    expect(draft.cells.art20_6!.penalty!.prev_items).toBe('4');
  });
});

describe('from the 2019 format to the 2021 format', () => {
  it('moves what maps, lists what has no counterpart and what is left blank', () => {
    const { draft, report } = migrateDraft(seedDraft('001'), format('bj-2019'), format('gb-2021'));
    expect(draft.formatId).toBe('gb-2021');
    expect(draft.cells.art20_1!.normative_docs!.issued).toBe('23');
    expect(draft.cells.art20_5!.licensing!.decisions).toBe('231467');
    expect(draft.cells.requests!['B6.3']!.NP).toBe('52');
    expect(draft.cells.requests!['B6.1']!.NP).toBe('');
    expect(report.mapped).toContainEqual({ from: 'requests/B6/NP', to: 'requests/B6.3/NP' });
    expect(report.noCounterpart).toEqual(
      expect.arrayContaining(['art20_1/normative_docs/total_public', 'art20_5/inspection/decisions', 'art20_8/fees/prev_items', 'art20_9/procurement/amount']),
    );
    expect(report.noCounterpart).toHaveLength(20);
    expect(report.leftBlank).toEqual(
      expect.arrayContaining([
        'art20_1/normative_docs/repealed',
        'art20_1/normative_docs/in_force',
        'art20_8/fees/amount',
        'requests/B6.1/NP',
        'requests/B6.2/TOT',
      ]),
    );
    // Nothing that had a value is lost without a line in the report.
    const seed = seedDraft('001');
    const filled = format('bj-2019').cells.filter((c) => {
      const [t, r, k] = c.split('/');
      return seed.cells[t!]![r!]![k!] !== '';
    });
    expect(report.mapped.length + report.noCounterpart.length).toBe(filled.length);
  });
});

describe('numbers in the narrative', () => {
  it.each([
    ['1,092', 1092],
    ['1，092', 1092],
    ['１０９２', 1092],
    ['一百零二', 102],
    ['两', 2],
    ['十二', 12],
    ['两千零五十', 2050],
    ['三万五千', 35000],
    ['1.2万', 12000],
    ['〇', 0],
  ])('reads %s as %d', (text, value) => {
    expect(parseTextNumber(text)).toBe(value);
  });

  it('warns where the text quotes a figure the table does not have, in Chinese numerals too', () => {
    const d = full2021();
    d.sections.general.topics!.onRequest = '全年新收政府信息公开申请五十件，办结五十九件，行政复议三件。';
    const found = check(format('gb-2021'), d).filter((f) => f.rule === 'text.figure-mismatch');
    expect(found.map((f) => [f.expected, f.actual])).toEqual([[58, 50]]);
    expect(findingMessage(zh, found[0]!)).toBe('“一、总体情况”中“新收政府信息公开申请五十件”与表中的本年新收 58 不一致。');
  });

  it('reads the phrasings real reports use, and no number that counts something else', () => {
    const d = full2021();
    const tables = d.cells;
    const handled = tables.requests!.B7!.TOT!;
    const reconsidered = tables.review!.cases!.RV_TOT!;
    // Each agrees with the table: no finding.
    d.sections.general.topics!.onRequest = [
      `全年共受理政府信息公开申请58件，办结${handled}件，其中予以公开${tables.requests!.B1!.TOT}件。`,
      `发生政府信息公开行政复议${reconsidered}起。`,
      // Numbers after the word that count something else: letters, a reconsideration, the reconsideration's outcome.
      '收到群众来信12件，受理行政复议申请7件，行政复议案件中维持原行政行为1起。',
    ].join('');
    expect(check(format('gb-2021'), d).filter((f) => f.rule === 'text.figure-mismatch')).toEqual([]);
    // A received figure that is wrong is still caught.
    d.sections.general.topics!.onRequest = '全年共收到政府信息公开申请60件。';
    const found = check(format('gb-2021'), d).filter((f) => f.rule === 'text.figure-mismatch');
    expect(found.map((f) => [f.expected, f.actual])).toEqual([[58, 60]]);
  });

  it('writes the standard sentences with the table’s figures', () => {
    expect(figuresSentences(format('gb-2021'), full2021())).toEqual({
      requests:
        '本年度共收到政府信息公开申请58件，上年结转4件；办结59件，结转下年度继续办理3件。从办理结果看，予以公开23件，部分公开9件，不予公开6件，无法提供14件，不予处理4件，其他处理3件。',
      review: '因政府信息公开工作被申请行政复议3件，被提起行政诉讼2件。',
    });
    // Each sentence waits for its own table: with section 四 blank, the section 三 sentence is already there.
    const noReview = full2021();
    noReview.cells.review!.cases!.RV_KEEP = '';
    expect(figuresSentences(format('gb-2021'), noReview)).toEqual({ requests: expect.stringContaining('收到政府信息公开申请58件'), review: null });
    const blank = full2021();
    blank.cells.requests!.A1!.NP = '';
    expect(figuresSentences(format('gb-2021'), blank).requests).toBe(null);
  });

  it('sums decimals exactly', () => {
    expect(sumDecimals(['1932.5830', '32694.3253', '0', '491.2800'])).toBe('35118.1883');
    expect(sumDecimals(['-3', '2'])).toBe('-1');
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
  });
});
