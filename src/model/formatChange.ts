/**
 * Moving a draft from one format to another by the target format's own mapping (its `from` list): the 2019
 * national format or the Beijing profile to the 2021 format, the Beijing profile to the national 2019 format.
 * The report says what went where and what has no counterpart; nothing is dropped without being listed.
 * The page uses it when the clerk overrides the format or the year calls for another one (convertDraft): what
 * has no place is counted so the clerk can be told before anything is dropped.
 */
import { splitCellId, type CellId, type Format } from '../format/format';
import { blankDraft, carrySections, withComputedTotals, type Draft } from './draft';
import { parseCellInput, sumDecimals } from './number';

export interface MigrationReport {
  from: string;
  to: string;
  /** Source cells with a value and where the value went. */
  mapped: { from: CellId; to: CellId }[];
  /** Source cells with a value that the target format has no place for. */
  noCounterpart: CellId[];
  /** Target input cells no source value reached (left blank, to be filled). */
  leftBlank: CellId[];
}

function rulesFor(from: Format, to: Format): [string, string][] {
  const entry = to.definition.from.find((f) => f.formats.includes(from.id));
  return entry ? entry.cells : [['*/*/*', '*/*/*']];
}

/** Where a source cell goes under one rule, or null when the rule does not match it. */
function apply(rule: [string, string], cell: CellId): CellId | null {
  const src = rule[0].split('/');
  const dst = rule[1].split('/');
  const parts = cell.split('/');
  if (!src.every((p, i) => p === '*' || p === parts[i])) return null;
  return dst.map((p, i) => (p === '*' ? parts[i]! : p)).join('/');
}

export function migrateDraft(draft: Draft, from: Format, to: Format): { draft: Draft; report: MigrationReport } {
  const rules = rulesFor(from, to);
  const targetCells = new Set(to.cells);
  const incoming = new Map<CellId, { sources: CellId[]; values: string[] }>();
  const report: MigrationReport = { from: from.id, to: to.id, mapped: [], noCounterpart: [], leftBlank: [] };
  for (const cell of from.cells) {
    const { table, row, column } = splitCellId(cell);
    const value = draft.cells[table]?.[row]?.[column] ?? '';
    if (value === '') continue;
    // In an authored draft the target recomputes its totals; they are not carried as values.
    if (draft.totals === 'computed' && from.isTotal(cell)) continue;
    let target: CellId | null = null;
    for (const rule of rules) {
      const t = apply(rule, cell);
      if (t !== null && targetCells.has(t)) {
        target = t;
        break;
      }
    }
    if (target === null) {
      report.noCounterpart.push(cell);
      continue;
    }
    const entry = incoming.get(target) ?? { sources: [], values: [] };
    entry.sources.push(cell);
    entry.values.push(value);
    incoming.set(target, entry);
    report.mapped.push({ from: cell, to: target });
  }

  const next = blankDraft(to, { reportYear: draft.reportYear, agencyName: draft.agency.name, agencyKind: draft.agency.kind, region: draft.agency.region });
  for (const [target, { values }] of incoming) {
    const { table, row, column } = splitCellId(target);
    const kind = to.kindOf(target);
    // Values that do not read as numbers cannot be summed; a single one is carried as it is.
    const parsed = values.map((v) => parseCellInput(v, kind));
    const readable = parsed.every((p) => p.ok && p.value !== '');
    next.cells[table]![row]![column] = values.length === 1 ? values[0]! : readable ? sumDecimals(parsed.map((p) => (p.ok ? p.value : ''))) : values.join(' ');
  }
  for (const cell of to.cells) {
    if (draft.totals === 'computed' && to.isTotal(cell)) continue;
    const { table, row, column } = splitCellId(cell);
    if (next.cells[table]![row]![column] === '') report.leftBlank.push(cell);
  }

  const migrated: Draft = {
    ...next,
    agency: { ...draft.agency },
    publicationDate: draft.publicationDate,
    totals: draft.totals,
    sections: carrySections(draft, next),
    acknowledged: [],
    ...(draft.processingFees ? { processingFees: { ...draft.processingFees } } : {}),
  };
  return { draft: withComputedTotals(to, migrated), report };
}

export interface Conversion {
  draft: Draft;
  /** Filled cells of the old draft that have no place in the new format. */
  dropped: number;
  report: MigrationReport;
}

export function convertDraft(draft: Draft, from: Format, to: Format): Conversion {
  const { draft: next, report } = migrateDraft(draft, from, to);
  return { draft: { ...next, acknowledged: draft.acknowledged }, dropped: report.noCounterpart.length, report };
}

/** Whether any table cell of the draft holds a value. */
export function hasTableValues(draft: Draft): boolean {
  return Object.values(draft.cells).some((rows) => Object.values(rows).some((cols) => Object.values(cols).some((v) => v !== '')));
}
