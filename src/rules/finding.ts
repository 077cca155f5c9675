/** A finding: what a check found, where, and how to say it (an i18n key and its parameters). */
import type { SectionId } from '../format/definition';

export type Severity = 'error' | 'warning' | 'hint';

export interface Finding {
  /** Stable rule id: a relation id from the format (`requests.balance`) or a built-in rule (`date.after-deadline`). */
  rule: string;
  /** Rule and place, unique within one check; an acknowledgement refers to this. */
  key: string;
  severity: Severity;
  /** The section the finding belongs to; `meta` for the report's header (agency, year, date, format). */
  section: SectionId | 'meta';
  /** Cells (`requests/B3.1/NP`) and fields (`publicationDate`, `sections.other.text`) concerned. */
  cells: string[];
  expected: number | string | null;
  actual: number | string | null;
  difference: number | null;
  message: { key: string; params: Record<string, string | number> };
  /** The reason given when a warning or hint was acknowledged. */
  acknowledged?: string;
  /** The check unit that produced it (used by the incremental re-check). */
  unit: string;
  /** Position in the canonical order of findings. */
  order: number;
}

export interface FindingSummary {
  errors: number;
  warnings: number;
  hints: number;
  acknowledged: number;
}

export function summarize(findings: readonly Finding[]): FindingSummary {
  const s: FindingSummary = { errors: 0, warnings: 0, hints: 0, acknowledged: 0 };
  for (const f of findings) {
    if (f.acknowledged !== undefined) s.acknowledged++;
    else if (f.severity === 'error') s.errors++;
    else if (f.severity === 'warning') s.warnings++;
    else s.hints++;
  }
  return s;
}

/** What a check unit returns for one finding, before the engine stamps its unit and order. */
export type UnitFinding = Omit<Finding, 'unit' | 'order'>;

/**
 * A finding with the defaults most rules use: its key is its rule (one finding of the rule per draft) and it
 * compares no values unless it says so.
 */
export function makeFinding(
  f: Pick<Finding, 'rule' | 'severity' | 'section' | 'cells' | 'message'> & Partial<Pick<Finding, 'key' | 'expected' | 'actual' | 'difference'>>,
): UnitFinding {
  return { key: f.rule, expected: null, actual: null, difference: null, ...f };
}
