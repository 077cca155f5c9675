/** Keeping the draft: in the browser store between visits, and as a JSON file the clerk saves and opens. */
import type { Draft } from '../model/draft';
import { fingerprint } from '../model/fingerprint';
import { draftToJson, readDraftText, MAX_DRAFT_FILE_BYTES, type DraftReadResult } from '../model/draftFile';

const DRAFT_KEY = 'nianbao.draft';
const SAVED_AT_KEY = 'nianbao.draft.savedAt';
const WRITER_KEY = 'nianbao.draft.writer';
/** The fingerprint of the stored draft the writer had last seen: a change built on another version clashes. */
const BASE_KEY = 'nianbao.draft.base';
export const DRAFT_STORAGE_KEY = DRAFT_KEY;

export type StoreResult = { ok: true; fingerprint: string } | { ok: false; reason: 'quota' | 'unavailable' };

export function saveToBrowser(draft: Draft, writer = '', base = ''): StoreResult {
  try {
    const json = draftToJson(draft);
    // Writer and base first: a tab reading the change can tell whose it is and what it was built on.
    localStorage.setItem(WRITER_KEY, writer);
    localStorage.setItem(BASE_KEY, base);
    localStorage.setItem(DRAFT_KEY, json);
    localStorage.setItem(SAVED_AT_KEY, new Date().toISOString());
    return { ok: true, fingerprint: fingerprint(json) };
  } catch (e) {
    const quota = e instanceof DOMException && (e.name === 'QuotaExceededError' || e.code === 22);
    return { ok: false, reason: quota ? 'quota' : 'unavailable' };
  }
}

/** The tab that last wrote the stored draft, and the stored version it built on. */
export function storedWriter(): { writer: string | null; base: string | null } {
  try {
    return { writer: localStorage.getItem(WRITER_KEY), base: localStorage.getItem(BASE_KEY) };
  } catch {
    return { writer: null, base: null };
  }
}

/** The fingerprint of the draft in the browser store now ('' when there is none). */
export function storedFingerprint(): string {
  try {
    const text = localStorage.getItem(DRAFT_KEY);
    return text === null ? '' : fingerprint(text);
  } catch {
    return '';
  }
}

export interface Restored {
  result: DraftReadResult;
  savedAt: string | null;
  /** The stored text as it was read, so that a draft that does not open can be kept and offered back. */
  text: string;
}

export function restoreFromBrowser(): Restored | null {
  try {
    const text = localStorage.getItem(DRAFT_KEY);
    if (text === null) return null;
    return { result: readDraftText(text), savedAt: localStorage.getItem(SAVED_AT_KEY), text };
  } catch {
    return null;
  }
}

const BACKUP_PREFIX = 'nianbao.draft.backup.';

/**
 * Keeps a stored draft that does not open, untouched, under a key of its own (the same text is kept once),
 * before anything can be written over it. Returns the key, or null when the store refuses.
 */
export function backUpStoredDraft(text: string): string | null {
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(BACKUP_PREFIX) && localStorage.getItem(key) === text) return key;
    }
    const key = `${BACKUP_PREFIX}${new Date().toISOString()}`;
    localStorage.setItem(key, text);
    return key;
  } catch {
    return null;
  }
}

const PREVIOUS_KEY = 'nianbao.previous';

/** Last year's draft, kept beside this year's so the cross-year checks survive a reload. */
export function savePrevious(previous: Draft | undefined): void {
  try {
    if (previous) localStorage.setItem(PREVIOUS_KEY, draftToJson(previous));
    else localStorage.removeItem(PREVIOUS_KEY);
  } catch {
    // Without storage the cross-year checks last as long as the page.
  }
}

export function restorePrevious(): Draft | undefined {
  try {
    const text = localStorage.getItem(PREVIOUS_KEY);
    if (text === null) return undefined;
    const r = readDraftText(text);
    return r.ok ? r.draft : undefined;
  } catch {
    return undefined;
  }
}

export function clearBrowserDraft(): void {
  try {
    localStorage.removeItem(DRAFT_KEY);
    localStorage.removeItem(SAVED_AT_KEY);
    localStorage.removeItem(PREVIOUS_KEY);
  } catch {
    // Nothing to clear in a browser without storage.
  }
}

/** `{agency}-{year}-年报草稿.json`, with characters Windows refuses in file names replaced. */
export function draftFileName(draft: Draft): string {
  const agency = (draft.agency.name.trim() || '未命名机关').replace(/[\\/:*?"<>|\r\n]/g, '_');
  return `${agency}-${draft.reportYear}-年报草稿.json`;
}

/** Hands a file to the browser's download. */
function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadText(name: string, text: string, type: string): void {
  download(name, new Blob([text], { type }));
}

export function downloadBytes(name: string, bytes: Uint8Array, type: string): void {
  download(name, new Blob([bytes as BlobPart], { type }));
}

/** Opens a draft file: the JSON the app saves, or a DOCX the app made (which carries its draft inside). */
export async function readDraftFile(file: File): Promise<DraftReadResult> {
  if (file.size > MAX_DRAFT_FILE_BYTES) {
    return { ok: false, problems: [{ key: 'file.tooLarge', params: { limitMb: MAX_DRAFT_FILE_BYTES / 1024 / 1024 } }] };
  }
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    // Loaded when a file is opened: the DOCX reader and the GB18030 decoder are not needed before.
    const { readDraftBytes } = await import('../model/draftBytes');
    return readDraftBytes(bytes);
  } catch (e) {
    return { ok: false, problems: [{ key: 'file.unreadable', params: { detail: e instanceof Error ? e.message : String(e) } }] };
  }
}
