/**
 * Working from other reports: import a published report, start next year's draft from this one, load last
 * year's report for the cross-year checks, and combine several agencies' drafts into one.
 */
import { lazy, Suspense, useState, type ClipboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatById } from '../format/registry';
import { cellLabel } from '../format/labels';
import type { Draft } from '../model/draft';
import type { AggregateReport } from '../model/aggregate';
import type { ImportReport } from '../import/importer';
import type { ImportReportText } from '../import/reportText';
import { fileProblemMessage } from '../i18n/messages';
import { useStore } from './context';
import { ConfirmDialog, Dialog } from './Dialog';
import { downloadBytes, readDraftFile } from './persistence';
import { FilePicker } from './FilePicker';
import { importInWorker } from './importInWorker';
import type { ReviewEdits } from './ImportReview';
import { splitCellId, type CellId } from '../format/format';
import { parseCellInput } from '../model/number';
import { LIMITS, MAX_IMPORT_BYTES } from '../model/limits';
import { loadPartMessages } from './i18n';
import { WorkNotice } from './WorkNotice';

// The review desk (and ExcelJS behind its XLSX export) loads when it is opened.
const ReviewDesk = lazy(() => import('./ReviewDesk').then((m) => ({ default: m.ReviewDesk })));
// The tables of an import or of a report on the desk, loaded when first shown.
const ImportReview = lazy(() => import('./ImportReview').then((m) => ({ default: m.ImportReview })));

type Notify = (kind: 'info' | 'error', text: string, problems?: string[]) => void;

interface Props {
  openDraft: (draft: Draft, previous?: Draft) => void;
  setPrevious: (previous: Draft) => void;
  notify: Notify;
}

async function readFileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

export function Tools({ openDraft, setPrevious, notify }: Props) {
  const { t } = useTranslation();
  const store = useStore();
  const [importOpen, setImportOpen] = useState(false);
  const [pasted, setPasted] = useState<{ text: string; html: string | null }>({ text: '', html: null });
  const [imported, setImported] = useState<{ draft: Draft; report: ImportReport; text: ImportReportText } | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [aggregated, setAggregated] = useState<{ draft: Draft; report: AggregateReport } | null>(null);
  const [confirmNext, setConfirmNext] = useState(false);
  const [deskOpen, setDeskOpen] = useState(false);
  const [importing, setImporting] = useState<{ stage: string; cancel: () => void } | null>(null);
  const [reviewEdits, setReviewEdits] = useState<ReviewEdits>({});
  const [invalidCells, setInvalidCells] = useState<Set<CellId>>(new Set());

  /** The imported draft with the clerk's corrections from the review; null (and the cells marked) if one is not a value. */
  const correctedDraft = (): Draft | null => {
    if (!imported) return null;
    const format = formatById(imported.draft.formatId)!;
    const cells = structuredClone(imported.draft.cells);
    const bad = new Set<CellId>();
    for (const [cell, raw] of Object.entries(reviewEdits)) {
      const parsed = parseCellInput(raw, format.kindOf(cell));
      if (!parsed.ok) bad.add(cell);
      else {
        const { table, row, column } = splitCellId(cell);
        cells[table]![row]![column] = parsed.value;
      }
    }
    setInvalidCells(bad);
    return bad.size > 0 ? null : { ...imported.draft, cells };
  };

  const loadPrevious = async (file: File) => {
    const result = await readDraftFile(file);
    if (!result.ok) {
      notify(
        'error',
        t('draft.openFailed', { name: file.name }),
        result.problems.map((p) => fileProblemMessage(t, p)),
      );
      return;
    }
    setPrevious(result.draft);
    notify('info', t('tools.previousLoaded', { name: file.name, year: result.draft.reportYear }));
  };

  const combine = async (files: File[]) => {
    const drafts: Draft[] = [];
    for (const file of files) {
      const r = await readDraftFile(file);
      if (!r.ok) {
        notify(
          'error',
          t('draft.openFailed', { name: file.name }),
          r.problems.map((p) => fileProblemMessage(t, p)),
        );
        return;
      }
      drafts.push(r.draft);
    }
    // Loaded when first used, like the importer: most clerks never combine drafts.
    const { aggregateDrafts } = await import('../model/aggregate');
    const result = aggregateDrafts(drafts);
    if (!result.ok) {
      notify('error', t(result.problem.key, result.problem.params ?? {}));
      return;
    }
    setAggregated({ draft: result.draft, report: result.report });
  };

  const runImport = async (input: string | Uint8Array) => {
    // The report texts and messages load when first needed; the importer itself runs in a worker (importInWorker).
    const [{ importProblemText, importReportText }] = await Promise.all([import('../import/reportText'), loadPartMessages('import')]);
    const size = typeof input === 'string' ? input.length : input.byteLength;
    if (size > MAX_IMPORT_BYTES) {
      setImportError(t('import.tooLarge'));
      return;
    }
    setImportError(null);
    const running = importInWorker(input, (stage) => setImporting((now) => (now ? { ...now, stage } : now)));
    setImporting({ stage: 'reading', cancel: running.cancel });
    let result: Awaited<typeof running.result>;
    try {
      result = await running.result;
    } catch (e) {
      setImportError(t('import.unreadable', { detail: e instanceof Error ? e.message : String(e) }));
      return;
    } finally {
      setImporting(null);
    }
    if (result === 'cancelled') {
      setImportError(t('import.cancelled'));
      return;
    }
    if (!result.ok) {
      setImported(null);
      setImportError(importProblemText(t, result.problem));
      return;
    }
    setImportError(null);
    setReviewEdits({});
    setInvalidCells(new Set());
    setImported({ draft: result.draft, report: result.report, text: importReportText(t, result.report) });
  };

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    // Copied from a web page, the clipboard also holds the HTML, whose tables keep their cells apart.
    const html = e.clipboardData.getData('text/html');
    setPasted((p) => ({ ...p, html: html !== '' ? html : null }));
  };

  const report = imported?.text ?? null;

  return (
    <>
      <span className="toolbar-group" role="group" aria-label={t('tools.group')}>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setImportOpen(true);
            setImported(null);
            setImportError(null);
          }}
        >
          {t('tools.import')}
        </button>
        <button type="button" className="secondary" onClick={() => setConfirmNext(true)}>
          {t('tools.next')}
        </button>
        <FilePicker label={t('tools.previous')} accept=".json,.docx" testId="open-previous" onFiles={([file]) => void loadPrevious(file!)} />
        <FilePicker label={t('tools.aggregate')} accept=".json,.docx" multiple testId="aggregate-drafts" onFiles={(files) => void combine(files)} />
        <button
          type="button"
          className="secondary"
          onClick={async () => {
            await loadPartMessages('import', 'desk');
            setDeskOpen(true);
          }}
        >
          {t('tools.desk')}
        </button>
      </span>
      <Dialog open={deskOpen} title={t('tools.desk')} onClose={() => setDeskOpen(false)} wide>
        <Suspense fallback={<p role="status">{t('tools.loading')}</p>}>
          <ReviewDesk
            t={t}
            Picker={FilePicker}
            download={downloadBytes}
            loadExports={() => import('../review/exports')}
            Tables={ImportReview}
            openDraft={(draft) => {
              openDraft(draft);
              notify('info', t('tools.imported', { agency: draft.agency.name, year: draft.reportYear }));
            }}
            close={() => setDeskOpen(false)}
          />
        </Suspense>
      </Dialog>
      <Dialog open={importOpen} title={t('tools.importTitle')} onClose={() => setImportOpen(false)} wide>
        {!imported ? (
          <>
            <p>{t('tools.importHelp')}</p>
            <div className="import-source">
              <FilePicker
                label={t('tools.importFile')}
                accept=".pdf,.txt,.html,.htm,.docx,application/pdf,text/plain,text/html"
                testId="import-file"
                className=""
                onFiles={async ([file]) => void runImport(await readFileBytes(file!))}
              />
            </div>
            <label className="paste-label">
              {t('tools.importPaste')}
              <textarea rows={8} value={pasted.text} onPaste={onPaste} onChange={(e) => setPasted({ text: e.target.value, html: pasted.html })} />
            </label>
            {importing && (
              <WorkNotice className="import-progress" text={t(`import.stage.${importing.stage}`)} stopLabel={t('import.stop')} onStop={importing.cancel} />
            )}
            {importError && (
              <p className="notice error" role="alert">
                {importError}
              </p>
            )}
            <div className="dialog-actions">
              <button type="button" disabled={pasted.text.trim() === '' || importing !== null} onClick={() => void runImport(pasted.html ?? pasted.text)}>
                {t('tools.importRead')}
              </button>
              <button type="button" className="secondary" onClick={() => setImportOpen(false)}>
                {t('paste.cancel')}
              </button>
            </div>
          </>
        ) : (
          <>
            <div className="import-report" role="status">
              <p>
                <strong>{report!.summary}</strong>
              </p>
              <h3>{t('import.notes')}</h3>
              <ul>
                {report!.notes.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
              {report!.problems.length > 0 && (
                <>
                  <h3>{t('import.problems')}</h3>
                  <ul className="problems">
                    {report!.problems.map((n, i) => (
                      <li key={i}>{n}</li>
                    ))}
                  </ul>
                </>
              )}
              {report!.missing && <p>{report!.missing}</p>}
              {report!.inferred && <p className="inferred-note">{report!.inferred}</p>}
            </div>
            <h3>{t('review.title')}</h3>
            <p>{t('review.help')}</p>
            <Suspense fallback={<p role="status">{t('tools.loading')}</p>}>
              <ImportReview
                format={formatById(imported.draft.formatId)!}
                cells={imported.draft.cells}
                report={imported.report}
                edits={reviewEdits}
                invalid={invalidCells}
                onEdit={(cell, raw) => setReviewEdits((now) => ({ ...now, [cell]: raw }))}
              />
            </Suspense>
            {invalidCells.size > 0 && (
              <p className="notice error" role="alert">
                {t('review.invalid', { list: [...invalidCells].map((c) => cellLabel(formatById(imported.draft.formatId)!, c)).join('、') })}
              </p>
            )}
            <div className="dialog-actions">
              <button
                type="button"
                onClick={() => {
                  const draft = correctedDraft();
                  if (!draft) return;
                  openDraft(draft);
                  notify('info', t('tools.imported', { agency: draft.agency.name, year: draft.reportYear }));
                  setImportOpen(false);
                  setImported(null);
                  setPasted({ text: '', html: null });
                }}
              >
                {t('tools.importOpen')}
              </button>
              <button type="button" className="secondary" onClick={() => setImported(null)}>
                {t('tools.importBack')}
              </button>
            </div>
          </>
        )}
      </Dialog>

      <ConfirmDialog
        open={confirmNext}
        title={t('tools.nextTitle')}
        confirm={t('tools.nextConfirm')}
        cancel={t('paste.cancel')}
        onConfirm={async () => {
          const { hasNextYear, nextYearDraft } = await import('../model/nextYear');
          const last = store.draft;
          setConfirmNext(false);
          if (!hasNextYear(last)) {
            notify('error', t('next.noNextYear', { year: last.reportYear, last: LIMITS.lastYear }));
            return;
          }
          const next = nextYearDraft(store.format, last);
          openDraft(next.draft, last);
          notify('info', t('next.done', { year: next.draft.reportYear, format: next.format.definition.name, out: t('tools.thisPage') }));
        }}
        onCancel={() => setConfirmNext(false)}
      >
        <p>{t('tools.nextText', { year: store.draft.reportYear + 1 })}</p>
      </ConfirmDialog>

      <Dialog open={aggregated !== null} title={t('tools.aggregateTitle')} onClose={() => setAggregated(null)}>
        {aggregated && (
          <>
            <p>{t('aggregate.included', { list: aggregated.report.included.join('、') })}</p>
            {aggregated.report.partial.length > 0 && (
              <ul className="problems">
                {aggregated.report.partial.slice(0, 20).map((p) => (
                  <li key={p.cell}>
                    {t('aggregate.partial', { cell: cellLabel(formatById(aggregated.report.formatId)!, p.cell), list: p.blankIn.join('、') })}
                  </li>
                ))}
              </ul>
            )}
            <div className="dialog-actions">
              <button
                type="button"
                onClick={() => {
                  openDraft(aggregated.draft);
                  notify('info', t('tools.aggregated', { count: aggregated.report.included.length }));
                  setAggregated(null);
                }}
              >
                {t('tools.aggregateOpen')}
              </button>
              <button type="button" className="secondary" onClick={() => setAggregated(null)}>
                {t('paste.cancel')}
              </button>
            </div>
          </>
        )}
      </Dialog>
    </>
  );
}
