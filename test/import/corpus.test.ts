/**
 * The import corpus: real-world layouts of published reports (PDF printed by LibreOffice and by Chromium, text as
 * pdftotext lays it out, CMS web pages, DOCX saved by Writer, a real report's page), each with its expected cells.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../src/import/importer';
import { corpusDocuments } from '../../src/import/corpus';
import { loadPdfJsNode } from '../../src/import/pdfjsNode';
import { flatCells, isExact, scoreImport } from '../../src/import/score';
import { runCli } from '../support/cli';

const dir = (name: string) => new URL(`../fixtures/${name}/`, import.meta.url).pathname;
const corpus = corpusDocuments(dir('import'));
const unresolved = corpusDocuments(dir('import-unresolved'));

async function importFile(file: string) {
  const result = await importDocument(new Uint8Array(readFileSync(file)), loadPdfJsNode);
  if (!result.ok) throw new Error(`${file}: ${result.problem.key}`);
  return result;
}

describe('the import corpus', () => {
  it('holds at least 30 documents in at least five kinds of file', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    expect(new Set(corpus.map((d) => d.file.split('.').pop())).size).toBeGreaterThanOrEqual(4);
  });

  it.each(corpus.map((d) => [d.file.split('/').pop()!, d] as const))(
    '%s imports to its expected cells exactly',
    async (_name, doc) => {
      const { draft } = await importFile(doc.file);
      const score = scoreImport(doc.expected, draft);
      expect(score.wrong).toEqual([]);
      expect(isExact(score)).toBe(true);
    },
    30_000,
  );
});

describe('a real report’s title', () => {
  it('gives the agency, its kind and the year', async () => {
    const { draft } = await importFile(`${dir('import')}real-erlang-subdistrict-2022.txt`);
    expect([draft.agency.name, draft.agency.kind, draft.reportYear, draft.formatId]).toEqual(['重庆市九龙坡区二郎街道办事处', 'township', 2022, 'gb-2021']);
  });
});

describe('documents whose layout leaves a row open', () => {
  it.each(unresolved.map((d) => [d.file.split('/').pop()!, d] as const))(
    '%s: nothing placed wrongly, the open row left blank and named',
    async (_name, doc) => {
      const { draft, report } = await importFile(doc.file);
      const found = flatCells(draft);
      const wrong = Object.entries(doc.expected.cells).filter(([cell, value]) => found[cell] !== '' && found[cell] !== value);
      expect(wrong).toEqual([]);
      const open = Object.entries(doc.expected.cells)
        .filter(([cell, value]) => found[cell] !== value)
        .map(([cell]) => cell);
      expect(open.length).toBeGreaterThan(0);
      for (const cell of open) expect(report.missing).toContain(cell);
      expect(report.problems.map((p) => p.key)).toContain('import.rowUnreadable');
    },
  );
});

describe('import on the command line', () => {
  it('reads a PDF: exit 0 when every cell is placed, 3 with the report when some are blank', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'import-')), 'draft.json');
    const full = await runCli('import', `${dir('import')}seed001.libreoffice.pdf`, '-o', out);
    expect(full.code).toBe(0);
    expect(full.out).toContain('已填入 201 / 201 个单元格。');
    const blank = await runCli('import', `${dir('import')}seed003.chromium.pdf`, '-o', out);
    expect(blank.code).toBe(3);
    expect(blank.out).toContain('「四、结转下年度继续办理」「科研机构」');
  }, 60_000);

  it('import-score prints each document and the share read exactly', async () => {
    const r = await runCli('import-score', dir('import'));
    expect(r.code).toBe(0);
    expect(r.out).toContain(`完全读对的报告：${corpus.length} / ${corpus.length}（100.0%）`);
    const u = await runCli('import-score', dir('import-unresolved'));
    expect(u.code).toBe(1);
    expect(u.out).toMatch(/✗ seed002\.web-print\.pdf/);
  }, 120_000);
});
