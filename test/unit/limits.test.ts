/**
 * One set of limits: a draft at every limit opens again (in whatever characters it is written), one character
 * beyond is refused; counts beyond nine digits are refused as input; templates insert values literally; the
 * year after the last one the formats cover is never produced.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blankDraft, setCell, type Draft } from '../../src/model/draft';
import { draftToJson, readDraftText } from '../../src/model/draftFile';
import { isIsoDate, isReportYear, LIMITS } from '../../src/model/limits';
import { parseCellInput } from '../../src/model/number';
import { fillTemplate } from '../../src/model/template';
import { hasNextYear, nextYearDraft } from '../../src/model/nextYear';
import { main } from '../../src/cli/main';
import { FORMAT_IDS, format } from '../support/drafts';

/** Every field of a draft at its limit, in a character JSON spells with six bytes (\u0001). */
function draftAtLimits(formatId: string, fill = '\u0001'): Draft {
  const f = format(formatId);
  const d = blankDraft(f, { reportYear: f.definition.years.from, agencyName: fill.repeat(LIMITS.agencyName) });
  d.agency.region = d.agency.region.padEnd(LIMITS.region, 'x').slice(0, LIMITS.region);
  for (const s of Object.values(d.sections)) {
    s.text = fill.repeat(LIMITS.text);
    if (s.topics) for (const k of Object.keys(s.topics)) s.topics[k] = fill.repeat(LIMITS.text);
  }
  for (const rows of Object.values(d.cells)) for (const cols of Object.values(rows)) for (const c of Object.keys(cols)) cols[c] = fill.repeat(LIMITS.cell);
  d.totals = 'as-printed';
  d.acknowledged = Array.from({ length: LIMITS.acknowledgements }, (_, i) => ({ finding: `rule|${i}`.padEnd(300, 'k'), reason: fill.repeat(LIMITS.reason) }));
  d.aggregateOf = Array.from({ length: LIMITS.aggregateOf }, () => fill.repeat(LIMITS.agencyName));
  return d;
}

describe('limits', () => {
  it.each(FORMAT_IDS)(
    '%s: a draft at every limit, in the longest-written characters, saves under the file limit and opens again',
    (id) => {
      const d = draftAtLimits(id);
      const json = draftToJson(d);
      expect(Buffer.byteLength(json, 'utf8')).toBeLessThanOrEqual(LIMITS.draftFileBytes);
      const back = readDraftText(json);
      expect(back.ok).toBe(true);
      expect(back.ok && draftToJson(back.draft)).toBe(json);
    },
    30_000,
  );

  it('one character beyond a limit is refused, naming the field', () => {
    const d = draftAtLimits('gb-2021', '长');
    d.agency.name += '长';
    const r = readDraftText(draftToJson(d));
    expect(r.ok).toBe(false);
    expect(JSON.stringify(!r.ok && r.problems)).toContain('field.agency_name');
    const e = draftAtLimits('gb-2021', '长');
    e.sections.other.text += '长';
    expect(readDraftText(draftToJson(e)).ok).toBe(false);
  });

  it('refuses a count of more than nine digits, with a message of its own', () => {
    expect(parseCellInput('999999999', { type: 'count' })).toEqual({ ok: true, value: '999999999', changes: [] });
    expect(parseCellInput('1,000,000,000', { type: 'count' })).toEqual({ ok: false, problem: 'tooManyDigits' });
    expect(parseCellInput('-'.concat('1'.repeat(10)), { type: 'signed' })).toEqual({ ok: false, problem: 'tooManyDigits' });
    expect(parseCellInput('9'.repeat(65), { type: 'count' })).toEqual({ ok: false, problem: 'tooLong' });
  });

  it("fills templates literally: $& $' and {{…}} in a value stay as typed", () => {
    expect(fillTemplate('共{{n}}件，{{year}}年', { n: "$&$'$`$1", year: '{{n}}' })).toEqual({ text: "共$&$'$`$1件，{{n}}年", complete: true });
    expect(fillTemplate('{{a}}和{{b}}', { a: '1' })).toEqual({ text: '1和', complete: false });
  });

  it('makes no draft for the year after the last one the formats cover, on the page’s model and the command line', async () => {
    const d = blankDraft(format('gb-2021'), { reportYear: LIMITS.lastYear });
    expect(hasNextYear(d)).toBe(false);
    expect(() => nextYearDraft(format('gb-2021'), d)).toThrow(RangeError);
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-limits-'));
    writeFileSync(join(dir, 'd.json'), draftToJson(d));
    const err: string[] = [];
    const code = await main(
      ['next', join(dir, 'd.json'), '-o', join(dir, 'n.json')],
      () => undefined,
      (s) => err.push(s),
    );
    expect(code).toBe(2);
    expect(err.join('\n')).toContain(`${LIMITS.lastYear} 年度之后没有可用的报告格式`);
    expect(() => readFileSync(join(dir, 'n.json'))).toThrow();
  });
});

describe('a property of edits within the limits', () => {
  /** What the page lets through to the draft: the browser's maxLength cut, the date and year checks. */
  const oddText = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom('１２３', '\ud800', '\udfff孤', '\u0000\u0001\u001f', '\u200f\u202e', '\uFFFE\uFFFF', '😀'.repeat(30), "$&$'{{year}}"),
    fc.nat({ max: 70 }).map((n) => '9'.repeat(n)),
    fc.nat({ max: LIMITS.text + 10 }).map((n) => '长'.repeat(n)),
  );
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('cell' as const), index: fc.nat(), value: oddText }),
    fc.record({ kind: fc.constant('name' as const), value: oddText }),
    fc.record({ kind: fc.constant('text' as const), section: fc.constantFrom('problems', 'other', 'general'), value: oddText }),
    fc.record({ kind: fc.constant('date' as const), value: fc.oneof(fc.constantFrom('', '2025-01-20', '20261-01-20', '2025-02-30', '0001-01-01'), oddText) }),
    fc.record({ kind: fc.constant('year' as const), value: fc.integer({ min: 1990, max: 2200 }) }),
  );

  it('any sequence of edits the page accepts saves and opens again as the same draft', () => {
    const f = format('gb-2021');
    const cells = f.cells.filter((c) => !f.isTotal(c));
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        let d: Draft = blankDraft(f, { reportYear: 2024 });
        for (const e of edits) {
          if (e.kind === 'cell') {
            const cell = cells[e.index % cells.length]!;
            const raw = e.value.slice(0, LIMITS.cell); // <input maxLength>
            const parsed = parseCellInput(raw, f.kindOf(cell));
            d = setCell(d, cell, parsed.ok ? parsed.value : raw);
          } else if (e.kind === 'name') d = { ...d, agency: { ...d.agency, name: e.value.slice(0, LIMITS.agencyName) } };
          else if (e.kind === 'text') d = { ...d, sections: { ...d.sections, [e.section]: { ...d.sections[e.section], text: e.value.slice(0, LIMITS.text) } } };
          else if (e.kind === 'date') {
            if (e.value === '' || isIsoDate(e.value)) d = { ...d, publicationDate: e.value };
          } else if (isReportYear(e.value)) d = { ...d, reportYear: e.value };
        }
        const json = draftToJson(d);
        const back = readDraftText(json);
        expect(back.ok).toBe(true);
        expect(back.ok && draftToJson(back.draft)).toBe(json);
      }),
      { numRuns: 400, seed: 20261122 },
    );
  }, 60_000);
});

describe('recovering a stored draft that does not open', () => {
  it('keeps every valid field, shortens over-long texts, and names what it could not keep', async () => {
    const { recoverDraft } = await import('../../src/model/recover');
    const { seedDraft } = await import('../support/drafts');
    const { fileProblemMessage, createI18n } = await import('../../src/i18n');
    const t = createI18n('zh-CN').t;
    const good = seedDraft('001');
    const damaged = { ...JSON.parse(draftToJson(good)), schemaVersion: 7, publicationDate: '2021-02-30', futureField: { x: 1 } };
    damaged.cells.requests.A1.NP = '9'.repeat(80);
    damaged.sections.problems.text = '长'.repeat(LIMITS.text + 5);
    const r = recoverDraft(JSON.stringify(damaged))!;
    expect(r.draft.agency).toEqual(good.agency);
    expect(r.draft.cells.requests!.A1!.BIZ).toBe(good.cells.requests!.A1!.BIZ);
    expect(r.draft.cells.requests!.A1!.NP).toBe('');
    expect(r.draft.sections.problems.text).toHaveLength(LIMITS.text);
    expect(r.draft.sections.general).toEqual(good.sections.general);
    expect(r.lost.map((p) => fileProblemMessage(t, p))).toEqual([
      '未恢复：发布日期',
      `已截短到 ${LIMITS.text} 个字符的上限：五、存在的主要问题及改进情况`,
      '未恢复：三、收到和处理政府信息公开申请情况 · 一、本年新收政府信息公开申请数量 · 自然人',
      '未恢复：futureField',
    ]);
    expect(recoverDraft('{"schemaVersion":2,"cells":{"requ')).toBeNull();
  });
});
