/** Checks of the narrative that need no number reading: empty sections, placeholders left in, required matters. */
import type { SectionDef, SectionId } from '../format/definition';
import type { Format } from '../format/format';
import { sectionFields, type Draft } from '../model/draft';
import type { Unit } from './unit';
import { figureFindings, selfReferenceFindings } from './figures';
import { fingerprint } from '../model/fingerprint';

/** Text left from a template or a note to self. `……` is how Chinese templates mark a gap to fill. */
const PLACEHOLDERS = /XX|ＸＸ|××|xx年|……|待补充|待填写|TODO/;

/** A section that only says it has nothing to say. */
const NOTHING = /^(无|暂无|没有|无其他需要报告的事项|本年度无)$/;

/** A section written as prose (its topics or its own text), whose words the text checks read. */
function hasNarrative(def: SectionDef): boolean {
  return def.topics !== undefined || def.freeText !== undefined;
}

function sectionText(format: Format, draft: Draft, section: SectionId): string {
  return sectionFields(format, draft, section)
    .map((f) => f.text)
    .join('\n');
}

/** The narrative's figures against the tables: it reads the text and the cells of the figures. */
export function figureUnitFor(format: Format, section: SectionId): { unit: Unit; reads: string[] } | null {
  const def = format.sections.find((s) => s.id === section)!;
  if (!hasNarrative(def)) return null;
  const reads = [...new Set(format.definition.figures.flatMap((f) => f.cells))];
  return { unit: { id: `text:figures:${section}`, section, run: ({ format: f, draft }) => figureFindings(f, draft, section, def.heading) }, reads };
}

export function textUnitsFor(format: Format, section: SectionId): Unit[] {
  const def = format.sections.find((s) => s.id === section)!;
  const units: Unit[] = [];

  // A section whose own text is the report (五, 六) must not be left empty or say nothing.
  if (def.freeText) {
    units.push({
      id: `text:empty:${section}`,
      section,
      run({ format: f, draft }) {
        const text = sectionText(f, draft, section).replace(/[\s。.，,：:]/g, '');
        if (text !== '' && !NOTHING.test(text)) return [];
        return [
          {
            rule: 'text.empty',
            key: `text.empty@${section}`,
            severity: 'warning',
            section,
            cells: [`sections.${section}.text`],
            expected: null,
            actual: draft.sections[section].text,
            difference: null,
            message: { key: text === '' ? 'rule.textEmpty' : 'rule.textNothing', params: { heading: def.heading } },
          },
        ];
      },
    });
  }

  units.push({
    id: `text:placeholder:${section}`,
    section,
    run({ format: f, draft }) {
      return sectionFields(f, draft, section).flatMap(({ field, text }) => {
        const m = PLACEHOLDERS.exec(text);
        if (!m) return [];
        const from = Math.max(0, m.index - 12);
        const excerpt = text.slice(from, m.index + m[0].length + 12).replace(/\s+/g, ' ');
        return [
          {
            rule: 'text.placeholder',
            key: `text.placeholder@${field}`,
            severity: 'warning' as const,
            section,
            cells: [field],
            expected: null,
            actual: m[0],
            difference: null,
            message: { key: 'rule.textPlaceholder', params: { heading: def.heading, found: m[0], excerpt } },
          },
        ];
      });
    },
  });

  units.push({
    id: `text:unrevised:${section}`,
    section,
    run({ format: f, draft }) {
      const inherited = draft.inherited;
      if (!inherited) return [];
      return sectionFields(f, draft, section).flatMap(({ field, text, topic }) =>
        text.trim() !== '' && inherited.texts[field] === fingerprint(text)
          ? [
              {
                rule: 'text.unrevised',
                key: `text.unrevised@${field}`,
                severity: 'warning' as const,
                section,
                cells: [field],
                expected: null,
                actual: null,
                difference: null,
                message: { key: 'rule.textUnrevised', params: { heading: topic ? `${def.heading}·${topic}` : def.heading, year: inherited.fromYear } },
              },
            ]
          : [],
      );
    },
  });

  if (hasNarrative(def)) {
    units.push({ id: `text:self:${section}`, section, run: ({ format: f, draft }) => selfReferenceFindings(f, draft, section, def.heading) });
  }

  for (const mention of def.mentions ?? []) {
    units.push({
      id: `text:mention:${section}:${mention.id}`,
      section,
      run({ format: f, draft }) {
        const text = sectionText(f, draft, section);
        if (mention.anyOf.some((term) => text.includes(term))) return [];
        const structured = mention.id === 'processingFees' ? draft.processingFees : undefined;
        if (structured && Object.values(structured).some((v) => v.trim() !== '')) return [];
        return [
          {
            rule: 'text.must-mention',
            key: `text.must-mention@${section}.${mention.id}`,
            severity: 'warning',
            section,
            cells: [`sections.${section}.text`],
            expected: mention.anyOf[0]!,
            actual: null,
            difference: null,
            message: { key: `rule.mustMention.${mention.id}`, params: { heading: def.heading } },
          },
        ];
      },
    });
  }
  return units;
}
