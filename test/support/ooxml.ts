/**
 * Checks a DOCX the way a strict consumer reads it: every XML part against the ECMA-376 transitional schemas
 * (test/ooxml/, validated by libxml2 compiled to WebAssembly), and the package rules no schema expresses: one
 * Default per extension, a content type for every part, every relationship target present, ids unique, and
 * every table row filling the table's grid with cell widths equal to the columns they span.
 *
 * Markup compatibility (ECMA-376 Part 3) is applied first, as a consumer does: attributes in namespaces the
 * part declares ignorable are dropped. This reads the package independently of the code that wrote it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';

const OOXML_DIR = new URL('../ooxml/', import.meta.url);
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

function schemaFiles(): XMLFileInfo[] {
  const files: XMLFileInfo[] = [];
  for (const name of readdirSync(OOXML_DIR))
    if (name.endsWith('.xsd')) files.push({ fileName: name, contents: readFileSync(new URL(name, OOXML_DIR), 'utf8') });
  for (const name of readdirSync(new URL('schemas/', OOXML_DIR))) {
    files.push({ fileName: `schemas/${name}`, contents: readFileSync(new URL(`schemas/${name}`, OOXML_DIR), 'utf8') });
  }
  return files;
}

const attrs = (tag: string) => Object.fromEntries([...tag.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
const elementsOf = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}(?=[\\s/>])[^>]*>`, 'g'))].map((m) => attrs(m[0]));

/** The part as a consumer validates it: ignorable attributes and the mc:Ignorable list itself removed. */
export function applyMarkupCompatibility(xml: string): string {
  const root = /<([\w:]+)(\s[^>]*)?>/.exec(xml.replace(/^<\?xml[^>]*\?>\s*/, ''));
  if (!root) return xml;
  const a = attrs(root[0]);
  const mcPrefix = Object.entries(a)
    .find(([k, v]) => k.startsWith('xmlns:') && v === MC)?.[0]
    .slice(6);
  if (!mcPrefix) return xml;
  const ignorable = (a[`${mcPrefix}:Ignorable`] ?? '').split(/\s+/).filter(Boolean);
  for (const prefix of ignorable) {
    if (new RegExp(`<${prefix}:`).test(xml)) throw new Error(`ignorable element ${prefix}:… present: this checker handles only ignorable attributes`);
  }
  const drop = [mcPrefix, ...ignorable];
  return xml.replace(new RegExp(`\\s(?:${drop.join('|')}):[\\w.-]+="[^"]*"`, 'g'), '');
}

export interface DocxCheck {
  /** libxml2's schema messages, with the part they concern. */
  schemaErrors: string[];
  /** Package rules broken. */
  packageErrors: string[];
  /** Parts validated against a schema. */
  validated: string[];
}

/** Parts validated against the schemas: every XML part except the app's own custom XML payload. */
const isSchemaPart = (name: string) => /\.(xml|rels)$/.test(name) && !/^customXml\/item\d+\.xml$/.test(name);

function normalise(partName: string): string {
  const segments: string[] = [];
  for (const s of partName.split('/')) {
    if (s === '..') segments.pop();
    else if (s !== '.' && s !== '') segments.push(s);
  }
  return segments.join('/');
}

/** Package rules of ECMA-376 Part 2 and WordprocessingML that the schemas cannot state. */
export function packageErrors(parts: Record<string, string>): string[] {
  const errors: string[] = [];
  const types = parts['[Content_Types].xml'];
  if (!types) return ['[Content_Types].xml is missing'];
  const defaults = elementsOf(types, 'Default');
  const overrides = elementsOf(types, 'Override');
  const seen = new Map<string, number>();
  for (const d of defaults) seen.set(d.Extension!.toLowerCase(), (seen.get(d.Extension!.toLowerCase()) ?? 0) + 1);
  for (const [ext, n] of seen) if (n > 1) errors.push(`[Content_Types].xml: ${n} Default elements for extension "${ext}"`);
  const overridden = new Map<string, number>();
  for (const o of overrides) overridden.set(o.PartName!.toLowerCase(), (overridden.get(o.PartName!.toLowerCase()) ?? 0) + 1);
  for (const [part, n] of overridden) if (n > 1) errors.push(`[Content_Types].xml: ${n} Override elements for ${part}`);
  const names = Object.keys(parts).filter((n) => !n.endsWith('/'));
  const lower = new Set(names.map((n) => `/${n}`.toLowerCase()));
  for (const part of overridden.keys()) if (!lower.has(part)) errors.push(`[Content_Types].xml: Override for ${part}, which the package does not hold`);
  for (const name of names) {
    if (name === '[Content_Types].xml') continue;
    const ext = name.split('.').pop()!.toLowerCase();
    if (!overridden.has(`/${name}`.toLowerCase()) && !seen.has(ext)) errors.push(`${name}: no content type`);
  }

  for (const name of names.filter((n) => n.endsWith('.rels'))) {
    // word/_rels/document.xml.rels speaks of word/document.xml: targets are relative to word/; _rels/.rels of the package root.
    const base = /^(.*?)_rels\/[^/]*\.rels$/.exec(name)?.[1] ?? '';
    const rels = elementsOf(parts[name]!, 'Relationship');
    const ids = new Set<string>();
    for (const r of rels) {
      if (ids.has(r.Id!)) errors.push(`${name}: relationship id ${r.Id} used twice`);
      ids.add(r.Id!);
      if (r.TargetMode === 'External') continue;
      const target = r.Target!.startsWith('/') ? normalise(r.Target!) : normalise(base + r.Target!);
      if (!(target in parts)) errors.push(`${name}: relationship ${r.Id} points at ${target}, which the package does not hold`);
    }
  }

  const styles = parts['word/styles.xml'] ?? '';
  const styleIds = elementsOf(styles, 'w:style').map((s) => s['w:styleId']!);
  for (const id of new Set(styleIds)) if (styleIds.filter((x) => x === id).length > 1) errors.push(`word/styles.xml: style id ${id} declared twice`);
  const document = parts['word/document.xml'] ?? '';
  for (const used of new Set([...document.matchAll(/<w:pStyle w:val="([^"]+)"/g)].map((m) => m[1]!))) {
    if (!styleIds.includes(used)) errors.push(`word/document.xml: paragraph style ${used} is not declared`);
  }
  for (const kind of ['w:bookmarkStart', 'wp:docPr']) {
    const ids = elementsOf(document, kind).map((e) => e['w:id'] ?? e.id);
    if (new Set(ids).size !== ids.length) errors.push(`word/document.xml: ${kind} ids are not unique`);
  }
  errors.push(...tableGridErrors(document));
  return errors;
}

/** Every row spans the grid exactly; the table is as wide as its grid; each cell as wide as the columns it spans. */
export function tableGridErrors(documentXml: string): string[] {
  const errors: string[] = [];
  const tables = documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
  tables.forEach((tbl, t) => {
    const grid = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    const tblW = /<w:tblW (?:w:type="dxa" w:w="(\d+)"|w:w="(\d+)" w:type="dxa")\/>/.exec(tbl);
    const gridSum = grid.reduce((a, b) => a + b, 0);
    if (tblW && Number(tblW[1] ?? tblW[2]) !== gridSum) errors.push(`table ${t + 1}: width ${tblW[1] ?? tblW[2]} but grid sums to ${gridSum}`);
    const rows = tbl.match(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g) ?? [];
    rows.forEach((tr, r) => {
      let column = 0;
      for (const tc of tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []) {
        const span = Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(tc)?.[1] ?? 1);
        const width = /<w:tcW (?:w:type="dxa" w:w="(\d+)"|w:w="(\d+)" w:type="dxa")\/>/.exec(tc);
        const expected = grid.slice(column, column + span).reduce((a, b) => a + b, 0);
        if (width && Number(width[1] ?? width[2]) !== expected)
          errors.push(`table ${t + 1} row ${r + 1}: a cell ${width[1] ?? width[2]} wide over columns ${column + 1}–${column + span} of ${expected}`);
        column += span;
      }
      if (column !== grid.length) errors.push(`table ${t + 1} row ${r + 1}: cells span ${column} of ${grid.length} grid columns`);
    });
  });
  return errors;
}

let schemas: XMLFileInfo[] | undefined;

/** Validates every XML part of each package in one run of the validator (the schemas compile once). */
export async function checkDocxFiles(packages: Record<string, Uint8Array>): Promise<Record<string, DocxCheck>> {
  schemas ??= schemaFiles();
  const results: Record<string, DocxCheck> = {};
  const inputs: XMLFileInfo[] = [];
  const owner = new Map<string, string>();
  for (const [label, bytes] of Object.entries(packages)) {
    const parts = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([n, d]) => [n, strFromU8(d)]));
    results[label] = { schemaErrors: [], packageErrors: packageErrors(parts), validated: [] };
    for (const [name, xml] of Object.entries(parts)) {
      if (!isSchemaPart(name)) continue;
      const fileName = `pkg${inputs.length}.xml`;
      owner.set(fileName, `${label}:${name}`);
      inputs.push({ fileName, contents: applyMarkupCompatibility(xml) });
      results[label]!.validated.push(name);
    }
  }
  const outcome = await validateXML({
    xml: inputs,
    schema: schemas.find((s) => s.fileName === 'docx-parts.xsd')!,
    preload: schemas.filter((s) => s.fileName !== 'docx-parts.xsd'),
    maxMemoryPages: 16384,
  });
  // libxml2 also reports parser warnings (an import skipped because its namespace came first from a local
  // stand-in) and a summary line per failing file; neither is a finding of its own.
  for (const e of outcome.errors.filter((x) => !/parser warning|fails to validate/.test(x.rawMessage))) {
    const where = e.loc ? owner.get(e.loc.fileName) : undefined;
    const label = where?.split(':')[0];
    const message = `${where ?? '?'}${e.loc ? `:${e.loc.lineNumber}` : ''}: ${e.message}`;
    if (label && results[label]) results[label].schemaErrors.push(message);
    else for (const r of Object.values(results)) r.schemaErrors.push(message);
  }
  return results;
}
