/**
 * The desk as tables of text, in the clerk's language: one row per report (the findings table), every cell of
 * every report (the long table), and the notes across reports. The command line prints them, CSV and XLSX hold
 * them, the HTML summary and the page show them: one wording for all.
 */
import type { TFunction } from 'i18next';
import { formatById } from '../format/registry';
import { cellRows } from '../model/cellRows';
import { findingMessage } from '../i18n/wording';
import { importProblemText } from '../import/reportText';
import type { Desk, DeskTotal, ReviewedReport } from './desk';
import { figureValue } from '../model/figureValue';

export const REPORT_COLUMNS = ['file', 'agency', 'kind', 'year', 'format', 'date', 'readAs', 'errors', 'warnings', 'quality', 'worst'] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];

export function reportHeader(t: TFunction): string[] {
  return REPORT_COLUMNS.map((c) => t(`desk.column.${c}`));
}

function qualityText(t: TFunction, r: ReviewedReport): string {
  if (!r.quality) return t('desk.fromDraft');
  return t('desk.quality', { placed: r.quality.placed, total: r.quality.total, inferred: r.quality.inferred, missing: r.quality.missing });
}

export function reportRow(t: TFunction, r: ReviewedReport): Record<ReportColumn, string | number> {
  const format = formatById(r.draft.formatId)!;
  return {
    file: r.name,
    agency: r.draft.agency.name,
    kind: t(`agencyKind.${r.draft.agency.kind}`),
    year: r.draft.reportYear,
    format: format.definition.name,
    date: r.draft.publicationDate,
    readAs: t(`desk.readAs.${r.readAs}`, { kind: r.fileKind.toUpperCase() }),
    errors: r.summary.errors,
    warnings: r.summary.warnings,
    quality: qualityText(t, r),
    worst: r.worst ? findingMessage(t, r.worst) : '',
  };
}

export function reportRows(t: TFunction, desk: Desk): (string | number)[][] {
  return desk.reports.map((r) => REPORT_COLUMNS.map((c) => reportRow(t, r)[c]));
}

export function cellsHeader(t: TFunction): string[] {
  return ['file', 'agency', 'year', 'section', 'table', 'row', 'column', 'value'].map((c) => t(`desk.cellColumn.${c}`));
}

/** Every cell of every report, one line each. */
export function allCellRows(desk: Desk): string[][] {
  return desk.reports.flatMap((r) =>
    cellRows(formatById(r.draft.formatId)!, r.draft).map((c) => [
      r.name,
      r.draft.agency.name,
      String(r.draft.reportYear),
      c.section,
      c.table,
      c.row,
      c.column,
      c.value,
    ]),
  );
}

export function deskNotes(t: TFunction, desk: Desk): string[] {
  return [
    ...desk.notes.map((n) => t(n.key, n.params)),
    ...desk.unreadable.map((u) => t('desk.unreadable', { file: u.name, problem: importProblemText(t, u.problem) })),
  ];
}

/** The totals of one year's reports in words: the figures the format names (新收, 办结, 行政复议, 行政诉讼). */
export function deskTotalText(t: TFunction, total: DeskTotal): string {
  const format = formatById(total.formatId)!;
  const figure = (id: string) => {
    const f = format.definition.figures.find((x) => x.id === id);
    return f ? (figureValue(format, total.draft, f.cells) ?? '—') : '—';
  };
  return t('desk.totals', {
    year: total.year,
    format: format.definition.name,
    count: total.count,
    received: figure('received'),
    handled: figure('handled'),
    reconsideration: figure('reconsideration'),
    litigation: figure('litigation'),
  });
}
