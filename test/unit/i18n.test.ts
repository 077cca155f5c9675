import { describe, expect, it } from 'vitest';
import { createI18n, labelOf } from '../../src/i18n';
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
