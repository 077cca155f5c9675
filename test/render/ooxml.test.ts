/**
 * The DOCX as Word, WPS and the Open XML SDK read it: every part valid against the ECMA-376 transitional
 * schemas, the package rules the schemas cannot state, headings Word's navigation pane lists, widow control
 * off, continue cells styled like the table, every face declared with its stand-in, runs without fonts of
 * their own, and the signature computed without the gap between Chinese characters and digits.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type ReportDocument } from '../../src/render/model';
import { renderDocx } from '../../src/render/docx';
import { FONT_TABLE } from '../../src/render/docxFonts';
import { draftToJson, readDraftText } from '../../src/model/draftFile';
import { formatById } from '../../src/format/registry';
import type { Draft } from '../../src/model/draft';
import { SEEDS, seedDraft } from '../support/drafts';
import { docxParts, paragraphs, style } from '../support/docxXml';
import { checkDocxFiles, packageErrors } from '../support/ooxml';

const full2021 = (): Draft => {
  const r = readDraftText(readFileSync(new URL('../fixtures/full-2021.draft.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('full-2021 fixture does not load');
  return r.draft;
};
const NAMES = [...SEEDS, 'full-2021'];
const load = (name: string) => (name === 'full-2021' ? full2021() : seedDraft(name));

const exported: Record<string, { draft: Draft; doc: ReportDocument; bytes: Uint8Array; parts: Record<string, string> }> = {};

beforeAll(async () => {
  for (const name of NAMES) {
    const draft = load(name);
    const doc = buildReport(formatById(draft.formatId)!, draft);
    const bytes = await renderDocx(doc, draftToJson(draft));
    exported[name] = { draft, doc, bytes, parts: docxParts(bytes) };
  }
});

/** A package rebuilt with one part changed. */
function withPart(bytes: Uint8Array, name: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  files[name] = strToU8(edit(strFromU8(files[name]!)));
  return zipSync(files);
}

/** Outline level of a paragraph as Word resolves it: the paragraph's own, else its style's, else the style it is based on. */
function outlineLevel(stylesXml: string, paragraphXml: string): number | null {
  const own = /<w:outlineLvl w:val="(\d)"\/>/.exec(paragraphXml);
  if (own) return Number(own[1]);
  let id = /<w:pStyle w:val="([^"]+)"\/>/.exec(paragraphXml)?.[1];
  for (let depth = 0; id && depth < 10; depth++) {
    const declared = style(stylesXml, id);
    const level = /<w:outlineLvl w:val="(\d)"\/>/.exec(declared);
    if (level) return Number(level[1]);
    id = /<w:basedOn w:val="([^"]+)"\/>/.exec(declared)?.[1];
  }
  return null;
}

/** What Word's navigation pane lists: the text of every paragraph with an outline level, indented by level. */
function navigationPane(parts: Record<string, string>): string[] {
  const styles = parts['word/styles.xml']!;
  return [...parts['word/document.xml']!.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].flatMap((m) => {
    const level = outlineLevel(styles, m[0]);
    const text = [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
    return level === null || level > 8 ? [] : [`${'  '.repeat(level)}${text}`];
  });
}

describe('the DOCX against ECMA-376', () => {
  it('every part of every exported DOCX is valid against the transitional schemas, and the package keeps its rules', async () => {
    const results = await checkDocxFiles(Object.fromEntries(NAMES.map((n) => [n, exported[n]!.bytes])));
    for (const name of NAMES) {
      const r = results[name]!;
      expect(r.validated, name).toEqual(
        expect.arrayContaining([
          'word/document.xml',
          'word/styles.xml',
          'word/fontTable.xml',
          'word/settings.xml',
          '[Content_Types].xml',
          'customXml/itemProps1.xml',
        ]),
      );
      expect(r.schemaErrors, name).toEqual([]);
      expect(r.packageErrors, name).toEqual([]);
    }
  }, 60_000);

  it('refuses a package with two Defaults for one extension (what Word reports as unreadable content)', async () => {
    const bytes = withPart(exported['001']!.bytes, '[Content_Types].xml', (x) =>
      x.replace('</Types>', '<Default ContentType="application/xml" Extension="XML"/></Types>'),
    );
    const r = (await checkDocxFiles({ bad: bytes })).bad!;
    expect(r.packageErrors).toEqual(['[Content_Types].xml: 2 Default elements for extension "xml"']);
  });

  it('refuses what the schemas forbid, a relationship to a missing part, a row off the grid and an undeclared style', async () => {
    let bytes = withPart(exported['002']!.bytes, 'word/document.xml', (x) =>
      x
        .replace(
          '<w:body>',
          '<w:body><w:p><w:pPr><w:jc w:val="center"/><w:spacing w:line="300"/></w:pPr></w:p><w:p><w:pPr><w:pStyle w:val="NoSuchStyle"/></w:pPr></w:p>',
        )
        .replace('<w:gridSpan w:val="2"/>', '<w:gridSpan w:val="3"/>'),
    );
    bytes = withPart(bytes, 'word/_rels/document.xml.rels', (x) => x.replace('Target="styles.xml"', 'Target="styles2.xml"'));
    const r = (await checkDocxFiles({ bad: bytes })).bad!;
    expect(r.schemaErrors.join('\n')).toMatch(/bad:word\/document\.xml:\d+: .*spacing.*This element is not expected/);
    expect(r.packageErrors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^word\/_rels\/document\.xml\.rels: relationship rId\d+ points at word\/styles2\.xml/),
        'word/document.xml: paragraph style NoSuchStyle is not declared',
        expect.stringMatching(/^table \d+ row \d+: (cells span \d+ of \d+ grid columns|a cell \d+ wide)/),
      ]),
    );
  });

  it('the checker reads the package rules independently: a hand-made minimal package passes, its faults are named', () => {
    const good = {
      '[Content_Types].xml': '<Types><Default Extension="rels" ContentType="a"/><Default Extension="xml" ContentType="b"/></Types>',
      '_rels/.rels': '<Relationships><Relationship Id="rId1" Type="t" Target="word/document.xml"/></Relationships>',
      'word/document.xml': '<w:document/>',
    };
    expect(packageErrors(good)).toEqual([]);
    expect(packageErrors({ ...good, 'word/media/x.png': '' })).toEqual(['word/media/x.png: no content type']);
    expect(
      packageErrors({
        ...good,
        '_rels/.rels':
          '<Relationships><Relationship Id="rId1" Type="t" Target="word/document.xml"/><Relationship Id="rId1" Type="t" Target="/word/document.xml"/></Relationships>',
      }),
    ).toEqual(['_rels/.rels: relationship id rId1 used twice']);
  });
});

describe('the DOCX as Word lays it out', () => {
  it.each(NAMES)('%s: the navigation pane lists the six sections, with the （一） headings under them', (name) => {
    const { parts, doc } = exported[name]!;
    const format = formatById(exported[name]!.draft.formatId)!;
    const pane = navigationPane(parts);
    expect(pane.filter((l) => !l.startsWith(' '))).toEqual(format.sections.map((s) => s.heading));
    const level2 = doc.blocks.flatMap((b) => (b.type === 'heading' && b.level === 2 ? [`  ${b.text}`] : []));
    expect(pane.filter((l) => /^ {2}\S/.test(l))).toEqual(level2);
  });

  it('widow and orphan control is written off in Normal, and nothing turns it back on', () => {
    for (const name of NAMES) {
      const { parts } = exported[name]!;
      expect(style(parts['word/styles.xml']!, 'Normal'), name).toMatch(/<w:widowControl w:val="(false|0)"\/>/);
      const on = [...(parts['word/styles.xml']! + parts['word/document.xml']!).matchAll(/<w:widowControl(?: w:val="(true|1|on)")?\/>/g)];
      expect(on, name).toEqual([]);
    }
  });

  it('the continue cells of vertical merges carry the table’s paragraph style, as every table paragraph does', () => {
    for (const name of NAMES) {
      const xml = exported[name]!.parts['word/document.xml']!;
      const cells = xml.match(/<w:tc>[\s\S]*?<\/w:tc>/g)!;
      const continues = cells.filter((c) => c.includes('<w:vMerge w:val="continue"/>'));
      expect(continues.length, name).toBeGreaterThan(0);
      for (const c of cells) expect(c, name).toMatch(/^<w:tc><w:tcPr>[\s\S]*<\/w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"\/>/);
    }
    const table = style(exported['001']!.parts['word/styles.xml']!, 'TableText');
    expect(table).toContain('<w:spacing w:after="0" w:before="0" w:line="300" w:lineRule="exact"/>');
    expect(table).toContain('<w:sz w:val="21"/>');
  });

  it('declares every face it uses, each Chinese face with its stand-in and the GB2312 character set', () => {
    const { parts } = exported['full-2021']!;
    const rFonts = (parts['word/styles.xml']! + parts['word/document.xml']! + parts['word/footer1.xml']!).match(/<w:rFonts [^>]*>/g)!;
    const used = new Set(rFonts.flatMap((f) => [...f.matchAll(/w:(?:eastAsia|ascii|hAnsi|cs)="([^"]+)"/g)].map((m) => m[1]!)));
    const fonts = parts['word/fontTable.xml']!;
    const declared = [...fonts.matchAll(/<w:font w:name="([^"]+)">([\s\S]*?)<\/w:font>/g)].map((m) => ({ name: m[1]!, body: m[2]! }));
    expect(declared.map((d) => d.name).sort()).toEqual([...used].sort());
    const expectStandIn = { 仿宋_GB2312: '仿宋', 楷体_GB2312: '楷体', 方正小标宋简体: '宋体', 黑体: 'SimHei', 宋体: 'SimSun' } as Record<string, string>;
    for (const d of declared.filter((f) => /[^\x00-\x7f]/.test(f.name))) {
      expect(d.body, d.name).toContain(`<w:altName w:val="${expectStandIn[d.name]}"/>`);
      expect(d.body, d.name).toContain('<w:charset w:val="86"/>');
    }
    expect(FONT_TABLE).toHaveLength(declared.length);
  });

  it('runs carry no font of their own, except quotation marks, dashes and ellipses set in the paragraph’s Chinese face', () => {
    const xml = exported['001']!.parts['word/document.xml']!;
    const runs = xml.match(/<w:r>[\s\S]*?<\/w:r>/g)!;
    const withFont = runs.filter((r) => r.includes('<w:rFonts'));
    expect(withFont.length).toBeGreaterThan(10); // seed 001 quotes “北京丰台” and more
    for (const r of withFont) {
      const text = /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/.exec(r)![1]!;
      expect(text).toMatch(/^[“”‘’—…·]+$/);
      const face = /w:eastAsia="([^"]+)"/.exec(r)![1]!;
      expect(r).toContain(`<w:rFonts w:ascii="${face}" w:cs="${face}" w:eastAsia="${face}" w:hAnsi="${face}"/>`);
    }
    expect(runs.filter((r) => /<w:(sz|b|spacing) /.test(r))).toEqual([]);
  });

  it('places the signature by 7.3.5.1, counting the gap between Chinese characters and digits: date 右空四字, agency centred over it', () => {
    const { parts } = exported['004']!;
    const sig = paragraphs(parts['word/document.xml']!).filter((p) => p.style === 'Signature');
    expect(sig.map((p) => p.text)).toEqual(['忻州市科学技术局', '2021年2月5日']);
    const indents = [...parts['word/document.xml']!.matchAll(/<w:pStyle w:val="Signature"\/>[\s\S]*?<w:ind w:right="(\d+)"\/>/g)].map((m) => Number(m[1]));
    // One 字 is 314 twips (16 pt less the 0.3 pt squeeze), a digit 154, and each of the five changes between
    // digits and 字 adds 70: the date is 6 × 154 + 3 × 314 + 5 × 70 = 2216 twips, the agency 8 × 314 = 2512.
    const date = 6 * 154 + 3 * 314 + 5 * 70;
    const agency = 8 * 314;
    expect(indents).toEqual([Math.round(4 * 314 + (date - agency) / 2), 4 * 314]);
  });

  it('keeps the last paragraph of text, the blank line and the agency on the page of the date: the signature never stands alone', () => {
    const xml = exported['004']!.parts['word/document.xml']!;
    const body = xml.slice(xml.indexOf('<w:body>'), xml.indexOf('<w:sectPr'));
    const outside = [...body.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '').matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const keeps = (p: string) => p.includes('<w:keepNext/>');
    const [text, blank, agency, date] = outside.slice(-4);
    expect(paragraphs(date!).map((p) => p.text)).toEqual(['2021年2月5日']);
    expect([text, blank, agency, date].map((p) => keeps(p!))).toEqual([true, true, true, false]);
    expect(paragraphs(text!)[0]!.style).toBe('BodyText');
    // No other paragraph of text is held to the next one.
    expect(outside.slice(0, -4).filter((p) => keeps(p) && /<w:pStyle w:val="BodyText"\/>/.test(p))).toEqual([]);
  });
});
