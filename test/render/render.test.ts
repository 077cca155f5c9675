import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/render/model';
import { renderText } from '../../src/render/text';
import { renderHtml } from '../../src/render/html';
import { renderDocx } from '../../src/render/docx';
import { extractDraft } from '../../src/render/docxDraft';
import { draftToJson, readDraftText } from '../../src/model/draftFile';
import { displayValue } from '../../src/model/number';
import { formatById } from '../../src/format/registry';
import type { Draft } from '../../src/model/draft';
import { SEEDS, seedDraft } from '../support/drafts';
import { count, docxParts, paragraphs, style, tables, texts } from '../support/docxXml';

const golden = (name: string) => new URL(`../golden/${name}`, import.meta.url);
const full2021 = (): Draft => {
  const r = readDraftText(readFileSync(new URL('../fixtures/full-2021.draft.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('full-2021 fixture does not load');
  return r.draft;
};
const DRAFTS: [string, () => Draft][] = [...SEEDS.map((n) => [n, () => seedDraft(n)] as [string, () => Draft]), ['full-2021', full2021]];

/** Every label and value of every table, in reading order, as the report must print them. */
function expectedTableTexts(draft: Draft): string[] {
  const format = formatById(draft.formatId)!;
  const out: string[] = [];
  for (const table of format.tables) {
    if (table.caption) out.push(table.caption);
    for (const row of table.header) for (const cell of row) out.push(cell.text);
    const seenGroups = new Set<string>();
    for (const row of table.rows) {
      for (const [level, group] of (row.group ?? []).entries()) {
        const key = `${level}:${(row.group ?? []).slice(0, level + 1).join('/')}`;
        if (!seenGroups.has(key)) out.push(group);
        seenGroups.add(key);
      }
      if (row.label) out.push(row.label);
      for (const column of table.columns) {
        const v = draft.cells[table.id]![row.key]![column.key]!;
        if (v !== '') out.push(displayValue(v, column.kind));
      }
    }
  }
  return out;
}

function inOrder(haystack: string, needles: string[]): string[] {
  const missing: string[] = [];
  let pos = 0;
  for (const n of needles) {
    const i = haystack.indexOf(n, pos);
    if (i < 0) missing.push(n);
    else pos = i + n.length;
  }
  return missing;
}

describe('plain text', () => {
  it.each(DRAFTS)('%s matches its reviewed golden file', (name, load) => {
    const draft = load();
    const text = renderText(buildReport(formatById(draft.formatId)!, draft));
    const file = golden(`${name}.txt`);
    if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, text);
    expect(text).toBe(readFileSync(file, 'utf8'));
  });

  it('holds every table value in order', () => {
    const draft = seedDraft('001');
    const text = renderText(buildReport(formatById(draft.formatId)!, draft));
    const values = expectedTableTexts(draft).filter((s) => /^[+-]?\d/.test(s));
    expect(inOrder(text, values)).toEqual([]);
  });
});

describe('DOCX', () => {
  it.each(DRAFTS)('%s: page, fonts, tables with their merged cells, footers, every label and value in order', async (_name, load) => {
    const draft = load();
    const format = formatById(draft.formatId)!;
    const doc = buildReport(format, draft);
    const parts = docxParts(await renderDocx(doc, draftToJson(draft)));
    const xml = parts['word/document.xml']!;

    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(xml).toContain('<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="850" w:footer="1417" w:gutter="0"/>');
    expect(xml).toContain('<w:docGrid w:type="default" w:linePitch="579"/>');
    expect(parts['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    // Faces, sizes and spacing are declared once, in named styles; each paragraph names its style.
    const styles = parts['word/styles.xml']!;
    const paras = paragraphs(xml);
    const styled = (id: string) => paras.filter((p) => p.style === id).map((p) => p.text);
    // Title: 2号 (44 half-points) 方正小标宋简体, one paragraph per line, agency then year and title.
    expect(styled('Title')).toEqual(doc.titleLines);
    expect(style(styles, 'Title')).toContain('w:eastAsia="方正小标宋简体"');
    expect(style(styles, 'Title')).toContain('<w:sz w:val="44"/>');
    // Body: 3号 仿宋 on exact 28.95 pt lines, 28 characters a line, two characters of first-line indent.
    expect(style(styles, 'Normal')).toContain('w:eastAsia="仿宋_GB2312"');
    expect(style(styles, 'Normal')).toContain('<w:sz w:val="32"/>');
    expect(style(styles, 'BodyText')).toContain(
      '<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"/><w:ind w:firstLine="628" w:firstLineChars="200"/>',
    );
    expect(style(styles, 'BodyText')).toContain('<w:spacing w:val="-6"/>');
    const bodyTexts = doc.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    expect(styled('BodyText').filter((t) => t !== '')).toEqual(bodyTexts);
    // Headings: 一、 in 黑体, （一） in 楷体_GB2312, 1. in bold 仿宋, as Heading 1–3.
    const headingTexts = (level: 1 | 2 | 3) => doc.blocks.flatMap((b) => (b.type === 'heading' && b.level === level ? [b.text] : []));
    expect(headingTexts(1)).toHaveLength(6);
    expect(styled('Heading1')).toEqual(headingTexts(1));
    expect(styled('Heading2')).toEqual(headingTexts(2));
    expect(styled('Heading3')).toEqual(headingTexts(3));
    expect(style(styles, 'Heading1')).toContain('w:eastAsia="黑体"');
    expect(style(styles, 'Heading2')).toContain('w:eastAsia="楷体_GB2312"');
    expect(style(styles, 'Heading3')).toContain('<w:b/>');

    // One table per official table, with header rows repeated and rows that do not split.
    const tbls = tables(xml);
    expect(tbls).toHaveLength(format.tables.length);
    for (const [i, table] of format.tables.entries()) {
      const t = tbls[i]!;
      const headerRows = table.header.length + (table.caption ? 1 : 0);
      expect(count(t, '<w:tblHeader/>'), table.id).toBe(headerRows);
      expect(count(t, '<w:cantSplit/>'), table.id).toBe(headerRows + table.rows.length);
      expect(t).toContain('<w:tblW w:type="dxa" w:w="8845"/>');
      const grid = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(grid.reduce((a, b) => a + b, 0)).toBe(8845);
      expect(grid).toHaveLength(table.labelColumns + table.columns.length);
    }
    const requests = tbls[format.tables.findIndex((t) => t.id === 'requests')]!;
    const review = tbls[format.tables.findIndex((t) => t.id === 'review')]!;
    // Section 三 as printed: the note over 3×3, 申请人情况 over 7, 法人或其他组织 over 5, labels across their columns;
    // 三、本年度办理结果 down its 20 (2019) or 22 (2021) rows, （三） 8, （四） 3, （五） 5 (and （六） 3 in 2021).
    const is2021 = format.id === 'gb-2021';
    expect(count(requests, '<w:gridSpan w:val="')).toBe(is2021 ? 11 : 12);
    expect(count(requests, '<w:vMerge w:val="continue"/>')).toBe(2 + 1 + 1 + (is2021 ? 21 : 19) + 7 + 2 + 4 + (is2021 ? 2 : 0));
    expect(count(requests, '<w:vMerge w:val="restart"/>')).toBe(is2021 ? 8 : 7);
    // Section 四: 行政复议 over 5, 行政诉讼 over 10, each 起诉 over 5; the five 复议 labels down two rows.
    expect(count(review, '<w:gridSpan w:val="')).toBe(4);
    expect(count(review, '<w:vMerge w:val="continue"/>')).toBe(5);

    // Page numbers `— N —` in 4号 宋体: odd pages right, even pages left.
    const footers = Object.entries(parts)
      .filter(([n]) => /^word\/footer\d+\.xml$/.test(n))
      .map(([, x]) => x);
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(texts(f)).toBe('—  —'); // the page number is a field between the two dashes
      expect(f).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(f).toContain('<w:pStyle w:val="Footer"/>');
    }
    expect(style(styles, 'Footer')).toContain('<w:sz w:val="28"/>');
    expect(style(styles, 'Footer')).toContain('w:eastAsia="宋体"');
    expect(footers.some((f) => f.includes('<w:ind w:right="280"/><w:jc w:val="right"/>'))).toBe(true);
    expect(footers.some((f) => f.includes('<w:ind w:left="280"/><w:jc w:val="left"/>'))).toBe(true);

    // Every label and every value, in order; the headings and the signature.
    const all = texts(xml);
    expect(inOrder(all, expectedTableTexts(draft))).toEqual([]);
    expect(inOrder(all, [...doc.titleLines, ...format.sections.map((s) => s.heading), doc.signature.agency, doc.signature.date])).toEqual([]);
  });

  it('prints the date as GB/T 9704 writes it and the signature at the end', async () => {
    const draft = seedDraft('004');
    const xml = docxParts(await renderDocx(buildReport(formatById(draft.formatId)!, draft)))['word/document.xml']!;
    expect(texts(xml).endsWith('忻州市科学技术局\u00012021年2月5日')).toBe(true);
  });

  it.each(DRAFTS)('%s: draft → DOCX → open gives back the identical draft', async (_name, load) => {
    const draft = load();
    const json = draftToJson(draft);
    const bytes = await renderDocx(buildReport(formatById(draft.formatId)!, draft), json);
    const extracted = extractDraft(bytes);
    expect(extracted.ok).toBe(true);
    if (!extracted.ok) return;
    expect(extracted.json).toBe(json);
    const reopened = readDraftText(extracted.json);
    expect(reopened.ok && reopened.draft).toEqual(draft);
  });

  it('keeps text with XML-special characters, emoji and line breaks exactly through the DOCX round trip', async () => {
    const draft = full2021();
    draft.agency.name = 'A&B <局> "测试" \'x\' 🏛️';
    draft.sections.other.text = '第一行 <b>不是标记</b> & ]]> 结束\n第二行 😀\r\n\t第三行';
    const json = draftToJson(draft);
    const bytes = await renderDocx(buildReport(formatById(draft.formatId)!, draft), json);
    const extracted = extractDraft(bytes);
    expect(extracted.ok && extracted.json).toBe(json);
    expect(texts(docxParts(bytes)['word/document.xml']!)).toContain('第一行 <b>不是标记</b> & ]]> 结束');
  });
});

describe('HTML', () => {
  it('has semantic tables: header cells as <th> with scope, spans as printed, captions', () => {
    const draft = seedDraft('000');
    const html = renderHtml(buildReport(formatById(draft.formatId)!, draft));
    expect(count(html, '<table')).toBe(7);
    expect(html).toContain('<caption>第二十条第（五）项</caption>');
    expect(html).toContain(
      '<th scope="colgroup" colspan="3" rowspan="3" class="left">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>'.replace(
        ' colspan="3" rowspan="3"',
        ' rowspan="3" colspan="3"',
      ),
    );
    expect(html).toContain('<th scope="rowgroup" rowspan="20">三、本年度办理结果</th>');
    expect(html).toContain(
      '<th scope="rowgroup" rowspan="2">其他对外管理服务事项</th><th scope="row" class="left">行政检查</th><td>1</td><td>0</td><td>295</td>',
    );
    expect(html).toContain('@media print');
  });

  it('never lets the clerk’s text become markup', () => {
    const draft = full2021();
    draft.agency.name = '<script>alert(1)</script>局';
    draft.sections.problems.text = '<img src=x onerror=alert(1)> & "引号"';
    const html = renderHtml(buildReport(formatById(draft.formatId)!, draft));
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;引号&quot;');
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;局2025年政府信息公开工作年度报告</title>');
  });
});
