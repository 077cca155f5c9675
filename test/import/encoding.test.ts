/**
 * Hostile zip files are refused as they inflate. Reports and drafts saved as GBK/GB18030 (Notepad, WPS, older websites) are read as such, the import report
 * says so, and a file in any other encoding gets a clear message rather than mojibake.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../src/import/importer';
import { importReportText } from '../../src/import/reportText';
import { decodeText } from '../../src/model/encoding';
import { draftToJson } from '../../src/model/draftFile';
import { createI18n } from '../../src/i18n';
import { main } from '../../src/cli/main';
import { seedDraft } from '../support/drafts';
import { zipBomb } from '../support/zipBomb';

const t = createI18n('zh-CN').t;
const seed001 = readFileSync(new URL('../../../shared/seeds/001_4ec32009cce65549.txt', import.meta.url), 'utf8');

/** GB18030 bytes of a text, from the decoder's own two-byte table (enough for the characters of a report). */
const table = (() => {
  const map = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  return map;
})();
function gb18030(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else if (table.has(ch)) out.push(...table.get(ch)!);
    else throw new Error(`no two-byte GB18030 code for ${ch}`);
  }
  return new Uint8Array(out);
}

describe('text encodings', () => {
  it('a report saved as GBK text imports exactly as its UTF-8 original, and the report says which encoding was used', () => {
    const utf8 = importReport(new TextEncoder().encode(seed001));
    const gbk = importReport(gb18030(seed001));
    expect(utf8.ok && gbk.ok).toBe(true);
    if (!utf8.ok || !gbk.ok) return;
    expect(gbk.draft).toEqual(utf8.draft);
    expect(importReportText(t, gbk.report).notes).toContain('文件按 GB18030 编码读取。');
    expect(importReportText(t, utf8.report).notes.join()).not.toContain('编码读取');
  });

  it('a web page declaring <meta charset="gbk"> is read as GB18030', () => {
    const html = `<html><head><meta charset="gbk"><title>年报</title></head><body>${seed001
      .split('\n')
      .map((l) =>
        l.includes('\t')
          ? `<table><tr>${l
              .split('\t')
              .map((c) => `<td>${c}</td>`)
              .join('')}</tr></table>`
          : `<p>${l}</p>`,
      )
      .join('')}</body></html>`;
    const r = importReport(gb18030(html));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report.source).toBe('html');
    expect(r.draft.agency.name).toBe('北京市丰台区人民政府');
    expect(importReportText(t, r.report).notes).toContain('文件按 GB18030 编码读取。');
  });

  it('a draft saved as GBK opens on the command line as its UTF-8 original', async () => {
    const draft = seedDraft('004');
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-enc-'));
    // The few characters outside GBK's two-byte table (a no-break space) are written as a plain space in both.
    const json = [...draftToJson(draft)].map((c) => (c.charCodeAt(0) < 0x80 || table.has(c) ? c : ' ')).join('');
    writeFileSync(join(dir, 'utf8.json'), json);
    writeFileSync(join(dir, 'gbk.json'), gb18030(json));
    const outs: string[][] = [[], []];
    const codes = [
      await main(['check', join(dir, 'utf8.json')], (s) => outs[0]!.push(s)),
      await main(['check', join(dir, 'gbk.json')], (s) => outs[1]!.push(s)),
    ];
    expect(codes[1]).toBe(codes[0]);
    expect(outs[1]).toEqual(outs[0]);
  });

  it('a file in neither UTF-8 nor GB18030 gets a clear message, never mojibake', async () => {
    const latin1 = new Uint8Array([...'Rapport annuel: caf'].map((c) => c.charCodeAt(0)).concat([0xe9, 0x20, 0x72, 0xe9, 0x73, 0x75, 0x6d, 0xe9]));
    expect(decodeText(latin1)).toEqual({ ok: false });
    // Bytes that happen to decode as GB18030 but read as no Chinese text at all are refused too.
    const cyrillic = new Uint8Array([0xa7, 0xa1, 0xa7, 0xa2, 0xa7, 0xa3, 0x20, 0xa7, 0xa4, 0xa7, 0xa5]);
    expect(decodeText(cyrillic)).toEqual({ ok: false });
    const r = importReport(latin1);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem.key).toBe('import.unknownEncoding');
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-enc-'));
    writeFileSync(join(dir, 'bad.json'), latin1);
    const err: string[] = [];
    expect(
      await main(
        ['check', join(dir, 'bad.json')],
        () => undefined,
        (s) => err.push(s),
      ),
    ).toBe(2);
    expect(err.join('\n')).toContain('既不是 UTF-8 也不是 GBK/GB18030');
  });
});

describe('hostile zip files', () => {
  it('a 3 MB DOCX that inflates to 3 GB is refused as it inflates, in under 256 MB, as an import and as a draft', async () => {
    const bomb = zipBomb(3);
    expect(bomb.length).toBeLessThan(4 * 1024 * 1024);
    const heapBefore = process.memoryUsage().rss;
    // (How long the refusal takes is printed by `npm run bench`, not asserted here.)
    const r = importReport(bomb);
    expect(!r.ok && r.problem.key).toBe('import.tooLarge');
    expect(process.memoryUsage().rss - heapBefore).toBeLessThan(256 * 1024 * 1024);
    const { extractDraft } = await import('../../src/render/docxDraft');
    expect(extractDraft(zipBomb(1, 'customXml/item1.xml'))).toEqual({ ok: false, reason: 'tooLarge' });
  }, 30_000);
});

describe('hostile markup', () => {
  // Each of these took minutes with lazy regular expressions (quadratic in the number of openings); the
  // scan is linear now, so a generous limit on the test's own time is enough to say it does not hang.
  it.each([
    ['unclosed comments', '<!--'],
    ['unclosed scripts', '<script>'],
    ['unclosed tags', '<'],
    ['unclosed styles in capitals', '<STYLE>'],
  ])(
    'a page of 200,000 %s is read without hanging',
    (_name, unit) => {
      const r = importReport(`<p>一、总体情况</p>${unit.repeat(200_000)}`);
      expect(r.ok || r.problem.key).toBeTruthy();
    },
    10_000,
  );

  it('a DOCX whose paragraphs and rows never close is read without hanging', () => {
    const body = `<w:document><w:body><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>${'<w:tbl><w:tr><w:tc><w:p>'.repeat(50_000)}</w:body></w:document>`;
    const files = { 'word/document.xml': new TextEncoder().encode(body) };
    const r = importReport(zipSync(files));
    expect(r.ok || r.problem.key).toBeTruthy();
  }, 10_000);
});
