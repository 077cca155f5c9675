/**
 * The review desk on the page: a folder's worth of reports (drafts, DOCX, PDF, HTML, TXT) read and checked in a
 * worker, one table of them (sortable, filtered to errors, to late reports or to one kind of agency), each row
 * opening its findings, and from there the report as the draft; the notes across reports and the totals beside;
 * CSV, XLSX and a printable HTML summary. Loaded only when the desk is opened.
 */
import { memo, startTransition, Suspense, useMemo, useState, type ComponentType } from 'react';
import type { TFunction } from 'i18next';
import type { Draft } from '../model/draft';
import type { Format } from '../format/format';
import { AGENCY_KINDS } from '../format/definition';
import { formatById } from '../format/registry';
import { findingMessage } from '../i18n/wording';
import type { Desk, ReviewedReport } from '../review/desk';
import type { DeskFile, DeskWorkerMessage } from '../review/deskWorker';
import type * as DeskExports from '../review/exports';
import { REPORT_COLUMNS, deskNotes, deskTotalText, reportHeader, reportRow, type ReportColumn } from '../review/table';
import type { FilePicker } from './FilePicker';
import { WorkNotice } from './WorkNotice';

const COLLATOR = new Intl.Collator('zh-CN');

const ACCEPT = '.json,.docx,.pdf,.html,.htm,.txt,application/json,application/pdf,text/plain,text/html';

/**
 * What the desk takes from the page rather than importing it, so that loading the desk later never splits the
 * page's own code (i18next, the file picker, saving) into extra files the first load would also fetch.
 */
interface Props {
  t: TFunction;
  Picker: ComponentType<Parameters<typeof FilePicker>[0]>;
  download: (name: string, bytes: Uint8Array, type: string) => void;
  loadExports: () => Promise<typeof DeskExports>;
  /** The page's table view of a draft, shown read-only for the report opened. */
  Tables: ComponentType<{ format: Format; cells: Draft['cells'] }>;
  openDraft: (draft: Draft) => void;
  close: () => void;
}

type Sort = { column: ReportColumn; descending: boolean };

export function ReviewDesk({ t, Picker, download, loadExports, Tables, openDraft, close }: Props) {
  const [desk, setDesk] = useState<Desk | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number; stop: () => void } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [sort, setSort] = useState<Sort>({ column: 'errors', descending: true });
  const [onlyErrors, setOnlyErrors] = useState(false);
  const [onlyLate, setOnlyLate] = useState(false);
  const [kind, setKind] = useState<string>('');
  const [opened, setOpened] = useState<ReviewedReport | null>(null);

  const review = async (files: File[]) => {
    setFailure(null);
    setDesk(null);
    setOpened(null);
    const inputs: DeskFile[] = await Promise.all(
      files.map(async (f) => ({ name: f.webkitRelativePath || f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    const worker = new Worker(new URL('../review/deskWorker.ts', import.meta.url), { type: 'module' });
    const stop = () => {
      worker.terminate();
      setProgress(null);
      setFailure(t('desk.stopped'));
    };
    setProgress({ done: 0, total: inputs.length, stop });
    worker.onmessage = (e: MessageEvent<DeskWorkerMessage>) => {
      const m = e.data;
      if (m.type === 'progress') setProgress({ done: m.done, total: m.total, stop });
      else {
        worker.terminate();
        setProgress(null);
        // Hundreds of rows: drawn as a transition, which React splits into short tasks, so the page never freezes.
        if (m.type === 'done') startTransition(() => setDesk(m.desk));
        else setFailure(m.detail);
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      setProgress(null);
      setFailure(e.message);
    };
    worker.postMessage(
      inputs,
      inputs.map((i) => i.bytes.buffer as ArrayBuffer),
    );
  };

  // Sorted and filtered on the reports' own data: the words of each row are made by its own component, so
  // React can draw hundreds of rows in short slices.
  const shown = useMemo(() => {
    if (!desk) return [];
    const list = desk.reports.filter((r) => (!onlyErrors || r.summary.errors > 0) && (!onlyLate || r.late) && (kind === '' || r.draft.agency.kind === kind));
    const key = (r: ReviewedReport): string | number => sortKey(r, sort.column);
    list.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : COLLATOR.compare(String(x), String(y));
      return sort.descending ? -order : order;
    });
    return list;
  }, [desk, onlyErrors, onlyLate, kind, sort]);

  const exportFile = async (what: 'csv' | 'cells' | 'xlsx' | 'html') => {
    if (!desk) return;
    const exports = await loadExports();
    const text = (s: string) => new TextEncoder().encode(s);
    if (what === 'csv') download(`${t('desk.title')}.csv`, text(exports.deskCsv(t, desk)), 'text/csv');
    if (what === 'cells') download(`${t('desk.title')}-${t('desk.sheet.cells')}.csv`, text(exports.deskCellsCsv(t, desk)), 'text/csv');
    if (what === 'xlsx')
      download(`${t('desk.title')}.xlsx`, await exports.deskXlsx(t, desk), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    if (what === 'html') download(`${t('desk.title')}.html`, text(exports.deskHtml(t, desk)), 'text/html');
  };

  const header = reportHeader(t);
  return (
    <div className="review-desk" data-testid="review-desk">
      <p>{t('desk.help')}</p>
      <div className="desk-sources">
        <Picker label={t('desk.chooseFiles')} accept={ACCEPT} multiple testId="desk-files" className="" onFiles={(files) => void review(files)} />
        <Picker label={t('desk.chooseFolder')} accept={ACCEPT} multiple directory testId="desk-folder" onFiles={(files) => void review(files)} />
      </div>
      {progress && <WorkNotice text={t('desk.progress', { done: progress.done, total: progress.total })} stopLabel={t('import.stop')} onStop={progress.stop} />}
      {failure && (
        <p className="notice error" role="alert">
          {failure}
        </p>
      )}
      {desk && (
        <>
          <p role="status">
            {t('desk.summary', {
              count: desk.reports.length,
              withErrors: desk.reports.filter((r) => r.summary.errors > 0).length,
              unreadable: desk.unreadable.length,
            })}
          </p>
          <ul className="desk-notes">
            {deskNotes(t, desk).map((n, i) => (
              <li key={i}>{n}</li>
            ))}
            {desk.totals.map((total) => (
              <li key={`${total.year}-${total.formatId}`}>{deskTotalText(t, total)}</li>
            ))}
          </ul>
          <div className="desk-filters">
            <label>
              <input type="checkbox" checked={onlyErrors} onChange={(e) => setOnlyErrors(e.target.checked)} /> {t('desk.onlyErrors')}
            </label>
            <label>
              <input type="checkbox" checked={onlyLate} onChange={(e) => setOnlyLate(e.target.checked)} /> {t('desk.onlyLate')}
            </label>
            <label>
              {t('desk.column.kind')}{' '}
              <select value={kind} onChange={(e) => setKind(e.target.value)}>
                <option value="">{t('desk.allKinds')}</option>
                {AGENCY_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`agencyKind.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <span className="desk-exports">
              <button type="button" className="secondary" onClick={() => void exportFile('csv')}>
                CSV
              </button>
              <button type="button" className="secondary" onClick={() => void exportFile('cells')}>
                {t('desk.exportCells')}
              </button>
              <button type="button" className="secondary" onClick={() => void exportFile('xlsx')}>
                XLSX
              </button>
              <button type="button" className="secondary" onClick={() => void exportFile('html')}>
                {t('desk.exportHtml')}
              </button>
            </span>
          </div>
          <div className="desk-table">
            <table>
              <thead>
                <tr>
                  {REPORT_COLUMNS.map((c, i) => (
                    <th key={c} scope="col" aria-sort={sort.column === c ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                      <button
                        type="button"
                        className="link"
                        onClick={() => setSort((s) => ({ column: c, descending: s.column === c ? !s.descending : c === 'errors' || c === 'warnings' }))}
                      >
                        {header[i]}
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((report) => (
                  <DeskRow key={report.name} t={t} report={report} onOpen={setOpened} />
                ))}
              </tbody>
            </table>
          </div>
          {opened && (
            <section className="desk-report" aria-label={opened.name} data-testid="desk-report">
              <h3>
                {opened.draft.agency.name || opened.name} {opened.draft.reportYear}
              </h3>
              <ul>
                {opened.findings.map((f) => (
                  <li key={f.key} className={f.severity}>
                    {t(`severity.${f.severity}`)}：{findingMessage(t, f)}
                  </li>
                ))}
              </ul>
              <button
                type="button"
                onClick={() => {
                  openDraft(opened.draft);
                  close();
                }}
              >
                {t('desk.openAsDraft')}
              </button>
              <Suspense fallback={<p role="status">{t('tools.loading')}</p>}>
                <Tables format={formatById(opened.draft.formatId)!} cells={opened.draft.cells} />
              </Suspense>
            </section>
          )}
        </>
      )}
    </div>
  );
}

/** What a column sorts by, from the report itself (counts as numbers). */
function sortKey(r: ReviewedReport, column: ReportColumn): string | number {
  switch (column) {
    case 'errors':
      return r.summary.errors;
    case 'warnings':
      return r.summary.warnings;
    case 'year':
      return r.draft.reportYear;
    case 'quality':
      return r.quality ? r.quality.placed / r.quality.total : 2;
    case 'agency':
      return r.draft.agency.name;
    case 'kind':
      return r.draft.agency.kind;
    case 'format':
      return r.draft.formatId;
    case 'date':
      return r.draft.publicationDate;
    case 'readAs':
      return `${r.readAs}${r.fileKind}`;
    case 'worst':
      return r.worst ? ['error', 'warning', 'hint'].indexOf(r.worst.severity) : 3;
    default:
      return r.name;
  }
}

const DeskRow = memo(function DeskRow({ t, report, onOpen }: { t: TFunction; report: ReviewedReport; onOpen: (r: ReviewedReport) => void }) {
  const row = reportRow(t, report);
  return (
    <tr className={report.summary.errors > 0 ? 'has-errors' : undefined} data-file={report.name}>
      {REPORT_COLUMNS.map((c) =>
        c === 'file' ? (
          <td key={c}>
            <button type="button" className="link" onClick={() => onOpen(report)}>
              {row.file}
            </button>
          </td>
        ) : (
          <td key={c}>{row[c]}</td>
        ),
      )}
    </tr>
  );
});
