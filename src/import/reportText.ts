/** The import report in words, for the command line and the page. */
import type { TFunction } from 'i18next';
import { formatById } from '../format/registry';
import { cellLabel } from '../format/labels';
import type { ImportMessage, ImportReport } from './importer';
import { translateParams } from '../i18n/wording';

function say(t: TFunction, m: ImportMessage): string {
  return t(m.key, translateParams(t, m.params));
}

export interface ImportReportText {
  summary: string;
  notes: string[];
  problems: string[];
  missing: string | null;
  /** The cells whose column the row's arithmetic decided, for the clerk to check. */
  inferred: string | null;
}

export function importReportText(t: TFunction, report: ImportReport): ImportReportText {
  const format = formatById(report.formatId)!;
  const missing = report.missing.map((c) => cellLabel(format, c));
  return {
    summary: t('import.summary', { placed: report.placed, total: report.total }),
    notes: report.notes.map((m) => say(t, m)),
    problems: report.problems.map((m) => say(t, m)),
    missing:
      missing.length > 0 ? t('import.missing', { count: missing.length, list: missing.slice(0, 12).join('、') + (missing.length > 12 ? '…' : '') }) : null,
    inferred:
      report.inferred.length > 0
        ? t('import.inferredCells', { count: report.inferred.length, list: report.inferred.map((c) => cellLabel(format, c)).join('、') })
        : null,
  };
}

export function importProblemText(t: TFunction, m: ImportMessage): string {
  return say(t, m);
}
