/**
 * Characters a DOCX or HTML file must not carry: control characters other than tab and line breaks (XML 1.0
 * forbids most of them, and Word refuses a part holding one), lone surrogates (half an emoji, not a character)
 * and the Unicode non-characters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and their kin in every plane). A clerk's text
 * can hold them (pasted from a PDF or a spreadsheet); the draft keeps them, the report files leave them out.
 */
import type { Block, ReportDocument } from './model';

const FORBIDDEN = /(?![\t\n\r])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/gu;

export function stripForbidden(s: string): string {
  return s.replace(FORBIDDEN, '');
}

function countForbidden(s: string): number {
  return s.match(FORBIDDEN)?.length ?? 0;
}

function mapTexts(doc: ReportDocument, f: (s: string) => string): ReportDocument {
  const block = (b: Block): Block =>
    b.type === 'table'
      ? {
          ...b,
          table: {
            ...b.table,
            caption: b.table.caption === null ? null : f(b.table.caption),
            header: b.table.header.map((r) => r.map((c) => ({ ...c, text: f(c.text) }))),
            body: b.table.body.map((r) => r.map((c) => ({ ...c, text: f(c.text) }))),
          },
        }
      : { ...b, text: f(b.text) };
  return {
    title: f(doc.title),
    titleLines: doc.titleLines.map(f),
    blocks: doc.blocks.map(block),
    signature: { agency: f(doc.signature.agency), date: f(doc.signature.date) },
  };
}

/** The report with every forbidden character removed. */
export function withoutForbidden(doc: ReportDocument): ReportDocument {
  return mapTexts(doc, stripForbidden);
}

/** How many characters the report files leave out (for the note shown after an export). */
export function forbiddenInReport(doc: ReportDocument): number {
  let n = 0;
  mapTexts(doc, (s) => ((n += countForbidden(s)), s));
  return n;
}
