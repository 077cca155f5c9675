/**
 * Text files from Chinese Windows are often not UTF-8: Notepad, WPS and older web pages save GBK (read as its
 * superset GB18030). A file is read as UTF-8 when it is valid UTF-8 (or says so with a byte-order mark), as
 * GB18030 when an HTML page declares GBK/GB2312/GB18030 or when it decodes cleanly to Chinese text, and refused
 * otherwise: a wrong guess would put mojibake into the draft.
 */
export type TextEncodingName = 'UTF-8' | 'UTF-16' | 'GB18030';

export type DecodedText = { ok: true; text: string; encoding: TextEncodingName } | { ok: false };

function decode(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Whether decoded text reads as Chinese (or plain ASCII): what GBK bytes of a real report decode to. */
function looksChinese(text: string): boolean {
  let other = 0;
  let cjk = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    const common =
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2010 && c <= 0x2027) ||
      c === 0xb7 ||
      (c >= 0x2460 && c <= 0x24ff) ||
      (c >= 0x3400 && c <= 0x4dbf);
    if (common) cjk++;
    else other++;
  }
  return cjk + other === 0 || other / (cjk + other) < 0.02;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decode(bytes.subarray(3), 'utf-8');
    return text === null ? { ok: false } : { ok: true, text, encoding: 'UTF-8' };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const text = decode(bytes.subarray(2), bytes[0] === 0xff ? 'utf-16le' : 'utf-16be');
    return text === null ? { ok: false } : { ok: true, text, encoding: 'UTF-16' };
  }
  const utf8 = decode(bytes, 'utf-8');
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'UTF-8' };
  // An HTML page that names its encoding is taken at its word (the declaration sits in the first kilobytes).
  const head = String.fromCharCode(...bytes.subarray(0, 4096)).toLowerCase();
  const declared = /<meta[^>]*charset\s*=\s*["']?\s*(gbk|gb2312|gb18030|x-gbk)\b/.test(head);
  const gb = decode(bytes, 'gb18030');
  if (gb !== null && (declared || looksChinese(gb))) return { ok: true, text: gb, encoding: 'GB18030' };
  return { ok: false };
}
