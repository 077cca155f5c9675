/** Checks of the report's header: the format against the year, the publication date, last year's draft. */
import { formatFitsYear, pickFormat } from '../format/registry';
import type { Unit } from './unit';
import { makeFinding } from './finding';

/**
 * Statutory deadlines (条例第四十九条), as month-day of the year after the report year: departments of
 * governments at or above county level by 1月31日, the 本级人民政府 report by 3月31日. Townships, streets and
 * other bodies have none set by the regulation.
 */
const DEADLINES: Partial<Record<string, string>> = { department: '01-31', government: '03-31' };

export const formatYearFindings: Unit = {
  id: 'meta:format',
  section: 'meta',
  run({ format, draft }) {
    if (formatFitsYear(format, draft.reportYear)) return [];
    const { from, to } = format.definition.years;
    const suggested = pickFormat(draft.reportYear, draft.agency.region);
    return [
      makeFinding({
        rule: 'format.wrong-year',
        severity: 'error',
        section: 'meta',
        cells: ['formatId', 'reportYear'],
        expected: suggested.id,
        actual: format.id,
        message: {
          key: to === null ? 'rule.formatWrongYearOpen' : 'rule.formatWrongYear',
          params: {
            format: format.definition.name,
            basis: format.definition.basis,
            from,
            to: to ?? '',
            year: draft.reportYear,
            suggested: suggested.definition.name,
          },
        },
      }),
    ];
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
      return [
        makeFinding({
          rule: 'date.missing',
          severity: 'hint',
          section: 'meta',
          cells: ['publicationDate'],
          message: { key: 'rule.dateMissing', params: {} },
        }),
      ];
    }
    const periodEnd = `${year + 1}-01-01`;
    if (date < periodEnd) {
      return [
        makeFinding({
          rule: 'date.before-period-end',
          severity: 'error',
          section: 'meta',
          cells: ['publicationDate', 'reportYear'],
          expected: periodEnd,
          actual: date,
          difference: daysBetween(periodEnd, date),
          message: { key: 'rule.dateBeforePeriodEnd', params: { date, year, earliest: periodEnd } },
        }),
      ];
    }
    const monthDay = DEADLINES[draft.agency.kind];
    if (monthDay === undefined) return [];
    const deadline = `${year + 1}-${monthDay}`;
    if (date <= deadline) return [];
    return [
      makeFinding({
        rule: 'date.after-deadline',
        severity: 'warning',
        section: 'meta',
        cells: ['publicationDate', 'agency.kind'],
        expected: deadline,
        actual: date,
        difference: daysBetween(deadline, date),
        message: {
          key: 'rule.dateAfterDeadline',
          params: { date, deadline, days: daysBetween(deadline, date), kindKey: `agencyKind.${draft.agency.kind}` },
        },
      }),
    ];
  },
};

export const previousYearFindings: Unit = {
  id: 'meta:previous',
  section: 'meta',
  run({ draft, previous }) {
    if (!previous || previous.draft.reportYear === draft.reportYear - 1) return [];
    return [
      makeFinding({
        rule: 'previous.wrong-year',
        severity: 'warning',
        section: 'meta',
        cells: ['reportYear'],
        expected: draft.reportYear - 1,
        actual: previous.draft.reportYear,
        message: { key: 'rule.previousWrongYear', params: { year: draft.reportYear, previousYear: previous.draft.reportYear } },
      }),
    ];
  },
};
