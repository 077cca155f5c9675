/**
 * The authoring page: the report's header, the six sections in order with their findings, a navigation that
 * stays in view, and the draft kept safe (browser store, save and open as a file).
 */
import { lazy, Suspense, useMemo, useRef, useState, type DragEvent } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { pickFormat } from '../format/registry';
import { blankDraft, type Draft } from '../model/draft';
import { draftToJson, type FileProblem } from '../model/draftFile';
import { fileProblemMessage, LANGUAGES, type Language } from '../i18n/messages';
import { StoreContext } from './context';
import { toFormValues, type FormValues } from './formFields';
import { DraftStore } from './store';
import { switchLanguage } from './i18n';
import { useBrowserSync } from './browserSync';
import {
  backUpStoredDraft,
  clearBrowserDraft,
  downloadBytes,
  downloadText,
  draftFileName,
  readDraftFile,
  restoreFromBrowser,
  restorePrevious,
  savePrevious,
} from './persistence';
import type { ExportKind } from './reportFiles';
import { summarize } from '../rules/finding';
import { ReportDetails } from './ReportDetails';
import { Nav } from './Nav';
import { SectionSummary } from './Findings';
import { useStickyHeaderHeight } from './keepInView';
import { TableGrid } from './TableGrid';
import { GeneralSection, ProcessingFees, TextField } from './TextSections';
import { ConfirmDialog, Dialog } from './Dialog';
import { Tools } from './Tools';
import { PageNotices, type Notice, type UnreadableStored } from './Notices';
import { FilePicker } from './FilePicker';
import type { Conversion } from '../model/formatChange';
import type { PartId } from './progress';

const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

// What a change of format moves and drops, shown before the clerk confirms it: loaded when first needed.
const MigrationDetails = lazy(() => import('./MigrationDetails').then((m) => ({ default: m.MigrationDetails })));

function newDraft(): Draft {
  const year = new Date().getFullYear() - 1;
  return blankDraft(pickFormat(year), { reportYear: year });
}

function initialState(): { draft: Draft; restoredAt: string | null; unreadable: UnreadableStored | null } {
  const restored = restoreFromBrowser();
  if (restored?.result.ok) return { draft: restored.result.draft, restoredAt: restored.savedAt ?? '', unreadable: null };
  if (restored && !restored.result.ok) {
    // Never lost: the stored text is kept as it is before the page can write anything over it.
    const unreadable = { text: restored.text, problems: restored.result.problems, backupKey: backUpStoredDraft(restored.text) };
    return { draft: newDraft(), restoredAt: null, unreadable };
  }
  return { draft: newDraft(), restoredAt: null, unreadable: null };
}

export function App() {
  const { t, i18n } = useTranslation();
  const initial = useMemo(initialState, []);
  const store = useMemo(() => {
    const s = new DraftStore(initial.draft);
    const previous = restorePrevious();
    if (previous && previous.reportYear === initial.draft.reportYear - 1) s.replace(initial.draft, previous);
    return s;
  }, [initial]);
  const [formKey, setFormKey] = useState(0);
  const [notice, setNotice] = useState<Notice>(() =>
    initial.restoredAt !== null ? { kind: 'info', text: t('draft.restored', { time: formatTime(initial.restoredAt) }) } : null,
  );
  /** The stored draft that did not open, until the clerk has downloaded or recovered it. */
  const [unreadable, setUnreadable] = useState<UnreadableStored | null>(initial.unreadable);
  const [pendingFormat, setPendingFormat] = useState<{ draft: Draft; conversion: Conversion } | null>(null);
  const [confirmNew, setConfirmNew] = useState(false);
  const [pendingExport, setPendingExport] = useState<ExportKind | null>(null);
  const [preview, setPreview] = useState<string | null>(null);

  const form = useForm<FormValues>({ defaultValues: toFormValues(store.draft) });

  const replaceDraftRef = useRef<(d: Draft) => void>(() => undefined);
  const topbar = useRef<HTMLDivElement>(null);
  useStickyHeaderHeight(topbar);
  const replaceDraft = (
    draft: Draft,
    previous: Draft | undefined = store.previous && store.previous.reportYear === draft.reportYear - 1 ? store.previous : undefined,
  ) => {
    store.replace(draft, previous);
    savePrevious(previous);
    form.reset(toFormValues(draft));
    setFormKey((k) => k + 1);
  };
  replaceDraftRef.current = (d: Draft) => replaceDraft(d);

  const sync = useBrowserSync(store, {
    replaceDraft: (d) => replaceDraftRef.current(d),
    // Nothing is written over a stored draft that did not open and could not be backed up.
    mayWrite: () => !(unreadable && unreadable.backupKey === null),
    otherTabLoaded: () => setNotice({ kind: 'info', text: t('draft.otherTabLoaded') }),
  });

  /** The stored draft that did not open, downloaded as it is. */
  const downloadUnreadable = () => {
    if (!unreadable) return;
    downloadText(`年报草稿-无法读取-${new Date().toISOString().slice(0, 10)}.json`, unreadable.text, 'application/json');
    if (unreadable.backupKey === null) setUnreadable(null);
  };

  /** Whatever can be read of the stored draft that did not open, put on the page; what could not, said. */
  const recoverUnreadable = async () => {
    if (!unreadable) return;
    // Loaded when needed: recovering a damaged draft is rare.
    const { recoverDraft } = await import('../model/recover');
    const recovered = recoverDraft(unreadable.text);
    setUnreadable(null);
    if (!recovered) {
      setNotice({ kind: 'error', text: t('draft.nothingRecovered') });
      return;
    }
    replaceDraft(recovered.draft);
    const lost = recovered.lost.map((p) => fileProblemMessage(t, p));
    setNotice(lost.length > 0 ? { kind: 'warning', text: t('draft.recoveredPart'), problems: lost } : { kind: 'info', text: t('draft.recoveredAll') });
  };

  const saveDraftFile = () => {
    downloadText(draftFileName(store.draft), draftToJson(store.draft), 'application/json');
    sync.markSavedToFile();
    setNotice({ kind: 'info', text: t('draft.savedFile', { name: draftFileName(store.draft) }) });
  };

  const openFile = async (file: File) => {
    const result = await readDraftFile(file);
    if (!result.ok) {
      setNotice({
        kind: 'error',
        text: t('draft.openFailed', { name: file.name }),
        problems: result.problems.map((p: FileProblem) => fileProblemMessage(t, p)),
      });
      return;
    }
    replaceDraft(result.draft);
    sync.storeNow(result.draft);
    sync.markSavedToFile();
    setNotice({
      kind: 'info',
      text:
        result.migratedFrom !== undefined
          ? t('draft.openedMigrated', { name: file.name, version: result.migratedFrom })
          : t('draft.opened', { name: file.name }),
    });
  };

  const exportReport = async (kind: ExportKind) => {
    try {
      const { reportFile } = await import('./reportFiles');
      const { name, content, type, removed } = await reportFile(store.format, store.draft, kind);
      if (typeof content === 'string') downloadText(name, content, type);
      else downloadBytes(name, content, type);
      setNotice(
        removed > 0 ? { kind: 'warning', text: t('export.doneRemoved', { name, count: removed }) } : { kind: 'info', text: t('export.done', { name }) },
      );
    } catch (e) {
      setNotice({ kind: 'error', text: t('export.failed', { detail: e instanceof Error ? e.message : String(e) }) });
    }
  };

  const requestExport = (kind: ExportKind) => {
    if (summarize(store.findings).errors > 0) setPendingExport(kind);
    else void exportReport(kind);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (file) void openFile(file);
  };

  const parts: { id: PartId; title: string }[] = [
    { id: 'meta', title: t('section.meta') },
    ...store.format.sections.map((s) => ({ id: s.id, title: s.heading })),
  ];

  // The page's notices. An outcome that went well is said above the report and scrolls away with it; the
  // others (a draft file that does not open, a clash with another tab, a full store) stay with the header.
  const notices = {
    notice: notice?.kind === 'info' ? null : notice,
    unreadable,
    sync,
    onDownloadUnreadable: downloadUnreadable,
    onRecoverUnreadable: () => void recoverUnreadable(),
    onDismissUnreadable: () => setUnreadable(null),
    onSaveFile: saveDraftFile,
    onDismissNotice: () => setNotice(null),
  };

  return (
    <StoreContext.Provider value={store}>
      <div className="app" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
        {/* The header and the page's alerts stay at the top of the screen together: a draft file that does not
            open, a clash with another tab or a full store is seen wherever the clerk is on the page. */}
        <div className="top" ref={topbar}>
          <header className="topbar">
            <div className="brand">
              <h1>{t('app.name')}</h1>
              <span className="tagline">{t('app.tagline')}</span>
            </div>
            <div className="toolbar">
              <button type="button" className="secondary" onClick={() => setConfirmNew(true)}>
                {t('draft.new')}
              </button>
              <FilePicker
                label={t('draft.open')}
                accept=".json,.docx,application/json,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                testId="open-draft"
                onFiles={([file]) => void openFile(file!)}
              />
              <button type="button" onClick={saveDraftFile}>
                {t('draft.save')}
              </button>
              <span className="toolbar-group" role="group" aria-label={t('export.group')}>
                <button
                  type="button"
                  className="secondary"
                  onClick={async () => setPreview((await import('./reportFiles')).reportPreview(store.format, store.draft))}
                >
                  {t('export.preview')}
                </button>
                <button type="button" className="secondary" onClick={() => requestExport('docx')}>
                  {t('export.docx')}
                </button>
                <button type="button" className="secondary" onClick={() => requestExport('txt')}>
                  {t('export.txt')}
                </button>
                <button type="button" className="secondary" onClick={() => requestExport('html')}>
                  {t('export.html')}
                </button>
              </span>
              <Tools
                openDraft={(draft, previous) => {
                  replaceDraft(draft, previous);
                  sync.storeNow(draft);
                }}
                setPrevious={(previous) => {
                  store.replace(store.draft, previous);
                  savePrevious(previous);
                }}
                notify={(kind, text, problems) => setNotice(problems ? { kind, text, problems } : { kind, text })}
              />
              <label className="language">
                <span className="visually-hidden">{t('app.language')}</span>
                <select value={i18n.language} onChange={(e) => switchLanguage(e.target.value as Language)} aria-label={t('app.language')}>
                  {LANGUAGES.map((l) => (
                    <option key={l} value={l}>
                      {LANGUAGE_NAMES[l]}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          </header>

          <PageNotices {...notices} />
        </div>
        <PageNotices {...notices} notice={notice?.kind === 'info' ? notice : null} unreadable={null} sync={{ ...sync, conflict: null, storageProblem: null }} />

        <div className="layout">
          <Nav key={`nav-${formKey}`} parts={parts} />
          <FormProvider {...form}>
            <form className="report" key={formKey} onSubmit={(e) => e.preventDefault()} noValidate>
              <section id="part-meta" aria-labelledby="heading-meta" className="part">
                <h2 id="heading-meta">{t('section.meta')}</h2>
                <SectionSummary part="meta" />
                <ReportDetails
                  onFormatChange={(draft, conversion) =>
                    conversion && (conversion.dropped > 0 || conversion.report.mapped.some((m) => m.from !== m.to))
                      ? setPendingFormat({ draft, conversion })
                      : replaceDraft(draft)
                  }
                />
              </section>
              {store.format.sections.map((s) => (
                <section key={s.id} id={`part-${s.id}`} aria-labelledby={`heading-${s.id}`} className="part">
                  <h2 id={`heading-${s.id}`}>{s.heading}</h2>
                  <SectionSummary part={s.id} />
                  {/* A section's parts, as its definition lists them: guidance topics, tables, its own text, the matters it must report. */}
                  {s.topics && <GeneralSection def={s} />}
                  {(s.tables ?? []).map((id) => (
                    <TableGrid key={id} table={store.format.table(id)} />
                  ))}
                  {s.freeText && <TextField path={`sections.${s.id}.text`} label={t(`text.${s.id}`)} hint={t(`text.${s.id}Hint`)} rows={s.freeText.rows} />}
                  {s.mentions?.some((m) => m.id === 'processingFees') && <ProcessingFees textPath={`sections.${s.id}.text`} />}
                </section>
              ))}
            </form>
          </FormProvider>
        </div>

        <ConfirmDialog
          open={pendingFormat !== null}
          title={t('format.confirmTitle')}
          confirm={t('format.confirm')}
          cancel={t('paste.cancel')}
          onConfirm={() => {
            if (pendingFormat) replaceDraft(pendingFormat.draft);
            setPendingFormat(null);
          }}
          onCancel={() => setPendingFormat(null)}
        >
          {pendingFormat && (
            <Suspense fallback={<p role="status">{t('tools.loading')}</p>}>
              <MigrationDetails conversion={pendingFormat.conversion} />
            </Suspense>
          )}
        </ConfirmDialog>
        <ConfirmDialog
          open={pendingExport !== null}
          title={t('export.confirmTitle')}
          confirm={t('export.confirm')}
          cancel={t('export.back')}
          onConfirm={() => {
            const kind = pendingExport;
            setPendingExport(null);
            if (kind) void exportReport(kind);
          }}
          onCancel={() => setPendingExport(null)}
        >
          <p>{t('export.confirmText', { count: summarize(store.findings).errors })}</p>
        </ConfirmDialog>
        <Dialog open={preview !== null} title={t('export.previewTitle')} onClose={() => setPreview(null)} wide>
          {preview !== null && <iframe className="preview-frame" title={t('export.previewTitle')} sandbox="" srcDoc={preview} />}
          <div className="dialog-actions">
            <button type="button" className="secondary" onClick={() => setPreview(null)}>
              {t('export.close')}
            </button>
          </div>
        </Dialog>
        <ConfirmDialog
          open={confirmNew}
          title={t('draft.newTitle')}
          confirm={t('draft.newConfirm')}
          cancel={t('paste.cancel')}
          onConfirm={() => {
            clearBrowserDraft();
            replaceDraft(newDraft());
            setConfirmNew(false);
            setNotice(null);
          }}
          onCancel={() => setConfirmNew(false)}
        >
          <p>{t('draft.newText')}</p>
        </ConfirmDialog>
      </div>
    </StoreContext.Provider>
  );
}

function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
