/**
 * A check unit and what it reads: the shape every rule module implements and the engine plans and runs. Kept
 * apart from the engine so that the rule modules and the engine do not import each other.
 */
import type { SectionId } from '../format/definition';
import type { Format } from '../format/format';
import type { Draft } from '../model/draft';
import type { Finding } from './finding';

export interface CheckContext {
  format: Format;
  draft: Draft;
  previous?: { format: Format; draft: Draft };
}

export interface Unit {
  id: string;
  section: SectionId | 'meta';
  /** Runs the check; `order` is stamped on the findings by the engine. */
  run(ctx: CheckContext): Omit<Finding, 'unit' | 'order'>[];
}
