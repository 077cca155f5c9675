/**
 * Working from other reports: import a published report, start next year's draft from this one, load last
 * year's report for the cross-year checks, and combine several agencies' drafts into one.
 */
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatById } from '../format/registry';
import { cellLabel } from '../format/labels';
import type { Draft } from '../model/draft';
import type { AggregateReport } from '../model/aggregate';
import { fileProblemMessage } from '../i18n/messages';
import { useStore } from './context';
import { ConfirmDialog, Dialog } from './Dialog';
import { downloadBytes, readDraftFile } from './persistence';
import { FilePicker } from './FilePicker';
import { LIMITS } from '../model/limits';
import { loadPartMessages } from './i18n';
import type { Pasted } from './ImportDialog';

// The review desk (and ExcelJS behind its XLSX export) loads when it is opened.
const ReviewDesk = lazy(() => import('./ReviewDesk').then((m) => ({ default: m.ReviewDesk })));
// The tables of a report on the desk, loaded when first shown.
const ImportReview = lazy(() => import('./ImportReview').then((m) => ({ default: m.ImportReview })));
// The import dialog's content (the importer itself runs in a worker), loaded when the dialog first opens, with
// its words and the importer's messages.
const ImportPanel = lazy(() => Promise.all([import('./ImportDialog'), loadPartMessages('import')]).then(([m]) => ({ default: m.ImportPanel })));

type Notify = (kind: 'info' | 'error', text: string, problems?: string[]) => void;

interface Props {
  openDraft: (draft: Draft, previous?: Draft) => void;
  setPrevious: (previous: Draft) => void;
  notify: Notify;
}

export function Tools({ openDraft, setPrevious, notify }: Props) {
  const { t } = useTranslation();
  const store = useStore();
  const [importOpen, setImportOpen] = useState(false);
  const [pasted, setPasted] = useState<Pasted>({ text: '', html: null });
  const [aggregated, setAggregated] = useState<{ draft: Draft; report: AggregateReport } | null>(null);
  const [confirmNext, setConfirmNext] = useState(false);
  const [deskOpen, setDeskOpen] = useState(false);

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
    const [{ aggregateDrafts }] = await Promise.all([import('../model/aggregate'), loadPartMessages('aggregate')]);
    const result = aggregateDrafts(drafts);
    if (!result.ok) {
      notify('error', t(result.problem.key, result.problem.params ?? {}));
      return;
    }
    setAggregated({ draft: result.draft, report: result.report });
  };

  return (
    <>
      <span className="toolbar-group" role="group" aria-label={t('tools.group')}>
        <button type="button" className="secondary" onClick={() => setImportOpen(true)}>
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
        <Suspense fallback={<p role="status">{t('tools.loading')}</p>}>
          <ImportPanel
            pasted={pasted}
            setPasted={setPasted}
            close={() => setImportOpen(false)}
            openImported={(draft) => {
              openDraft(draft);
              notify('info', t('tools.imported', { agency: draft.agency.name, year: draft.reportYear }));
            }}
          />
        </Suspense>
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
