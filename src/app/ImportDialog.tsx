/**
 * The import dialog's content: a published report chosen as a file or pasted, read in a worker with its stage
 * shown and a way to stop it, then every table as read, to be corrected before it opens as the draft. Loaded
 * when the dialog is first opened.
 */
import { Suspense, lazy, useEffect, useRef, useState, type ClipboardEvent, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { formatById } from '../format/registry';
import { cellLabel } from '../format/labels';
import { splitCellId, type CellId } from '../format/format';
import type { Draft } from '../model/draft';
import type { ImportReport } from '../import/importer';
import type { ImportReportText } from '../import/reportText';
import { parseCellInput } from '../model/number';
import { MAX_IMPORT_BYTES } from '../model/limits';
import { FilePicker } from './FilePicker';
import { importInWorker } from './importInWorker';
import type { ReviewEdits } from './ImportReview';
import { WorkNotice } from './WorkNotice';

const ImportReview = lazy(() => import('./ImportReview').then((m) => ({ default: m.ImportReview })));

/** What the clerk pasted, kept by the toolbar so that closing the dialog does not lose it. */
export interface Pasted {
  text: string;
  html: string | null;
}

interface Props {
  pasted: Pasted;
  setPasted: Dispatch<SetStateAction<Pasted>>;
  close: () => void;
  /** Opens the imported draft on the page and says so. */
  openImported: (draft: Draft) => void;
}

async function readFileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

export function ImportPanel({ pasted, setPasted, close, openImported }: Props) {
  const { t } = useTranslation();
  const [imported, setImported] = useState<{ draft: Draft; report: ImportReport; text: ImportReportText } | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [importing, setImporting] = useState<{ stage: string; cancel: () => void } | null>(null);
  const [reviewEdits, setReviewEdits] = useState<ReviewEdits>({});
  const [invalidCells, setInvalidCells] = useState<Set<CellId>>(new Set());
  // An import still running when the dialog closes is stopped.
  const cancelRunning = useRef<(() => void) | null>(null);
  useEffect(() => () => cancelRunning.current?.(), []);

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

  const runImport = async (input: string | Uint8Array) => {
    // The report texts load when first needed (the messages came with this dialog); the importer itself runs in
    // a worker (importInWorker).
    const { importProblemText, importReportText } = await import('../import/reportText');
    const size = typeof input === 'string' ? input.length : input.byteLength;
    if (size > MAX_IMPORT_BYTES) {
      setImportError(t('import.tooLarge'));
      return;
    }
    setImportError(null);
    const running = importInWorker(input, (stage) => setImporting((now) => (now ? { ...now, stage } : now)));
    setImporting({ stage: 'reading', cancel: running.cancel });
    cancelRunning.current = running.cancel;
    let result: Awaited<typeof running.result>;
    try {
      result = await running.result;
    } catch (e) {
      setImportError(t('import.unreadable', { detail: e instanceof Error ? e.message : String(e) }));
      return;
    } finally {
      setImporting(null);
      cancelRunning.current = null;
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

  return !imported ? (
    <>
      <p>{t('import.dialogHelp')}</p>
      <div className="import-source">
        <FilePicker
          label={t('import.dialogFile')}
          accept=".pdf,.txt,.html,.htm,.docx,application/pdf,text/plain,text/html"
          testId="import-file"
          className=""
          onFiles={async ([file]) => void runImport(await readFileBytes(file!))}
        />
      </div>
      <label className="paste-label">
        {t('import.dialogPaste')}
        <textarea
          rows={8}
          value={pasted.text}
          onPaste={onPaste}
          onChange={(e) => {
            const text = e.target.value;
            setPasted((p) => ({ text, html: p.html }));
          }}
        />
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
          {t('import.dialogRead')}
        </button>
        <button type="button" className="secondary" onClick={() => close()}>
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
            openImported(draft);
            setPasted({ text: '', html: null });
            close();
          }}
        >
          {t('import.dialogOpen')}
        </button>
        <button type="button" className="secondary" onClick={() => setImported(null)}>
          {t('import.dialogBack')}
        </button>
      </div>
    </>
  );
}
