/**
 * PDF.js for the page, loaded only when a PDF is opened (it is larger than the rest of the importer). Its parsing
 * worker is a file of the build started here (so the page's Content-Security-Policy, 'self' only, allows it, and
 * a static server that knows only .js serves it right).
 */
import type { PdfJs } from './pdfItems';

let port: Worker | null = null;

export async function loadPdfJsBrowser(): Promise<PdfJs> {
  const pdfjs = await import('pdfjs-dist');
  if (!port) {
    port = new Worker(new URL('./pdfWorker.ts', import.meta.url), { type: 'module' });
    pdfjs.GlobalWorkerOptions.workerPort = port;
  }
  return pdfjs;
}
