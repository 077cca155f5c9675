/**
 * The draft kept in the browser, beside persistence.ts: every change stored within a second (when the browser is
 * idle, never inside a keystroke's frame), a problem with the store reported at once, leaving with changes that
 * are only in the browser asking first, and two tabs on the same draft kept apart: a tab with nothing of its own
 * unstored takes the other's version, a tab holding a change of its own asks, and stops storing until answered.
 */
import { useEffect, useRef, useState } from 'react';
import type { Draft } from '../model/draft';
import { readDraftText } from '../model/draftFile';
import { DRAFT_STORAGE_KEY, saveToBrowser, storedFingerprint, storedWriter } from './persistence';
import { topic, type DraftStore } from './store';

const FILE_SAVED_KEY = 'nianbao.draft.fileSaved';
/** This tab, to tell its own writes to the browser store from another tab's. */
const TAB_ID = Math.random().toString(36).slice(2);
const AUTOSAVE_DELAY_MS = 300;

function fileSavedFlag(): boolean {
  try {
    return localStorage.getItem(FILE_SAVED_KEY) !== 'no';
  } catch {
    return true;
  }
}

function setFileSavedFlag(saved: boolean): void {
  try {
    localStorage.setItem(FILE_SAVED_KEY, saved ? 'yes' : 'no');
  } catch {
    // Without storage there is nothing to remember; the unload prompt then relies on this page's memory.
  }
}

function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 600 });
  else fn();
}

export interface BrowserSyncOptions {
  /** Puts a draft on the page (another tab's version). */
  replaceDraft: (draft: Draft) => void;
  /** Whether the page may write the browser store now. */
  mayWrite: () => boolean;
  /** Says on the page that another tab's version was taken. */
  otherTabLoaded: () => void;
}

export interface BrowserSync {
  storageProblem: 'quota' | 'unavailable' | null;
  /** Another tab's version, waiting for the clerk's decision. */
  conflict: Draft | null;
  takeTheirs: () => void;
  keepMine: () => void;
  /** Stores a draft just put on the page (opened, imported) at once. */
  storeNow: (draft: Draft) => void;
  /** The draft was saved as a file: leaving no longer asks. */
  markSavedToFile: () => void;
}

export function useBrowserSync(store: DraftStore, options: BrowserSyncOptions): BrowserSync {
  const [storageProblem, setStorageProblem] = useState<'quota' | 'unavailable' | null>(null);
  const [conflict, setConflict] = useState<Draft | null>(null);
  const conflictRef = useRef<Draft | null>(null);
  conflictRef.current = conflict;
  const optionsRef = useRef(options);
  optionsRef.current = options;
  /** The store revision last written to (or read from) the browser store. */
  const syncedRevision = useRef(-1);
  /** Set while a version from another tab is put on screen: it is already stored, so it is not written back. */
  const adopting = useRef(false);
  /** The stored version this tab last wrote or took over; another tab's change built on anything else clashes. */
  const seenStored = useRef(storedFingerprint());
  const unsavedToFile = useRef(!fileSavedFlag());

  const adopt = (theirs: Draft) => {
    seenStored.current = storedFingerprint();
    adopting.current = true;
    try {
      optionsRef.current.replaceDraft(theirs);
    } finally {
      adopting.current = false;
    }
  };

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let firstRevision = store.revision;
    syncedRevision.current = store.revision;
    const save = () => {
      timer = undefined;
      // While another tab's changes wait for the clerk's decision, nothing is written over them.
      if (conflictRef.current || !optionsRef.current.mayWrite()) return;
      const result = saveToBrowser(store.draft, TAB_ID, seenStored.current);
      setStorageProblem(result.ok ? null : result.reason);
      if (result.ok) {
        syncedRevision.current = store.revision;
        seenStored.current = result.fingerprint;
      }
    };
    const unsubscribe = store.subscribe(topic.draft, () => {
      if (adopting.current) {
        syncedRevision.current = store.revision;
        return;
      }
      // Said once, at the first change after opening or saving the file, not written on every keystroke.
      if (store.revision !== firstRevision && !unsavedToFile.current) {
        unsavedToFile.current = true;
        setFileSavedFlag(false);
        firstRevision = -1;
      }
      if (timer === undefined) timer = setTimeout(() => whenIdle(save), AUTOSAVE_DELAY_MS);
    });
    const flush = () => {
      if (timer !== undefined) {
        clearTimeout(timer);
        save();
      }
    };
    const beforeUnload = (e: BeforeUnloadEvent) => {
      flush();
      if (unsavedToFile.current) {
        e.preventDefault();
        e.returnValue = '';
      }
    };
    const onStorage = (e: StorageEvent) => {
      // Another tab saved the shared draft as a file while this tab held nothing unstored: this tab's next
      // change marks it unsaved again.
      if (e.key === FILE_SAVED_KEY && e.newValue === 'yes' && timer === undefined && store.revision === syncedRevision.current) unsavedToFile.current = false;
      const { writer, base } = storedWriter();
      if (e.key !== DRAFT_STORAGE_KEY || e.newValue === null || writer === TAB_ID) return;
      const theirs = readDraftText(e.newValue);
      if (!theirs.ok) return;
      // A clash: this tab holds a change not yet stored, or the other tab wrote without having seen this tab's
      // last stored version (both saved at the same moment).
      const mine = store.revision !== syncedRevision.current || timer !== undefined;
      if (mine || base !== seenStored.current) setConflict(theirs.draft);
      else {
        adopt(theirs.draft);
        optionsRef.current.otherTabLoaded();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('pagehide', flush);
    window.addEventListener('storage', onStorage);
    return () => {
      unsubscribe();
      flush();
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('storage', onStorage);
    };
  }, [store]);

  return {
    storageProblem,
    conflict,
    takeTheirs: () => {
      const theirs = conflictRef.current;
      setConflict(null);
      conflictRef.current = null;
      if (theirs) adopt(theirs);
    },
    keepMine: () => {
      setConflict(null);
      conflictRef.current = null;
      // This tab has now seen the other's version and writes over it knowingly.
      const result = saveToBrowser(store.draft, TAB_ID, storedFingerprint());
      setStorageProblem(result.ok ? null : result.reason);
      if (result.ok) {
        syncedRevision.current = store.revision;
        seenStored.current = result.fingerprint;
      }
    },
    storeNow: (draft) => {
      const stored = saveToBrowser(draft, TAB_ID, seenStored.current);
      if (stored.ok) seenStored.current = stored.fingerprint;
    },
    markSavedToFile: () => {
      unsavedToFile.current = false;
      setFileSavedFlag(true);
    },
  };
}
