/** The figures of a format (its `figures`): the sums of table cells that the narrative quotes. */
import type { Format } from '../format/format';
import { effectiveNumber, type Draft } from './draft';

/** The value of a figure: the sum of its cells, or null while any of them is blank. */
export function figureValue(format: Format, draft: Draft, cells: readonly string[]): number | null {
  let sum = 0;
  for (const cell of cells) {
    const v = effectiveNumber(format, draft, cell);
    if (v === null) return null;
    sum += v;
  }
  return sum;
}
