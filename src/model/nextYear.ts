/**
 * Next year's report from this one: the agency carries over, the year moves on (with its format), 上年结转 is
 * set from this year's 结转下年度继续办理 column by column, the 2019 format's 上一年项目数量 follows from this
 * year's count and change, and the texts are kept as a starting point, fingerprinted so the checks flag each
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
  for (const column of format.table('requests').columns) {
    carry(`requests/A2/${column.key}`, effectiveNumber(format, draft, `requests/C/${column.key}`));
  }
  // 2019 format: this year's 上一年项目数量 plus 本年增/减 is next year's 上一年项目数量.
  for (const table of format.tables) {
    if (!table.columnIndex.has('prev_items') || !table.columnIndex.has('change')) continue;
    for (const row of table.rows) {
      const prev = effectiveNumber(format, draft, `${table.id}/${row.key}/prev_items`);
      const change = effectiveNumber(format, draft, `${table.id}/${row.key}/change`);
      carry(`${table.id}/${row.key}/prev_items`, prev !== null && change !== null ? prev + change : null);
    }
  }

  next.sections = carrySections(draft, next);
  const texts: Record<string, string> = {};
  for (const id of SECTION_IDS) {
    for (const { field, text } of sectionFields(target, next, id)) if (text.trim() !== '') texts[field] = fingerprint(text);
  }
  next.inherited = { fromYear: draft.reportYear, texts };
  return { draft: withComputedTotals(target, next), format: target };
}
