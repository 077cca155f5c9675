/** PDF.js for the command line and the tests: the build meant for Node, loaded only when a PDF is read. */
import type { PdfJs } from './pdfItems';

export const loadPdfJsNode = (): Promise<PdfJs> => import('pdfjs-dist/legacy/build/pdf.mjs') as Promise<PdfJs>;
