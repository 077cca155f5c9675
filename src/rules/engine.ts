/**
 * The rule engine: (format, draft, last year's draft?) -> findings. Plain TypeScript, no React, no DOM.
 *
 * Every check is a "unit": one relation applied to one row or column, the validity of one cell, the blank
 * cells of one table, the dates, one text field. A plan built once per format and totals mode knows which
 * units each cell touches (through the totals it feeds, in an authored draft), so `recheck` re-runs only those
 * and returns exactly what `check` would.
 */
import { SECTION_IDS } from '../format/definition';
import { splitCellId, type CellId, type Format, type RelationInstance } from '../format/format';
import { formatById } from '../format/registry';
import type { Draft } from '../model/draft';
import type { Finding } from './finding';
import { relationFindings } from './relations';
import { blankFindings, cellFindings } from './cells';
import { dateFindings, formatYearFindings, previousYearFindings } from './meta';
import { figureUnitFor, textUnitsFor } from './text';
import type { CheckContext, Unit } from './unit';

export type { CheckContext, Unit } from './unit';

interface Plan {
  units: Unit[];
  /** For each cell, the indices of the units a change to it touches. */
  byCell: Map<CellId, number[]>;
  /** Units that read only text fields. */
  textUnits: number[];
}

const plans = new WeakMap<Format, Partial<Record<Draft['totals'], Plan>>>();

function planFor(format: Format, mode: Draft['totals']): Plan {
  let perFormat = plans.get(format);
  if (!perFormat) plans.set(format, (perFormat = {}));
  return (perFormat[mode] ??= buildPlan(format, mode));
}

function buildPlan(format: Format, mode: Draft['totals']): Plan {
  const units: Unit[] = [];
  const byCell = new Map<CellId, number[]>();
  const textUnits: number[] = [];

  // In an authored draft a total moves with each of its parts, so a part touches whatever reads the total.
  const reach = (cell: CellId): CellId[] => (mode === 'computed' ? [cell, ...format.totalsFed(cell)] : [cell]);
  const readers = new Map<CellId, number[]>();
  const addUnit = (unit: Unit, reads: CellId[]) => {
    const index = units.push(unit) - 1;
    for (const c of reads) readers.set(c, [...(readers.get(c) ?? []), index]);
    return index;
  };

  units.push(formatYearFindings, dateFindings, previousYearFindings);
  for (const section of SECTION_IDS) {
    for (const unit of textUnitsFor(format, section)) textUnits.push(units.push(unit) - 1);
    const figures = figureUnitFor(format, section);
    if (figures) textUnits.push(addUnit(figures.unit, figures.reads));
    for (const table of format.tables.filter((t) => t.section === section)) {
      for (const inst of format.relations.filter((r) => r.relation.table === table.id)) {
        addUnit(
          relationUnit(format, inst),
          [...inst.lhs, ...inst.rhs].filter((t) => !t.previousYear).map((t) => t.cell),
        );
      }
      for (const row of table.rows) {
        for (const column of table.columns) {
          const cell = `${table.id}/${row.key}/${column.key}`;
          if (mode === 'computed' && format.isTotal(cell)) continue;
          addUnit({ id: `cell:${cell}`, section, run: (ctx) => cellFindings(ctx, cell) }, [cell]);
        }
      }
      const tableCells = format.cells.filter((c) => splitCellId(c).table === table.id);
      addUnit({ id: `blank:${table.id}`, section, run: (ctx) => blankFindings(ctx, table.id) }, tableCells);
    }
  }

  for (const cell of format.cells) {
    const touched = new Set<number>();
    for (const c of reach(cell)) for (const u of readers.get(c) ?? []) touched.add(u);
    byCell.set(
      cell,
      [...touched].sort((a, b) => a - b),
    );
  }
  return { units, byCell, textUnits };
}

function relationUnit(format: Format, inst: RelationInstance): Unit {
  const section = format.table(inst.relation.table).section;
  return { id: `rel:${inst.id}`, section, run: (ctx) => relationFindings(ctx, inst) };
}

function contextFor(format: Format, draft: Draft, previous?: Draft): CheckContext {
  if (!previous) return { format, draft };
  const previousFormat = formatById(previous.formatId);
  return previousFormat ? { format, draft, previous: { format: previousFormat, draft: previous } } : { format, draft };
}

function runUnits(plan: Plan, indices: Iterable<number>, ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const i of indices) {
    const unit = plan.units[i]!;
    for (const f of unit.run(ctx)) out.push({ ...f, unit: unit.id, order: i });
  }
  return out;
}

function compareFindings(a: Finding, b: Finding): number {
  return a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

function applyAcknowledgements(draft: Draft, findings: Finding[]): Finding[] {
  if (draft.acknowledged.length === 0) return findings;
  const reasons = new Map(draft.acknowledged.map((a) => [a.finding, a.reason]));
  return findings.map((f) => {
    const reason = f.severity === 'error' ? undefined : reasons.get(f.key);
    if (reason === undefined) {
      if (f.acknowledged === undefined) return f;
      const { acknowledged: _dropped, ...rest } = f;
      return rest;
    }
    return { ...f, acknowledged: reason };
  });
}

/** Every finding for a draft, in canonical order (header first, then section by section). */
export function check(format: Format, draft: Draft, previous?: Draft): Finding[] {
  const plan = planFor(format, draft.totals);
  const ctx = contextFor(format, draft, previous);
  const all = runUnits(plan, plan.units.keys(), ctx).sort(compareFindings);
  return applyAcknowledgements(draft, all);
}

/** What changed since `before` was computed: one table cell, or a field such as `sections.other.text`. */
export type Change = { cell: CellId } | { field: string };

/**
 * The findings after one change, re-running only the units the change touches. `before` must be the result
 * of `check`/`recheck` for the same format, totals mode and previous draft.
 */
export function recheck(format: Format, draft: Draft, before: readonly Finding[], change: Change, previous?: Draft): Finding[] {
  const plan = planFor(format, draft.totals);
  let touched: number[];
  if ('cell' in change) {
    touched = plan.byCell.get(change.cell) ?? [];
  } else if (change.field.startsWith('sections.') || change.field === 'processingFees') {
    touched = plan.textUnits;
  } else if (change.field === 'acknowledged') {
    return applyAcknowledgements(draft, [...before]);
  } else {
    return check(format, draft, previous);
  }
  const ctx = contextFor(format, draft, previous);
  const touchedIds = new Set(touched.map((i) => plan.units[i]!.id));
  const kept = before.filter((f) => !touchedIds.has(f.unit));
  const fresh = applyAcknowledgements(draft, runUnits(plan, touched, ctx));
  return [...kept, ...fresh].sort(compareFindings);
}
