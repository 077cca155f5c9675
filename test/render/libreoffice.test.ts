/**
 * An independent reader: LibreOffice renders each report's DOCX (../shared/tools/render-docx installs it from
 * Debian when missing), the page count is in the expected range, and the text it lays out holds every table
 * value in order.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/render/model';
import { renderDocx } from '../../src/render/docx';
import { draftToJson, readDraftText } from '../../src/model/draftFile';
import { extractDraft } from '../../src/render/docxDraft';
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
  it.each(CASES)(
    '%s renders to %i–%i pages holding every table value in order',
    async (name, minPages, maxPages) => {
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
    },
    240_000,
  );

  it('seed 001: every full page of text holds 22 lines (widow control off), the first one the title and 17', async () => {
    const draft = load('001');
    const format = formatById(draft.formatId)!;
    const file = join(out, 'lines-001.docx');
    writeFileSync(file, await renderDocx(buildReport(format, draft)));
    const report = execFileSync(RENDER, [file, join(out, 'lines-001'), '30'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const pdf = /^pdf: (.+)$/m.exec(report)![1]!;
    const pages = Number(/^pages: (\d+)$/m.exec(report)?.[1]);
    // A page holding a table shows one of its header cells as a line of its own.
    const headerCells = new Set(format.tables.flatMap((t) => t.header.flatMap((r) => r.map((c) => c.text))));
    const linesOf = (p: number) =>
      execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' })
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !/^—\s*\d+\s*—$/.test(l));
    const textPages = Array.from({ length: pages - 2 }, (_, i) => i + 2).filter((p) => !linesOf(p).some((l) => headerCells.has(l)));
    expect(textPages.length).toBeGreaterThanOrEqual(3);
    for (const p of textPages) expect(linesOf(p), `page ${p}`).toHaveLength(22);
    expect(linesOf(1)).toHaveLength(2 + 17);
  }, 120_000);

  it('seed 004: the date ends four characters from the right margin and the agency is centred over it', async () => {
    const draft = load('004');
    const file = join(out, 'sig-004.docx');
    writeFileSync(file, await renderDocx(buildReport(formatById(draft.formatId)!, draft)));
    const report = execFileSync(RENDER, [file, join(out, 'sig-004'), '30'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const pdf = /^pdf: (.+)$/m.exec(report)![1]!;
    const layout = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8' });
    const lines = [...layout.matchAll(/<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)].map((m) => ({
      x0: Number(m[1]),
      x1: Number(m[2]),
      text: [...m[3]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
    }));
    const agency = lines.findLast((l) => l.text === '忻州市科学技术局')!;
    const date = lines.find((l) => l.text === '2021年2月5日')!;
    const mm = 72 / 25.4;
    const textRight = (11906 - 1474) / 20; // the right margin, in points
    expect(Math.abs(textRight - 4 * 15.7 - date.x1) / mm).toBeLessThan(0.5);
    expect(Math.abs((agency.x0 + agency.x1) / 2 - (date.x0 + date.x1) / 2) / mm).toBeLessThan(0.5);
  }, 120_000);

  it('a DOCX opened and saved again by LibreOffice still opens as the same draft', async () => {
    const draft = load('full-2021');
    const json = draftToJson(draft);
    const file = join(out, 'resave.docx');
    writeFileSync(file, await renderDocx(buildReport(formatById(draft.formatId)!, draft), json));
    const resaved = join(out, 'resaved');
    execFileSync('soffice', ['--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', resaved, file], {
      stdio: 'ignore',
      env: { ...process.env, HOME: out },
    });
    const back = join(resaved, 'resave.docx');
    expect(existsSync(back)).toBe(true); // soffice exits 0 even when it fails
    const extracted = extractDraft(new Uint8Array(readFileSync(back)));
    expect(extracted.ok && extracted.json).toBe(json);
  }, 120_000);
});
