/** A corpus directory: each document (any extension) beside its expected reading, NAME.expected.json. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExpectedImport } from './score';

export const EXPECTED_SUFFIX = '.expected.json';

export function corpusDocuments(dir: string): { file: string; expected: ExpectedImport }[] {
  const names = readdirSync(dir).sort();
  const out: { file: string; expected: ExpectedImport }[] = [];
  for (const name of names) {
    if (!name.endsWith(EXPECTED_SUFFIX)) continue;
    const stem = name.slice(0, -EXPECTED_SUFFIX.length);
    const doc = names.find((n) => n !== name && n.startsWith(`${stem}.`) && !n.endsWith(EXPECTED_SUFFIX) && !n.endsWith('.md'));
    if (doc) out.push({ file: join(dir, doc), expected: JSON.parse(readFileSync(join(dir, name), 'utf8')) as ExpectedImport });
  }
  return out;
}
