/** Checking one arithmetic relation of the format (spec §5) in one row or column. */
import { splitCellId, type RelationInstance } from '../format/format';
import { columnLabel, rowLabel } from '../format/labels';
import { effectiveNumber } from '../model/draft';
import type { CheckContext, Unit } from './unit';

type Result = ReturnType<Unit['run']>;

export function relationFindings(ctx: CheckContext, inst: RelationInstance): Result {
  const { format, draft, previous } = ctx;
  const needsPrevious = [...inst.lhs, ...inst.rhs].some((t) => t.previousYear);
  if (needsPrevious && (!previous || previous.draft.reportYear !== draft.reportYear - 1)) return [];

  const side = (terms: RelationInstance['lhs']): number | null => {
    let sum = 0;
    for (const term of terms) {
      let v: number | null;
      if (term.previousYear) {
        // Last year's report may be in another format; a cell it does not have cannot be compared.
        if (!previous!.format.kindOfOrNull(term.cell)) return null;
        v = effectiveNumber(previous!.format, previous!.draft, term.cell);
      } else {
        v = effectiveNumber(format, draft, term.cell);
      }
      // Blank (or unreadable) cells make the relation unjudgeable: the blank-cells hint says so instead.
      if (v === null) return null;
      sum += term.sign * v;
    }
    return sum;
  };
  const actual = side(inst.lhs);
  if (actual === null) return [];
  const expected = side(inst.rhs);
  if (expected === null) return [];

  const rel = inst.relation;
  const holds = rel.op === '=' ? actual === expected : rel.op === '>=' ? actual >= expected : actual <= expected;
  if (holds) return [];

  const table = format.table(rel.table);
  const at = rel.for === 'rows' ? rowLabel(table, inst.at) : columnLabel(table, inst.at);
  const first = splitCellId(inst.lhs[0]!.cell);
  const groupOfLhs = (table.columnIndex.get(first.column)?.group ?? []).join('/');
  const difference = actual - expected;
  return [
    {
      rule: rel.id,
      key: inst.id,
      severity: rel.severity,
      section: table.section,
      cells: [...inst.lhs, ...inst.rhs].map((t) => (t.previousYear ? `previous:${t.cell}` : t.cell)),
      expected,
      actual,
      difference,
      message: {
        key: `relation.${rel.message}`,
        params: { at, group: groupOfLhs, expected, actual, difference: difference > 0 ? `+${difference}` : String(difference) },
      },
    },
  ];
}
