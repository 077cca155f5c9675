/**
 * HTML of the report, for publishing on an agency's website and for printing: a standalone page with semantic
 * tables (header cells as <th> with scope, rowspan/colspan as printed) and a print stylesheet. Every piece of
 * the clerk's text is escaped: user text never becomes markup.
 */
import type { DocCell, DocTable, ReportDocument } from './model';
import { stripForbidden } from './xmlChars';

/** The clerk's text as HTML text: escaped, and without the characters a document must not carry. */
function escapeHtml(s: string): string {
  return stripForbidden(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
body { font-family: "仿宋_GB2312", "仿宋", FangSong, "STFangsong", serif; font-size: 16pt; line-height: 1.8; color: #000; max-width: 44em; margin: 2em auto; padding: 0 1em; }
h1 { font-family: "方正小标宋简体", "华文中宋", "STZhongsong", "SimSun", serif; font-size: 22pt; font-weight: normal; text-align: center; line-height: 1.6; margin: 0 0 1em; }
h1 span { display: block; }
h2 { font-family: "黑体", SimHei, sans-serif; font-size: 16pt; font-weight: normal; margin: 0.6em 0 0; text-indent: 2em; }
h3 { font-family: "楷体_GB2312", "楷体", KaiTi, serif; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
h4 { font-size: 16pt; font-weight: bold; margin: 0; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 10.5pt; line-height: 1.4; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { border: 1px solid #000; padding: 2px 4px; text-align: center; vertical-align: middle; }
th { font-weight: normal; }
th.left { text-align: left; }
.signature { margin-top: 2em; text-align: right; text-indent: 0; padding-right: 4em; }
@media print {
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  body { margin: 0; max-width: none; padding: 0; }
  table { page-break-inside: auto; }
  tr { page-break-inside: avoid; }
  thead { display: table-header-group; }
  h2, h3, h4 { page-break-after: avoid; }
}`;

function cellHtml(cell: DocCell, scope: 'col' | 'row'): string {
  const spans = `${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
  const cls = cell.align === 'left' ? ' class="left"' : '';
  if (!cell.header) return `<td${spans}>${escapeHtml(cell.text)}</td>`;
  const sc = scope === 'col' ? (cell.colSpan > 1 ? 'colgroup' : 'col') : cell.rowSpan > 1 ? 'rowgroup' : 'row';
  return `<th scope="${sc}"${spans}${cls}>${escapeHtml(cell.text)}</th>`;
}

function tableHtml(table: DocTable): string {
  const head = table.header.map((row) => `<tr>${row.map((c) => cellHtml(c, 'col')).join('')}</tr>`).join('\n');
  const body = table.body.map((row) => `<tr>${row.map((c) => cellHtml(c, 'row')).join('')}</tr>`).join('\n');
  const caption = table.caption ? `<caption>${escapeHtml(table.caption)}</caption>\n` : '';
  return `<table class="t-${table.id}">\n${caption}<thead>\n${head}\n</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

export function renderHtml(doc: ReportDocument): string {
  const parts: string[] = [];
  parts.push(`<h1>${doc.titleLines.map((l) => `<span>${escapeHtml(l)}</span>`).join('')}</h1>`);
  for (const block of doc.blocks) {
    if (block.type === 'heading') parts.push(`<h${block.level + 1}>${escapeHtml(block.text)}</h${block.level + 1}>`);
    else if (block.type === 'paragraph') parts.push(`<p>${escapeHtml(block.text)}</p>`);
    else parts.push(tableHtml(block.table));
  }
  parts.push(`<p class="signature">${escapeHtml(doc.signature.agency)}<br>${escapeHtml(doc.signature.date)}</p>`);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}
</style>
</head>
<body>
${parts.join('\n')}
</body>
</html>
`;
}
