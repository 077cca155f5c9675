/**
 * Next year's report from this one: the agency carries over, the year moves on (with its format), the cells
 * next year's format relates to last year's are carried (上年结转 from this year's 结转下年度继续办理 column by
 * column, the 2019 format's 上一年项目数量 from this year's count and change: the format files' `prev:` terms), and the texts are kept as a starting point, fingerprinted so the checks flag each
 * one until it is revised (内容雷同 is one of the defects the 2021 notice names).
 */
import { SECTION_IDS } from '../format/definition';
import type { Format } from '../format/format';
import { pickFormat } from '../format/registry';
import { blankDraft, carrySections, effectiveNumber, sectionFields, withComputedTotals, type Draft } from './draft';
import { fingerprint } from './fingerprint';
import { isReportYear } from './limits';

/** Whether the year after this draft's is one the formats (and the draft schema) cover. */
export function hasNextYear(draft: Draft): boolean {
  return isReportYear(draft.reportYear + 1);
}

export function nextYearDraft(format: Format, draft: Draft): { draft: Draft; format: Format } {
  const year = draft.reportYear + 1;
  // A draft the schema would refuse must never reach the page or a file.
  if (!hasNextYear(draft)) throw new RangeError(`no report year after ${draft.reportYear}`);
  const target = pickFormat(year, draft.agency.region);
  const next = blankDraft(target, { reportYear: year, agencyName: draft.agency.name, agencyKind: draft.agency.kind, region: draft.agency.region });

  /** Sets a cell of next year's draft, where its format has that cell and it is not a computed total. */
  const carry = (toCell: string, value: number | null) => {
    const [t, r, c] = toCell.split('/') as [string, string, string];
    if (value !== null && target.kindOfOrNull(toCell) && !(next.totals === 'computed' && target.isTotal(toCell))) next.cells[t]![r]![c] = String(value);
  };
  // What carries is what next year's format checks against this year: each relation whose one cell equals a
  // sum of last year's cells (上年结转 = prev:结转下年度继续办理; 上一年项目数量 = prev:上一年项目数量 + prev:本年增/减).
  for (const inst of target.relations) {
    const [lhs, ...more] = inst.lhs;
    if (inst.relation.op !== '=' || !lhs || more.length > 0 || lhs.previousYear || inst.rhs.length === 0 || !inst.rhs.every((t) => t.previousYear)) continue;
    let sum: number | null = 0;
    for (const term of inst.rhs) {
      const value = format.kindOfOrNull(term.cell) ? effectiveNumber(format, draft, term.cell) : null;
      if (value === null) {
        sum = null;
        break;
      }
      sum += term.sign * value;
    }
    carry(lhs.cell, sum);
  }

  next.sections = carrySections(draft, next);
  const texts: Record<string, string> = {};
  for (const id of SECTION_IDS) {
    for (const { field, text } of sectionFields(target, next, id)) if (text.trim() !== '') texts[field] = fingerprint(text);
  }
  next.inherited = { fromYear: draft.reportYear, texts };
  return { draft: withComputedTotals(target, next), format: target };
}
