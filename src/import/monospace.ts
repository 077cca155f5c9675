/**
 * Text laid out in columns with spaces, as `pdftotext -layout` and similar tools extract a PDF: each line's runs
 * of text become positioned items (a character column is a position, a wide Chinese character two), so the
 * table is rebuilt from positions exactly as for a PDF read directly.
 */
import type { TextItem } from './pdfLayout';
import { charColumns } from '../model/displayWidth';

/** Points per character column and per line, in the positioned items made from such text. */
const COLUMN = 5;
const LINE = 12;
const SIZE = 10;

/** Whether the text is laid out in columns: many of its lines hold wide runs of spaces between words, and no tabs. */
export function isColumnLayout(text: string): boolean {
  if (text.includes('\t')) return false;
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length < 10) return false;
  const spread = lines.filter((l) => /\S {3,}\S/.test(l)).length;
  return spread >= 0.15 * lines.length && spread >= 8;
}

export function columnLayoutItems(text: string): TextItem[] {
  const items: TextItem[] = [];
  let page = 1;
  let y = 0;
  for (const raw of text.split('\n')) {
    // A form feed is a page break in pdftotext's output.
    const parts = raw.split('\f');
    for (let p = 0; p < parts.length; p++) {
      if (p > 0) {
        page++;
        y = 0;
      }
      const line = parts[p]!;
      let col = 0;
      let run = '';
      let runStart = 0;
      let spaces = 0;
      const flush = () => {
        if (run.trim() !== '')
          items.push({
            page,
            x: runStart * COLUMN,
            y: y * LINE,
            width: [...run.trimEnd()].reduce((w, ch) => w + charColumns(ch), 0) * COLUMN,
            size: SIZE,
            text: run.trimEnd(),
          });
        run = '';
      };
      for (const ch of line) {
        if (ch === ' ' || ch === '\u3000') {
          spaces += charColumns(ch);
          if (run !== '') run += ch;
        } else {
          // Two spaces or more part two runs: a column boundary, not a word space.
          if (spaces >= 2 && run !== '') flush();
          if (run === '') runStart = col;
          run += ch;
          spaces = 0;
        }
        col += charColumns(ch);
      }
      flush();
      y++;
    }
  }
  return items;
}
