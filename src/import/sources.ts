/**
 * Every kind of published report becomes the same thing before it is read: lines of text, with table cells
 * separated by tabs where the source knows them (a DOCX or HTML table, a pipe table, a tab-separated copy).
 */
import { strFromU8 } from 'fflate';
import { readZipParts } from './zipParts';
import { mapTags, removeSpans, spans } from './scan';

/** A real report's document.xml is a few megabytes; a part inflating past this is refused as it inflates. */
const MAX_DOCUMENT_XML_BYTES = 64 * 1024 * 1024;
import { decodeText, type TextEncodingName } from '../model/encoding';

export type SourceKind = 'text' | 'html' | 'docx' | 'pdf';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: '　' };

function decodeEntities(s: string): string {
  return s.replace(/&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X')) return safeCodePoint(parseInt(e.slice(2), 16)) ?? m;
    if (e.startsWith('#')) return safeCodePoint(Number(e.slice(1))) ?? m;
    return ENTITIES[e] ?? m;
  });
}

function safeCodePoint(n: number): string | undefined {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}

/** Tags that end a line of text: outside a table cell a line break, inside one a space. */
const BLOCK_END = /^<(br\b|\/(p|div|h[1-6]|li|caption|section|article)\b)/i;

/**
 * HTML as pasted from an agency's website: block elements become lines, table cells tab-separated, rows lines;
 * inside a cell (where CMSs put <p> and <br>) a break is a space, so a cell stays on its row. Whitespace in
 * the source collapses as a browser collapses it.
 */
function htmlToText(html: string): string {
  // Comments first (they may hide a script tag), then script, style and head with their content; linear scans.
  const noComments = removeSpans(html, /<!--/g, () => '-->');
  // Tags in any case: searched in a copy with only ASCII lowered, which keeps every index in place.
  const lowered = noComments.replace(/[A-Z]+/g, (s) => s.toLowerCase());
  const noScripts = removeSpans(noComments, /<(script|style|head)\b/g, (m) => `</${m[1]}>`, lowered);
  let cellDepth = 0;
  const text = mapTags(
    noScripts,
    (tag) => {
      if (/^<t[dh][\s>]/i.test(tag)) {
        cellDepth++;
        return '';
      }
      if (/^<\/t[dh]\s*>/i.test(tag)) {
        cellDepth = Math.max(0, cellDepth - 1);
        return '\t';
      }
      if (/^<\/?(tr|table)\b/i.test(tag)) {
        cellDepth = 0;
        return '\n';
      }
      if (BLOCK_END.test(tag)) return cellDepth > 0 ? ' ' : '\n';
      return '';
    },
    (run) => run.replace(/[ \t\r\n\f]+/g, ' '),
  );
  return (
    decodeEntities(text)
      .split('\n')
      // Every cell ends in a tab: the row's last one is not a further, empty cell.
      .map((line) =>
        line
          .replace(/^ +| +$/g, '')
          .replace(/ *\t */g, '\t')
          .replace(/\t$/, ''),
      )
      .join('\n')
  );
}

/**
 * Pipe tables copied from web pages. A line wrapped in pipes (| 规章 | 0 | 0 |) is a row: its cells become
 * tab-separated; separator rows (|---|) go. Pages whose cells end in a pipe across lines (规章 |, then 0 |, …, an
 * empty cell a bare |) are read as one stream of cells: the lines of such a table are joined and cut at the
 * pipes, so every cell, empty ones included, keeps its place. `isHeading` keeps section headings on their own.
 */
function pipesToTabs(text: string, isHeading: (line: string) => boolean = () => false): string {
  const lines = text
    .split('\n')
    .filter((line) => !/^\s*\|?\s*:?-{3,}/.test(line))
    .map((line) =>
      /^\s*\|.*\|\s*$/.test(line) && !/^\s*\|+\s*$/.test(line)
        ? line
            .trim()
            .slice(1, -1)
            .split('|')
            .map((c) => c.trim())
            .join('\t')
        : line,
    );
  const hasPipe = (i: number) => (lines[i] ?? '').includes('|') && !isHeading(lines[i]!);
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0)
      out.push(
        run
          .join('')
          .split('|')
          .map((c) => c.trim())
          .join('\t')
          .replace(/\t+$/, ''),
      );
    run = [];
  };
  lines.forEach((line, i) => {
    // A line of such a table holds a pipe, or is a cell whose pipe stands on the next line.
    if (!isHeading(line) && (hasPipe(i) || (hasPipe(i + 1) && line.trim() !== ''))) run.push(line);
    else {
      flush();
      out.push(line);
    }
  });
  flush();
  return out.join('\n');
}

/** The text of the runs in an XML fragment, in order. */
function xmlText(fragment: string): string {
  return decodeEntities([...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
}

/** A DOCX: paragraphs become lines; tables are read cell by cell (merged continuation cells are empty). */
function docxToText(bytes: Uint8Array): string {
  const files = readZipParts(bytes, (name) => name === 'word/document.xml', MAX_DOCUMENT_XML_BYTES);
  const xml = files['word/document.xml'];
  if (!xml) throw new Error('not a DOCX: word/document.xml missing');
  const body = strFromU8(xml);
  const lines: string[] = [];
  const slices = (text: string, open: RegExp, closeOf: (m: RegExpExecArray) => string) => spans(text, open, closeOf).spans.map(([a, b]) => text.slice(a, b));
  const blocks = slices(body, /<w:tbl>|<w:p[ >]|<w:p\/>/g, (m) => (m[0] === '<w:tbl>' ? '</w:tbl>' : m[0] === '<w:p/>' ? '' : '</w:p>'));
  for (const block of blocks) {
    if (block.startsWith('<w:tbl>')) {
      for (const row of slices(block, /<w:tr[ >]/g, () => '</w:tr>')) {
        const cells = slices(row, /<w:tc>/g, () => '</w:tc>').map((c) => xmlText(c).replace(/\s+/g, ' ').trim());
        lines.push(cells.join('\t'));
      }
    } else {
      lines.push(xmlText(block));
    }
  }
  return lines.join('\n');
}

function looksLikeHtml(text: string): boolean {
  return /<(table|p|div|tr|td|html|body)[\s>]/i.test(text.slice(0, 20000));
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export class UnknownEncoding extends Error {}

/**
 * Any source as lines of text, with the text encoding its bytes were read in (null for a DOCX or a string).
 * Throws for a zip that is not a DOCX, and UnknownEncoding for bytes that are neither UTF-8 nor GB18030.
 */
export function sourceToText(
  input: string | Uint8Array,
  isHeading: (line: string) => boolean = () => false,
): { text: string; kind: SourceKind; encoding: TextEncodingName | null } {
  let encoding: TextEncodingName | null = null;
  if (typeof input !== 'string') {
    if (isZip(input)) return { text: docxToText(input), kind: 'docx', encoding: null };
    const decoded = decodeText(input);
    if (!decoded.ok) throw new UnknownEncoding();
    input = decoded.text;
    encoding = decoded.encoding;
  }
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (looksLikeHtml(text)) return { text: htmlToText(text), kind: 'html', encoding };
  return { text: pipesToTabs(text, isHeading), kind: 'text', encoding };
}
