/** Reading a DOCX the way the tests need: its parts as text, its tables, its text runs in order. */
import { strFromU8, unzipSync } from 'fflate';

export function docxParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

/** The <w:tbl> elements of document.xml, outermost only (the report has no nested tables). */
export function tables(documentXml: string): string[] {
  return documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
}

/** The text of every <w:t>, in document order, joined with a separator that cannot occur in the report. */
export function texts(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'))
    .join('\u0001');
}

export const count = (s: string, needle: string) => s.split(needle).length - 1;
