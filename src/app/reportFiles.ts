/**
 * The report as the clerk downloads or previews it: DOCX, plain text or HTML, named from its title. Loaded on
 * the first export or preview, not with the page (the DOCX library later still, on the first DOCX).
 */
import type { Format } from '../format/format';
import type { Draft } from '../model/draft';
import { draftToJson } from '../model/draftFile';
import { buildReport } from '../render/model';
import { renderText } from '../render/text';
import { renderHtml } from '../render/html';
import { forbiddenInReport } from '../render/xmlChars';

export type ExportKind = 'docx' | 'txt' | 'html';

export interface ReportFile {
  name: string;
  content: Uint8Array | string;
  type: string;
  /** Characters XML forbids, left out of the DOCX or HTML (the draft keeps them). */
  removed: number;
}

const TYPES: Record<ExportKind, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain;charset=utf-8',
  html: 'text/html;charset=utf-8',
};

/** A report file name: the title, with characters Windows refuses in names replaced. */
function reportFileName(title: string, kind: ExportKind): string {
  return `${title.replace(/[\\/:*?"<>|\r\n]/g, '_')}.${kind}`;
}

export async function reportFile(format: Format, draft: Draft, kind: ExportKind): Promise<ReportFile> {
  const doc = buildReport(format, draft);
  let content: Uint8Array | string;
  if (kind === 'docx') {
    const { renderDocx } = await import('../render/docx');
    content = await renderDocx(doc, draftToJson(draft));
  } else {
    content = kind === 'txt' ? renderText(doc) : renderHtml(doc);
  }
  return { name: reportFileName(doc.title, kind), content, type: TYPES[kind], removed: kind === 'txt' ? 0 : forbiddenInReport(doc) };
}

/** The report as the preview shows it (in a sandboxed frame). */
export function reportPreview(format: Format, draft: Draft): string {
  return renderHtml(buildReport(format, draft));
}
