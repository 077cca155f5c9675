/**
 * Opening drafts that are damaged, hostile or random: each either loads or gets a clear message in the clerk's
 * language; nothing throws. The command line answers the same files with exit 0, 1 or 2, never a crash.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readDraftText, draftToJson } from '../../src/model/draftFile';
import { createI18n, fileProblemMessage } from '../../src/i18n';
import { main } from '../../src/cli/main';
import { seedDraft, SEEDS } from '../support/drafts';

const zh = createI18n('zh-CN').t;
const en = createI18n('en').t;
const seeds = SEEDS.map((n) => JSON.parse(draftToJson(seedDraft(n))) as Record<string, unknown>);

/** Every path of a JSON value, so mutations can land anywhere in a draft. */
function paths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  return [prefix, ...Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => paths(v, [...prefix, k]))];
}
const seedPaths = seeds.map((s) => paths(s));

type Mutation = { kind: 'set'; value: unknown } | { kind: 'delete' } | { kind: 'key'; key: string; value: unknown };

function mutate(draft: Record<string, unknown>, path: string[], m: Mutation): unknown {
  if (draft === null || typeof draft !== 'object') return draft;
  const copy = structuredClone(draft) as Record<string, unknown>;
  if (path.length === 0) return m.kind === 'set' ? m.value : copy;
  let node = copy as Record<string, unknown>;
  for (const k of path.slice(0, -1)) {
    const next = node[k];
    // An earlier mutation may have replaced this part of the draft: then this one has nothing to change.
    if (next === null || typeof next !== 'object') return copy;
    node = next as Record<string, unknown>;
  }
  const last = path.at(-1)!;
  if (m.kind === 'set') node[last] = m.value;
  else if (m.kind === 'delete') delete node[last];
  else if (node[last] !== null && typeof node[last] === 'object') (node[last] as Record<string, unknown>)[m.key] = m.value;
  return copy;
}

const hostileKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '', '💥', 'cells', 'NP');
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), value: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({ kind: fc.constant('set' as const), value: fc.constantFrom('', '0', '-1', '1,092', 'x'.repeat(70), 2.5, -3, null, [], {}, 1e309, 'NaN') }),
  fc.constant({ kind: 'delete' as const }),
  fc.record({ kind: fc.constant('key' as const), key: hostileKeys, value: fc.jsonValue({ maxDepth: 2 }) }),
);

const mutatedDraftText = fc
  .tuple(
    fc.integer({ min: 0, max: seeds.length - 1 }),
    fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 4 }),
    fc.option(fc.nat(), { nil: undefined }),
  )
  .map(([s, mutations, cut]) => {
    let draft: unknown = seeds[s];
    for (const [p, m] of mutations) {
      const all = seedPaths[s]!;
      draft = mutate(draft as Record<string, unknown>, all[p % all.length]!, m);
    }
    // Raw JSON text: __proto__ as an own key, as a hostile file would carry it.
    let text = JSON.stringify(draft, (_k, v) => v).replace('"schemaVersion":', '"schemaVersion":');
    if (cut !== undefined) text = text.slice(0, cut % (text.length + 1));
    return text;
  });

const anyText = fc.oneof(
  { weight: 6, arbitrary: mutatedDraftText },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{"schemaVersion":1,"__proto__":{"polluted":1}}',
      '{"schemaVersion":2,"formatId":"gb-2021","cells":{"__proto__":{"x":1}}}',
      '\uFEFF{}',
      'null',
      '[]',
      '{"schemaVersion":1e400}',
    ),
  },
);

function checkResult(text: string): void {
  const r = readDraftText(text);
  if (r.ok) {
    // A draft that loads is whole: it saves and loads again to itself.
    const again = readDraftText(draftToJson(r.draft));
    expect(again.ok && again.draft).toEqual(r.draft);
    return;
  }
  expect(r.problems.length).toBeGreaterThan(0);
  for (const p of r.problems) {
    for (const t of [zh, en]) {
      const message = fileProblemMessage(t, p);
      expect(message).not.toBe(p.key); // a message exists for the problem
      expect(message).not.toMatch(/{{\w+}}/); // every placeholder filled
      expect(message.length).toBeGreaterThan(5);
    }
  }
}

describe('opening damaged and random drafts', () => {
  it('10,000 mutated or random drafts: each loads or gets a clear message, none throws', () => {
    fc.assert(
      fc.property(anyText, (text) => checkResult(text)),
      { numRuns: 10_000 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  }, 300_000);

  it('10,000 of them given to the command line: exit 0, 1 or 2, and a message whenever it is 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-robust-'));
    const file = join(dir, 'draft.json');
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        writeFileSync(file, text);
        const out: string[] = [];
        const err: string[] = [];
        const code = await main(
          ['check', file, '--json'],
          (s) => out.push(s),
          (s) => err.push(s),
        );
        expect([0, 1, 2]).toContain(code);
        if (code === 2) expect(err.join('\n')).toMatch(/不是有效的年报草稿|无法读取/);
        else expect(() => JSON.parse(out.join('\n'))).not.toThrow();
      }),
      { numRuns: 10_000 },
    );
  }, 600_000);
});
