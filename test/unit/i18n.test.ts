import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { createI18n, findingMessage, labelOf, translateParams } from '../../src/i18n';
import { readDraftText } from '../../src/model/draftFile';
import { formatById } from '../../src/format/registry';
import { check } from '../../src/rules/engine';
import zhPage from '../../src/i18n/zh-CN.json';
import enPage from '../../src/i18n/en.json';
import zhCli from '../../src/i18n/cli.zh-CN.json';
import enCli from '../../src/i18n/cli.en.json';
import zhImport from '../../src/i18n/import.zh-CN.json';
import enImport from '../../src/i18n/import.en.json';
import zhDesk from '../../src/i18n/desk.zh-CN.json';
import enDesk from '../../src/i18n/desk.en.json';
import zhAggregate from '../../src/i18n/aggregate.zh-CN.json';
import enAggregate from '../../src/i18n/aggregate.en.json';

const zh = { ...zhPage, ...zhCli, ...zhImport, ...zhDesk, ...zhAggregate };
const en = { ...enPage, ...enCli, ...enImport, ...enDesk, ...enAggregate };

/** Keys without the plural suffix: zh-CN has one plural form, English two. */
function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k.replace(/_(one|other)$/, '')}`],
  );
}

describe('i18n resources', () => {
  it('English is complete: every zh-CN key has an English text, and no English key is stray', () => {
    expect([...new Set(keys(en))].sort()).toEqual([...new Set(keys(zh))].sort());
  });

  it('use the same interpolation variables in both languages', () => {
    const vars = (obj: object): Record<string, string> =>
      Object.fromEntries(
        Object.entries(obj).flatMap(([k, v]) =>
          typeof v === 'object' && v !== null
            ? Object.entries(vars(v)).map(([kk, vv]) => [`${k}.${kk}`, vv])
            : [
                [
                  k.replace(/_(one|other)$/, ''),
                  [...String(v).matchAll(/{{(\w+)}}/g)]
                    .map((m) => m[1])
                    .sort()
                    .join(','),
                ],
              ],
        ),
      );
    expect(vars(en)).toEqual(vars(zh));
  });
});

describe('labels worked out once per language', () => {
  it('give what t gives, counts and plural forms included, in each language apart', () => {
    const zhT = createI18n('zh-CN').getFixedT('zh-CN');
    const enT = createI18n('en').getFixedT('en');
    for (const count of [1, 2, 1, 2]) {
      expect(labelOf(zhT, 'nav.errors', { count })).toBe(zhT('nav.errors', { count }));
      expect(labelOf(enT, 'nav.errors', { count })).toBe(enT('nav.errors', { count }));
    }
    expect(labelOf(enT, 'nav.errors', { count: 1 })).not.toBe(labelOf(enT, 'nav.errors', { count: 2 }));
    expect(labelOf(enT, 'severity.error')).not.toBe(labelOf(zhT, 'severity.error'));
    expect(labelOf(zhT, 'severity.error')).toBe(zhT('severity.error'));
  });
});

describe('findings worded from pieces worked out once per message', () => {
  const seeds = new URL('../fixtures/seeds/', import.meta.url);
  const findings = readdirSync(seeds)
    .filter((f) => f.endsWith('.draft.json'))
    .flatMap((f) => {
      const read = readDraftText(readFileSync(new URL(f, seeds), 'utf8'));
      if (!read.ok) throw new Error(`${f} does not load`);
      return check(formatById(read.draft.formatId)!, read.draft);
    });

  it("say what i18next's t says, in each language, for every finding of the seeds", () => {
    // The seeds' defects give findings of many kinds: the comparison covers them all, not one message.
    expect(new Set(findings.map((f) => f.message.key)).size).toBeGreaterThanOrEqual(5);
    for (const lng of ['zh-CN', 'en'] as const) {
      const t = createI18n(lng).getFixedT(lng);
      for (const f of findings) {
        // A copy of the message: wording is remembered per message object, this one is worded afresh.
        const message = { ...f.message, params: { ...f.message.params } };
        expect(findingMessage(t, { message })).toBe(t(f.message.key, translateParams(t, f.message.params)));
      }
    }
  });

  it('put the new numbers of a finding into its wording', () => {
    const t = createI18n('zh-CN').getFixedT('zh-CN');
    const params = { at: '自然人', group: '申请人情况', expected: 46, actual: 44, difference: '-2' };
    expect(findingMessage(t, { message: { key: 'relation.balance', params } })).toContain('为 44，不等于第一项加第二项之和 46（相差 -2）');
    const next = { ...params, expected: 47, difference: '-3' };
    expect(findingMessage(t, { message: { key: 'relation.balance', params: next } })).toBe(t('relation.balance', next));
  });
});
