/**
 * The standard sentences written into the report's text on request: the table figures ("write the figures")
 * and the processing fees. Loaded when the clerk asks for one.
 */
import sentences from '../../templates/report/sentences.json';
import type { Format } from '../format/format';
import type { Draft, ProcessingFees } from './draft';
import { figureValue } from './figureValue';
import { fillTemplate } from './template';

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

/** The processing-fee sentence: none charged, or the notices, amount and sum collected (a blank counts as 0). */
export function feesSentence(fees: ProcessingFees | undefined): string {
  const nums = [fees?.notices ?? '', fees?.amount ?? '', fees?.collected ?? ''].map((v) => v.trim());
  if (nums.every((v) => v === '' || Number(v) === 0)) return sentences.processingFees.none;
  return fillTemplate(sentences.processingFees.some, { notices: nums[0] || '0', amount: nums[1] || '0', collected: nums[2] || '0' }).text;
}
