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

/**
 * The text of every paragraph, in document order (a paragraph's runs joined), the paragraphs joined with a
 * separator that cannot occur in the report.
 */
export function texts(xml: string): string {
  return [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]!)).join(''))
    .join('\u0001');
}

export const count = (s: string, needle: string) => s.split(needle).length - 1;

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The body's paragraphs outside tables, in order: the style each names and its text. */
export function paragraphs(documentXml: string): { style: string | null; text: string }[] {
  const outside = documentXml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  return [...outside.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(m[0])?.[1] ?? null,
    text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescape(t[1]!)).join(''),
  }));
}

/** The declaration of one style in styles.xml (empty when it is not declared). */
export function style(stylesXml: string, id: string): string {
  return new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(stylesXml)?.[0] ?? '';
}
