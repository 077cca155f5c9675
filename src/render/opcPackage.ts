/**
 * Small edits of an Open Packaging Conventions package (a DOCX unzipped): content types and relationships,
 * made the way ECMA-376 Part 2 requires. Attributes are read in any order, since the library that wrote the
 * package and the one that reads it need not agree on one.
 */
function attributes(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

function elements(xml: string, name: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${name}\\s[^>]*>`, 'g'))].map((m) => attributes(m[0]));
}

/** Adds a Default for the extension unless one exists (Part 2 §10.1.2.2: one Default per extension, case-insensitive). */
export function ensureDefault(typesXml: string, extension: string, contentType: string): string {
  const exists = elements(typesXml, 'Default').some((d) => d.Extension?.toLowerCase() === extension.toLowerCase());
  return exists ? typesXml : typesXml.replace('</Types>', `<Default Extension="${extension}" ContentType="${contentType}"/></Types>`);
}

/** Adds an Override for the part unless one exists. */
export function ensureOverride(typesXml: string, partName: string, contentType: string): string {
  const exists = elements(typesXml, 'Override').some((o) => o.PartName?.toLowerCase() === partName.toLowerCase());
  return exists ? typesXml : typesXml.replace('</Types>', `<Override PartName="${partName}" ContentType="${contentType}"/></Types>`);
}

/** Adds a relationship under an id of its own, unless one with that id exists. */
export function ensureRelationship(relsXml: string, id: string, type: string, target: string): string {
  const exists = elements(relsXml, 'Relationship').some((r) => r.Id === id);
  return exists ? relsXml : relsXml.replace('</Relationships>', `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`);
}
