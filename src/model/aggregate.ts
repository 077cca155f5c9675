/**
 * Combining the drafts of several agencies of the same year into one, for a government compiling its area:
 * every table cell summed, the agencies included kept. Drafts in a regional profile and in its national format
 * are combined in the national format (the profile's sub-rows summed into their national row). Mixed years or
 * unrelated formats are refused.
 */
import { splitCellId, type CellId } from '../format/format';
import { formatById } from '../format/registry';
import { blankDraft, withComputedTotals, type Draft } from './draft';
import { migrateDraft } from './formatChange';
import { parseCellInput, sumDecimals } from './number';

export interface AggregateReport {
  formatId: string;
  included: string[];
  /** Cells some agencies left blank: their sum covers only the others. */
  partial: { cell: CellId; blankIn: string[] }[];
  /** Values that are not numbers and could not be summed. */
  unreadable: { cell: CellId; agency: string; value: string }[];
}

export type AggregateResult =
  { ok: true; draft: Draft; report: AggregateReport } | { ok: false; problem: { key: string; params?: Record<string, string | number> } };

export function aggregateDrafts(drafts: Draft[]): AggregateResult {
  if (drafts.length === 0) return { ok: false, problem: { key: 'aggregate.none' } };
  const years = [...new Set(drafts.map((d) => d.reportYear))];
  if (years.length > 1) return { ok: false, problem: { key: 'aggregate.mixedYears', params: { years: years.sort().join('、') } } };
  const formats = [...new Set(drafts.map((d) => d.formatId))].map((id) => formatById(id)!);
  const base = (id: string) => formatById(id)!.definition.profileOf ?? id;
  const bases = [...new Set(formats.map((f) => base(f.id)))];
  if (bases.length > 1) return { ok: false, problem: { key: 'aggregate.mixedFormats', params: { formats: formats.map((f) => f.definition.name).join('、') } } };
  const target = formats.length === 1 ? formats[0]! : formatById(bases[0]!)!;
  const inTarget = drafts.map((d) => (d.formatId === target.id ? d : migrateDraft(d, formatById(d.formatId)!, target).draft));
  const names = drafts.map((d, i) => d.agency.name.trim() || `#${i + 1}`);

  const computed = inTarget.every((d) => d.totals === 'computed');
  const first = drafts[0]!;
  const sum = blankDraft(target, { reportYear: first.reportYear, agencyName: '', agencyKind: 'government', region: first.agency.region });
  sum.totals = computed ? 'computed' : 'as-printed';
  const report: AggregateReport = { formatId: target.id, included: names, partial: [], unreadable: [] };
  for (const cell of target.cells) {
    if (computed && target.isTotal(cell)) continue;
    const { table, row, column } = splitCellId(cell);
    const kind = target.kindOf(cell);
    const values: string[] = [];
    const blankIn: string[] = [];
    inTarget.forEach((d, i) => {
      const v = d.cells[table]?.[row]?.[column] ?? '';
      const parsed = parseCellInput(v, kind);
      if (v === '') blankIn.push(names[i]!);
      else if (!parsed.ok || parsed.value === '') report.unreadable.push({ cell, agency: names[i]!, value: v });
      else values.push(parsed.value);
    });
    if (values.length === 0) continue;
    sum.cells[table]![row]![column] = sumDecimals(values);
    if (blankIn.length > 0) report.partial.push({ cell, blankIn });
  }
  sum.aggregateOf = names;
  return { ok: true, draft: withComputedTotals(target, sum), report };
}
