/**
 * The draft travels inside the DOCX the app makes, as a custom XML part (customXml/item1.xml, linked from the
 * document), so that "Open draft" restores it exactly from the report itself. Word keeps custom XML parts
 * when it saves a document. Uses fflate, the zip library docx itself is built on.
 */
import { strFromU8, strToU8, type Unzipped } from 'fflate';
import { readZipParts, ZipTooLarge } from '../import/zipParts';
import { LIMITS } from '../model/limits';
import { ensureDefault, ensureOverride, ensureRelationship } from './opcPackage';

const NS = 'urn:nianbao:draft';
const ITEM = 'customXml/item1.xml';
const PROPS = 'customXml/itemProps1.xml';
const ITEM_RELS = 'customXml/_rels/item1.xml.rels';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml';
const PROPS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps';
const PROPS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';

/**
 * The draft's JSON as XML text. JSON already spells control characters and lone surrogates as \u escapes;
 * U+FFFE and U+FFFF, which XML forbids and JSON leaves as they are, are spelled the same way (they can only
 * stand inside a JSON string, where the escape means the same character).
 */
function escapeXml(s: string): string {
  return s.replace(/[&<>\uFFFE\uFFFF]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? `\\u${c.charCodeAt(0).toString(16)}`);
}

function unescapeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g, (_, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name]!;
  });
}

/** Adds the draft's JSON to an unzipped DOCX package as a custom XML part, with its properties and relationships. */
export function addDraftPart(files: Unzipped, draftJson: string): void {
  files[ITEM] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<draft xmlns="${NS}">${escapeXml(draftJson)}</draft>`);
  files[PROPS] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{6F1C2A4E-2D0B-4C55-9E61-1A7B3D9C0F42}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${NS}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  files[ITEM_RELS] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${PROPS_TYPE}" Target="itemProps1.xml"/></Relationships>`,
  );
  const relsPath = 'word/_rels/document.xml.rels';
  files[relsPath] = strToU8(ensureRelationship(strFromU8(files[relsPath]!), 'rIdNianbaoDraft', REL_TYPE, `../${ITEM}`));
  const typesPath = '[Content_Types].xml';
  const types = ensureOverride(ensureDefault(strFromU8(files[typesPath]!), 'xml', 'application/xml'), `/${PROPS}`, PROPS_CONTENT_TYPE);
  files[typesPath] = strToU8(types);
}

/** Whether the bytes are a zip package (DOCX) rather than JSON text. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export type ExtractResult = { ok: true; json: string } | { ok: false; reason: 'notZip' | 'noDraft' | 'tooLarge' };

/** The largest custom XML a draft at every limit can make (its JSON escaped as XML text), with room to spare. */
const MAX_CUSTOM_XML_BYTES = 6 * LIMITS.draftFileBytes;

/** The draft's JSON from a DOCX made by the app, from whichever custom XML part holds it. */
export function extractDraft(docx: Uint8Array): ExtractResult {
  let files: Record<string, Uint8Array>;
  try {
    files = readZipParts(docx, (name) => name.startsWith('customXml/') && name.endsWith('.xml') && !name.includes('itemProps'), MAX_CUSTOM_XML_BYTES);
  } catch (e) {
    return { ok: false, reason: e instanceof ZipTooLarge ? 'tooLarge' : 'notZip' };
  }
  for (const bytes of Object.values(files)) {
    const xml = strFromU8(bytes);
    const m = new RegExp(`<draft xmlns="${NS}">([\\s\\S]*)</draft>`).exec(xml);
    if (m) return { ok: true, json: unescapeXml(m[1]!) };
  }
  return { ok: false, reason: 'noDraft' };
}
