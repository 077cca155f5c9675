/** Checks of the report's header: the format against the year, the publication date, last year's draft. */
import { formatFitsYear, pickFormat } from '../format/registry';
import type { Unit } from './unit';
import { makeFinding, type Finding, type Severity, type UnitFinding } from './finding';

/**
 * Statutory deadlines (条例第四十九条), as month-day of the year after the report year: departments of
 * governments at or above county level by 1月31日, the 本级人民政府 report by 3月31日. Townships, streets and
 * other bodies have none set by the regulation.
 */
const DEADLINES: Partial<Record<string, string>> = { department: '01-31', government: '03-31' };

/** What a header finding compares: the value expected, the value found and, for dates, the days between. */
type Compared = Partial<Pick<Finding, 'expected' | 'actual' | 'difference'>>;

/** A finding of the header: its rule, how severe, the fields it names, its message and what it compares. */
function headerFinding(rule: string, severity: Severity, cells: string[], message: Finding['message'], compared: Compared = {}): UnitFinding {
  return makeFinding({ rule, severity, section: 'meta', cells, message, ...compared });
}

export const formatYearFindings: Unit = {
  id: 'meta:format',
  section: 'meta',
  run({ format, draft }) {
    if (formatFitsYear(format, draft.reportYear)) return [];
    const { from, to } = format.definition.years;
    const suggested = pickFormat(draft.reportYear, draft.agency.region);
    const params = {
      format: format.definition.name,
      basis: format.definition.basis,
      from,
      to: to ?? '',
      year: draft.reportYear,
      suggested: suggested.definition.name,
    };
    const key = to === null ? 'rule.formatWrongYearOpen' : 'rule.formatWrongYear';
    return [headerFinding('format.wrong-year', 'error', ['formatId', 'reportYear'], { key, params }, { expected: suggested.id, actual: format.id })];
  },
};

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export const dateFindings: Unit = {
  id: 'meta:date',
  section: 'meta',
  run({ draft }) {
    const date = draft.publicationDate;
    const year = draft.reportYear;
    if (date === '') {
      return [headerFinding('date.missing', 'hint', ['publicationDate'], { key: 'rule.dateMissing', params: {} })];
    }
    const periodEnd = `${year + 1}-01-01`;
    if (date < periodEnd) {
      const message = { key: 'rule.dateBeforePeriodEnd', params: { date, year, earliest: periodEnd } };
      return [
        headerFinding('date.before-period-end', 'error', ['publicationDate', 'reportYear'], message, {
          expected: periodEnd,
          actual: date,
          difference: daysBetween(periodEnd, date),
        }),
      ];
    }
    const monthDay = DEADLINES[draft.agency.kind];
    if (monthDay === undefined) return [];
    const deadline = `${year + 1}-${monthDay}`;
    if (date <= deadline) return [];
    const days = daysBetween(deadline, date);
    const message = { key: 'rule.dateAfterDeadline', params: { date, deadline, days, kindKey: `agencyKind.${draft.agency.kind}` } };
    return [
      headerFinding('date.after-deadline', 'warning', ['publicationDate', 'agency.kind'], message, { expected: deadline, actual: date, difference: days }),
    ];
  },
};

export const previousYearFindings: Unit = {
  id: 'meta:previous',
  section: 'meta',
  run({ draft, previous }) {
    if (!previous || previous.draft.reportYear === draft.reportYear - 1) return [];
    const message = { key: 'rule.previousWrongYear', params: { year: draft.reportYear, previousYear: previous.draft.reportYear } };
    return [headerFinding('previous.wrong-year', 'warning', ['reportYear'], message, { expected: draft.reportYear - 1, actual: previous.draft.reportYear })];
  },
};
