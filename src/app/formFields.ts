/**
 * The form's fields and the DOM ids of inputs. The report's header and texts are react-hook-form fields; the
 * table cells are not: the draft store alone holds them (see TableGrid).
 */
import type { CellId } from '../format/format';
import type { FieldPath } from 'react-hook-form';
import type { SectionId } from '../format/definition';
import type { Draft } from '../model/draft';

/** The DOM id of a cell's input, used by links from findings. */
export function cellInputId(cell: CellId): string {
  return `cell-${cell.replace(/[/.]/g, '-')}`;
}

/** The DOM id of a field (`publicationDate`, `sections.<section>.text`). */
export function fieldInputId(ref: string): string {
  return `field-${ref.replace(/\./g, '-')}`;
}

/**
 * The element holding a finding's wording in its section's summary. The cells a finding marks are described by
 * it (aria-describedby), so a finding is worded once, however many cells it names.
 */
export function findingTextId(findingKey: string): string {
  return `finding-${findingKey.replace(/\s/g, '_')}`;
}

export type FormValues = Omit<Draft, 'cells'>;

export function toFormValues(draft: Draft): FormValues {
  const { cells: _cells, ...fields } = draft;
  return structuredClone(fields);
}

/** A text of the report: a section's own text, or one of section 一's topics. */
export type TextPath = `sections.${SectionId}.text` | `sections.${SectionId}.topics.${string}`;

/** A field of the report's header or of its fees, as react-hook-form names it. */
export type HeaderPath = Extract<FieldPath<FormValues>, `agency.${string}` | 'reportYear' | 'publicationDate' | `processingFees.${string}`>;
