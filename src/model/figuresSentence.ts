/** The standard sentences with the current table figures, for the "write the figures" action. */
import sentences from '../../templates/report/sentences.json';
import type { Format } from '../format/format';
import { effectiveNumber, type Draft } from './draft';

/** The sentences, or null while a figure they quote is still blank. */
export function figuresSentences(format: Format, draft: Draft): { requests: string; review: string } | null {
  const values: Record<string, number> = {};
  for (const figure of format.definition.figures) {
    let sum = 0;
    for (const cell of figure.cells) {
      const v = effectiveNumber(format, draft, cell);
      if (v === null) return null;
      sum += v;
    }
    values[figure.id] = sum;
  }
  const fill = (t: string) => t.replace(/{{(\w+)}}/g, (_, k: string) => String(values[k] ?? ''));
  return { requests: fill(sentences.figures.requests), review: fill(sentences.figures.review) };
}
