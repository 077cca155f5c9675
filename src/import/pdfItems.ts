/**
 * A PDF's text items with their positions, read with PDF.js. The module is passed in, so the page loads it only
 * when a PDF is opened (with its own worker) and the command line loads Node's build.
 */
import type { TextItem } from './pdfLayout';
import type * as PdfJsModule from 'pdfjs-dist';

export type PdfJs = typeof PdfJsModule;

/** More pages than any annual report has; a longer PDF is read no further. */
export const MAX_PDF_PAGES = 300;

export class PdfUnreadable extends Error {}

export function isPdf(bytes: Uint8Array): boolean {
  // "%PDF-" within the first kilobyte, as readers accept it.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

export async function pdfTextItems(bytes: Uint8Array, pdfjs: PdfJs): Promise<{ items: TextItem[]; pages: number; truncated: boolean }> {
  let doc;
  try {
    // A copy: PDF.js takes ownership of the buffer it is given.
    doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false, stopAtErrors: false }).promise;
  } catch (e) {
    throw new PdfUnreadable(e instanceof Error ? e.message : String(e));
  }
  try {
    const pages = Math.min(doc.numPages, MAX_PDF_PAGES);
    const items: TextItem[] = [];
    for (let p = 1; p <= pages; p++) {
      const page = await doc.getPage(p);
      const height = page.getViewport({ scale: 1 }).height;
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a, b, , , e, f] = item.transform as number[];
        // The font size is the length of the text matrix's vertical axis (rotation and skew aside).
        const size = Math.hypot(a!, b!) || item.height;
        items.push({ page: p, x: e!, y: height - f!, width: item.width, size, text: item.str });
      }
      page.cleanup();
    }
    return { items, pages: doc.numPages, truncated: doc.numPages > pages };
  } finally {
    await doc.destroy();
  }
}
