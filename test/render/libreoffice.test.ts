/**
 * An independent reader: LibreOffice renders each report's DOCX (../shared/tools/render-docx installs it from
 * Debian when missing), the page count is in the expected range, and the text it lays out holds every table
 * value in order.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/render/model';
import { renderDocx } from '../../src/render/docx';
import { readDraftText } from '../../src/model/draftFile';
import { displayValue } from '../../src/model/number';
import { formatById } from '../../src/format/registry';
import type { Draft } from '../../src/model/draft';
import { seedDraft } from '../support/drafts';

const RENDER = new URL('../../../shared/tools/render-docx', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'nianbao-render-'));

function load(name: string): Draft {
  if (name !== 'full-2021') return seedDraft(name);
  const r = readDraftText(readFileSync(new URL('../fixtures/full-2021.draft.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('fixture');
  return r.draft;
}

/** Numbers in laid-out text, leaving out page numbers (— 3 —) and list numbers of labels (1.属于…). */
function numbers(text: string): string[] {
  const cleaned = text.replace(/—\s*\d+\s*—/g, ' ');
  return [...cleaned.matchAll(/[+-]?\d+(?:\.\d+)?/g)].filter((m) => cleaned[m.index! + m[0].length] !== '.').map((m) => m[0]);
}

function between(text: string, from: string, to: string): string {
  const a = text.indexOf(from);
  const b = text.indexOf(to, a + from.length);
  return text.slice(a + from.length, b);
}

const CASES: [string, number, number][] = [
  ['000', 6, 8],
  ['001', 8, 10],
  ['002', 5, 7],
  ['003', 5, 7],
  ['004', 6, 8],
  ['full-2021', 4, 6],
];

describe('the DOCX as LibreOffice renders it', () => {
  it.each(CASES)('%s renders to %i–%i pages holding every table value in order', async (name, minPages, maxPages) => {
    const draft = load(name);
    const format = formatById(draft.formatId)!;
    const file = join(out, `${name}.docx`);
    writeFileSync(file, await renderDocx(buildReport(format, draft)));
    const report = execFileSync(RENDER, [file, join(out, name), '60'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const pages = Number(/^pages: (\d+)$/m.exec(report)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(minPages);
    expect(pages).toBeLessThanOrEqual(maxPages);
    const pdf = /^pdf: (.+)$/m.exec(report)![1]!;
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });

    const headings = format.sections.map((s) => s.heading);
    for (const [i, section] of format.sections.entries()) {
      if (!section.tables) continue;
      const expected = section.tables.flatMap((id) => {
        const table = format.table(id);
        return table.rows.flatMap((r) => table.columns.map((c) => displayValue(draft.cells[id]![r.key]![c.key]!, c.kind)).filter((v) => v !== ''));
      });
      expect(numbers(between(text, headings[i]!, headings[i + 1]!)), section.heading).toEqual(expected);
    }
  }, 240_000);
});
