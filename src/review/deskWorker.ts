/**
 * The review desk in a worker: each file read (PDFs with PDF.js) and every report checked off the page's main
 * thread, progress told after each file, so the page stays responsive for hundreds of reports; the page stops it
 * by ending the worker.
 */
import { loadPdfJsBrowser } from '../import/pdfjsBrowser';
import { readForReview, reviewReports, type Desk, type ReadReport } from './desk';

export interface DeskFile {
  name: string;
  bytes: Uint8Array;
}

export type DeskWorkerMessage =
  { type: 'progress'; done: number; total: number; name: string } | { type: 'done'; desk: Desk } | { type: 'failed'; detail: string };

self.onmessage = async (e: MessageEvent<DeskFile[]>) => {
  const post = (m: DeskWorkerMessage) => self.postMessage(m);
  try {
    const read: ReadReport[] = [];
    for (const [i, file] of e.data.entries()) {
      try {
        read.push(await readForReview(file.name, file.bytes, loadPdfJsBrowser));
      } catch (err) {
        // One file that breaks the reader never stops the rest.
        read.push({ ok: false, name: file.name, problem: { key: 'import.unreadable', params: { detail: err instanceof Error ? err.message : String(err) } } });
      }
      post({ type: 'progress', done: i + 1, total: e.data.length, name: file.name });
    }
    post({ type: 'done', desk: reviewReports(read) });
  } catch (err) {
    post({ type: 'failed', detail: err instanceof Error ? err.message : String(err) });
  }
};
