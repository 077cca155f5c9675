/**
 * The desk's exports: the findings table as CSV, a workbook (XLSX, with ExcelJS, loaded only when asked for:
 * the findings table, every cell of every report, the notes), and an HTML summary a supervisor can print.
 */
import type { TFunction } from 'i18next';
import { csvText } from '../model/cellRows';
import { formatById } from '../format/registry';
import { findingMessage } from '../i18n/wording';
import type { Desk } from './desk';
import { allCellRows, cellsHeader, deskNotes, reportHeader, reportRows } from './table';

export function deskCsv(t: TFunction, desk: Desk): string {
  return csvText([reportHeader(t), ...reportRows(t, desk).map((r) => r.map(String))]);
}

export function deskCellsCsv(t: TFunction, desk: Desk): string {
  return csvText([cellsHeader(t), ...allCellRows(desk)]);
}

/** The workbook's bytes. ExcelJS is large: it is loaded here, when an XLSX is asked for. */
export async function deskXlsx(t: TFunction, desk: Desk): Promise<Uint8Array> {
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.Workbook();
  const add = (name: string, header: string[], rows: (string | number)[][], widths: number[]) => {
    const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(header).font = { bold: true };
    for (const row of rows) sheet.addRow(row);
    sheet.columns.forEach((c, i) => (c.width = widths[i] ?? 14));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  };
  add(t('desk.sheet.reports'), reportHeader(t), reportRows(t, desk), [28, 28, 12, 8, 24, 12, 12, 8, 8, 30, 60]);
  add(t('desk.sheet.cells'), cellsHeader(t), allCellRows(desk), [28, 28, 8, 24, 24, 40, 24, 12]);
  add(
    t('desk.sheet.notes'),
    [t('desk.column.note')],
    deskNotes(t, desk).map((n) => [n]),
    [100],
  );
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const escape = (s: string | number) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A page to print: the table of reports, the notes, each report's open findings. */
export function deskHtml(t: TFunction, desk: Desk): string {
  const head = reportHeader(t);
  const rows = reportRows(t, desk);
  const table = `<table><thead><tr>${head.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
  const notes = deskNotes(t, desk);
  const details = desk.reports
    .map((r) => {
      const open = r.findings.filter((f) => f.acknowledged === undefined && f.severity !== 'hint');
      const items = open.map((f) => `<li class="${f.severity}">${escape(t(`severity.${f.severity}`))}：${escape(findingMessage(t, f))}</li>`).join('');
      return `<section><h2>${escape(r.draft.agency.name || r.name)} ${escape(r.draft.reportYear)}（${escape(formatById(r.draft.formatId)!.definition.name)}）</h2>${open.length > 0 ? `<ul>${items}</ul>` : `<p>${escape(t('desk.noFindings'))}</p>`}</section>`;
    })
    .join('\n');
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(t('desk.title'))}</title><style>
body { font-family: "FangSong", "仿宋", serif; margin: 2em; }
table { border-collapse: collapse; font-size: 10.5pt; width: 100%; }
th, td { border: 1px solid #444; padding: 2px 4px; vertical-align: top; }
li.error { color: #b3261e; } li.warning { color: #8a5a00; }
@media print { section { page-break-inside: avoid; } }
</style></head><body><h1>${escape(t('desk.title'))}</h1>
<p>${escape(t('desk.summary', { count: desk.reports.length, withErrors: desk.reports.filter((r) => r.summary.errors > 0).length, unreadable: desk.unreadable.length }))}</p>
${table}
${notes.length > 0 ? `<ul>${notes.map((n) => `<li>${escape(n)}</li>`).join('')}</ul>` : ''}
${details}
</body></html>`;
}
