/** The standard sentences with the current table figures, for the "write the figures" action. */
import sentences from '../../templates/report/sentences.json';
import type { Format } from '../format/format';
import { effectiveNumber, type Draft } from './draft';
import { fillTemplate } from './template';

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

/**
 * Each sentence, or null while a figure it quotes is still blank: the requests sentence needs section 三
 * complete, the review sentence section 四, so a clerk who has finished 三 can write that one already.
 */
export function figuresSentences(format: Format, draft: Draft): { requests: string | null; review: string | null } {
  const values: Record<string, number | null> = {};
  for (const figure of format.definition.figures) values[figure.id] = figureValue(format, draft, figure.cells);
  const fill = (template: string): string | null => {
    const { text, complete } = fillTemplate(template, values);
    return complete ? text : null;
  };
  return { requests: fill(sentences.figures.requests), review: fill(sentences.figures.review) };
}
