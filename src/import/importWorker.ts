/**
 * The importer in a worker: a long or hostile report is read off the page's main thread, so the page never
 * freezes, says which stage it is at, and can be stopped (the page terminates the worker).
 */
import { importDocument, type ImportResult, type ImportStage } from './importer';
import { loadPdfJsBrowser } from './pdfjsBrowser';

export type ImportWorkerMessage = { type: 'stage'; stage: ImportStage } | { type: 'done'; result: ImportResult } | { type: 'failed'; detail: string };

self.onmessage = async (e: MessageEvent<string | Uint8Array>) => {
  const post = (m: ImportWorkerMessage) => self.postMessage(m);
  try {
    post({ type: 'done', result: await importDocument(e.data, loadPdfJsBrowser, (stage) => post({ type: 'stage', stage })) });
  } catch (err) {
    post({ type: 'failed', detail: err instanceof Error ? err.message : String(err) });
  }
};
