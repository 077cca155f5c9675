/**
 * Letting the arithmetic decide what the layout leaves open: a row read with fewer values than columns (a blank
 * cell whose place the source does not show) or more (a stray number) is placed in the one way for which the
 * row's own relations hold (its 总计 equal to the sum of its parts). Where none or several ways do, the row is
 * left for the clerk and the report says why.
 */
import { cellId, type CellId, type Format, type Table } from '../format/format';
import { parseCellInput } from '../model/number';

/** More ways than this to try means the layout said too little; the row is left blank. */
const MAX_PLACEMENTS = 20000;

export type Inference = { ok: true; values: string[] } | { ok: false; reason: 'none' | 'several' | 'tooMany' | 'noRelation' };

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

/** Every order-keeping choice of `k` positions out of `n`. */
function* choices(n: number, k: number): Generator<number[]> {
  const chosen: number[] = [];
  function* visit(from: number): Generator<number[]> {
    if (chosen.length === k) {
      yield [...chosen];
      return;
    }
    for (let i = from; i <= n - (k - chosen.length); i++) {
      chosen.push(i);
      yield* visit(i + 1);
      chosen.pop();
    }
  }
  yield* visit(0);
}

export function inferRow(format: Format, table: Table, rowKey: string, found: string[]): Inference {
  const columns = table.columns;
  const cellOf = (j: number): CellId => cellId(table.id, rowKey, columns[j]!.key);
  const inRow = new Set(columns.map((_, j) => cellOf(j)));
  // The relations within this row alone (last year's figures and other rows' cells are not at hand).
  const relations = format.relations.filter((r) => [...r.lhs, ...r.rhs].every((t) => !t.previousYear && inRow.has(t.cell)));
  if (relations.length === 0) return { ok: false, reason: 'noRelation' };
  const numbers = found.map((raw, i) => {
    const parsed = parseCellInput(raw, columns[Math.min(i, columns.length - 1)]!.kind);
    return parsed.ok && parsed.value !== '' ? Number(parsed.value) : NaN;
  });
  if (numbers.some((n) => Number.isNaN(n))) return { ok: false, reason: 'none' };

  const n = columns.length;
  const k = found.length;
  const fewer = k < n;
  if (binomial(fewer ? n : k, fewer ? k : n) > MAX_PLACEMENTS) return { ok: false, reason: 'tooMany' };
  const holds = (value: (cell: CellId) => number) =>
    relations.every((r) => {
      const side = (terms: typeof r.lhs) => terms.reduce((s, t) => s + t.sign * value(t.cell), 0);
      const a = side(r.lhs);
      const b = side(r.rhs);
      return r.relation.op === '=' ? a === b : r.relation.op === '>=' ? a >= b : a <= b;
    });

  // Distinct outcomes only: dropping either of two equal stray values is one reading, not two.
  const fits: string[][] = [];
  const seen = new Set<string>();
  const fit = (values: string[]) => {
    const key = values.join('\t');
    if (!seen.has(key)) {
      seen.add(key);
      fits.push(values);
    }
  };
  if (fewer) {
    // Which columns the values stand in; the others are blank (counted as nothing in the sums).
    for (const at of choices(n, k)) {
      const values: string[] = Array.from({ length: n }, () => '');
      const byCell = new Map<CellId, number>();
      at.forEach((j, i) => {
        values[j] = found[i]!;
        byCell.set(cellOf(j), numbers[i]!);
      });
      if (holds((c) => byCell.get(c) ?? 0)) fit(values);
      if (fits.length > 1) break;
    }
  } else {
    // Which of the values are the row's; the others are stray.
    for (const keep of choices(k, n)) {
      const byCell = new Map<CellId, number>(keep.map((i, j) => [cellOf(j), numbers[i]!]));
      if (holds((c) => byCell.get(c) ?? 0)) fit(keep.map((i) => found[i]!));
      if (fits.length > 1) break;
    }
  }
  if (fits.length === 1) return { ok: true, values: fits[0]! };
  return { ok: false, reason: fits.length === 0 ? 'none' : 'several' };
}
