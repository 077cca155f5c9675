/**
 * What the page has to tell the clerk above the report: a stored draft that did not open (kept, to download or
 * recover), another tab's change waiting for a decision, a browser store that is full or refused, and the last
 * action's outcome.
 */
import { useTranslation } from 'react-i18next';
import { fileProblemMessage } from '../i18n/messages';
import type { FileProblem } from '../model/draftFile';
import type { BrowserSync } from './browserSync';

export type Notice = { kind: 'info' | 'warning' | 'error'; text: string; problems?: string[] } | null;

/** A stored draft that did not open: kept under a backup key (null when the store refused even that). */
export interface UnreadableStored {
  text: string;
  problems: FileProblem[];
  backupKey: string | null;
}

interface Props {
  notice: Notice;
  unreadable: UnreadableStored | null;
  sync: BrowserSync;
  onDownloadUnreadable: () => void;
  onRecoverUnreadable: () => void;
  onDismissUnreadable: () => void;
  onSaveFile: () => void;
  onDismissNotice: () => void;
}

export function PageNotices({ notice, unreadable, sync, onDownloadUnreadable, onRecoverUnreadable, onDismissUnreadable, onSaveFile, onDismissNotice }: Props) {
  const { t } = useTranslation();
  if (!(notice || sync.storageProblem || sync.conflict || unreadable)) return null;
  return (
    <div className="notices">
      {unreadable && (
        <div className="notice warning" role="alert" data-testid="unreadable-stored">
          <p>{t(unreadable.backupKey ? 'draft.unreadableStored' : 'draft.unreadableStoredNoBackup')}</p>
          <ul>
            {unreadable.problems.map((p, i) => (
              <li key={i}>{fileProblemMessage(t, p)}</li>
            ))}
          </ul>
          <button type="button" className="link" onClick={onDownloadUnreadable}>
            {t('draft.downloadStored')}
          </button>
          <button type="button" className="link" onClick={onRecoverUnreadable}>
            {t('draft.recoverStored')}
          </button>
          {unreadable.backupKey && (
            <button type="button" className="link" onClick={onDismissUnreadable}>
              {t('draft.dismiss')}
            </button>
          )}
        </div>
      )}
      {sync.conflict && (
        <div className="notice warning" role="alert">
          <p>{t('draft.conflict')}</p>{' '}
          <button type="button" className="link" onClick={sync.takeTheirs}>
            {t('draft.conflictTheirs')}
          </button>
          <button type="button" className="link" onClick={sync.keepMine}>
            {t('draft.conflictMine')}
          </button>
        </div>
      )}
      {sync.storageProblem && (
        <div className="notice warning" role="alert">
          {t(sync.storageProblem === 'quota' ? 'draft.storageFull' : 'draft.storageUnavailable')}{' '}
          <button type="button" className="link" onClick={onSaveFile}>
            {t('draft.save')}
          </button>
        </div>
      )}
      {notice && (
        <div className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <p>{notice.text}</p>
          {notice.problems && (
            <ul>
              {notice.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          )}
          <button type="button" className="link" onClick={onDismissNotice}>
            {t('draft.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
