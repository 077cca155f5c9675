/**
 * Runs an import in a worker with its stages reported and a way to stop it. Where a worker cannot start (an
 * old browser, a page opened from the file system), the import runs on the page as before.
 */
import type { ImportResult, ImportStage } from '../import/importer';
import type { ImportWorkerMessage } from '../import/importWorker';

export interface RunningImport {
  result: Promise<ImportResult | 'cancelled'>;
  cancel(): void;
}

/** Starts the import; `onStage` hears of each stage as the worker reaches it (never during this call). */
export function importInWorker(input: string | Uint8Array, onStage: (stage: ImportStage) => void): RunningImport {
  let worker: Worker;
  try {
    worker = new Worker(new URL('../import/importWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    let cancelled = false;
    return {
      // Without a worker there is no PDF reader either (PDF.js parses in a worker of its own): the importer
      // refuses a PDF with a message, and reads everything else.
      result: import('../import/importer').then(({ importReport }) => (cancelled ? 'cancelled' : importReport(input, onStage))),
      cancel: () => void (cancelled = true),
    };
  }
  let settle: (r: ImportResult | 'cancelled') => void = () => undefined;
  let fail: (e: Error) => void = () => undefined;
  const result = new Promise<ImportResult | 'cancelled'>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  worker.onmessage = (e: MessageEvent<ImportWorkerMessage>) => {
    const m = e.data;
    if (m.type === 'stage') onStage(m.stage);
    else {
      worker.terminate();
      if (m.type === 'done') settle(m.result);
      else fail(new Error(m.detail));
    }
  };
  worker.onerror = (e) => {
    worker.terminate();
    fail(new Error(e.message));
  };
  worker.postMessage(input);
  return {
    result,
    cancel: () => {
      worker.terminate();
      settle('cancelled');
    },
  };
}
