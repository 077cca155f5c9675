/**
 * A draft from a file's bytes: the JSON the app saves (UTF-8 or GB18030), or a DOCX the app made, which carries
 * its draft inside. The page's 打开草稿 and the review desk both read drafts so.
 */
import { extractDraft, looksLikeZip } from '../render/docxDraft';
import { MAX_DRAFT_FILE_BYTES, readDraftText, type DraftReadResult } from './draftFile';
import { decodeText } from './encoding';

export { looksLikeZip };

/** Whether the bytes begin as a JSON object does (after a byte-order mark and white space). */
export function looksLikeJson(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x7b;
}

export function readDraftBytes(bytes: Uint8Array): DraftReadResult {
  if (looksLikeZip(bytes)) {
    const extracted = extractDraft(bytes);
    if (!extracted.ok) {
      if (extracted.reason === 'tooLarge') return { ok: false, problems: [{ key: 'file.tooLarge', params: { limitMb: MAX_DRAFT_FILE_BYTES / 1024 / 1024 } }] };
      return { ok: false, problems: [{ key: extracted.reason === 'noDraft' ? 'file.docxWithoutDraft' : 'file.notZip' }] };
    }
    return readDraftText(extracted.json);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, problems: [{ key: 'file.unknownEncoding' }] };
  return readDraftText(decoded.text);
}
