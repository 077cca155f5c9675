/**
 * The shape of a report format definition (the files under templates/formats/).
 *
 * A format is data: its sections, the guidance topics of section 一, every table with its printed header grid,
 * rows, columns and cell kinds, and the arithmetic relations between cells. The schema below validates a
 * template file when it is loaded, so a typo in a template fails loudly instead of drawing a wrong form.
 */
import * as z from 'zod/mini';
import './zodConfig';

export const AGENCY_KINDS = ['government', 'department', 'township', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const SECTION_IDS = ['general', 'proactive', 'requests', 'review', 'problems', 'other'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

const cellKindSchema = z.discriminatedUnion('type', [
  /** An integer ≥ 0. */
  z.object({ type: z.literal('count') }),
  /** An integer that may be negative, such as 本年增/减. */
  z.object({ type: z.literal('signed') }),
  /** A money amount; `unit` is what the printed header names (null where it names none). */
  z.object({
    type: z.literal('amount'),
    unit: z.nullable(z.string()),
    maxDecimals: z.int().check(z.minimum(0), z.maximum(8)),
    exactDecimals: z.optional(z.int().check(z.minimum(0), z.maximum(8))),
  }),
]);
export type CellKind = z.infer<typeof cellKindSchema>;

const span = z.optional(z.int().check(z.minimum(1)));
const nonEmpty = z.string().check(z.minLength(1));

const headerCellSchema = z.object({ text: z.string(), rowSpan: span, colSpan: span });

const columnSchema = z.object({
  key: nonEmpty,
  label: nonEmpty,
  /** Labels of the header cells above this column, outermost first. */
  group: z.optional(z.array(z.string())),
  kind: cellKindSchema,
});
export type ColumnDef = z.infer<typeof columnSchema>;

const rowSchema = z.object({
  key: nonEmpty,
  label: z.string(),
  /** Labels of the row groups this row sits in, outermost first (三、本年度办理结果 / （三）不予公开). */
  group: z.optional(z.array(z.string())),
});
export type RowDef = z.infer<typeof rowSchema>;

const tableSchema = z.object({
  id: nonEmpty,
  /** The caption row printed above the header (第二十条第（一）项); null where the table has none. */
  caption: z.nullable(z.string()),
  /** How many label columns the body has on the left (0 for the single-row table of section 四). */
  labelColumns: z.int().check(z.minimum(0)),
  /** The header grid exactly as printed, row by row, with merged cells. */
  header: z.array(z.array(headerCellSchema)),
  /**
   * The header over the label column is a note on the table (三's 本列数据的勾稽关系), not a column name
   * (信息内容): the plain-text report prints it above the table.
   */
  labelHeaderIsNote: z._default(z.boolean(), false),
  columns: z.array(columnSchema).check(z.minLength(1)),
  rows: z.array(rowSchema).check(z.minLength(1)),
});
export type TableDef = z.infer<typeof tableSchema>;

/**
 * A term of a relation, written compactly in the template: `KEY`, `-KEY` (subtracted) or `prev:KEY` (the same
 * cell in last year's report). KEY is a column key for relations `for: rows` and a row key for `for: columns`.
 */
const termSchema = z.string().check(z.regex(/^-?(prev:)?[A-Za-z0-9_.]+$/));

const relationSchema = z.object({
  /** Stable rule id, reported with every finding. */
  id: z.string().check(z.regex(/^[a-z0-9_]+\.[a-z0-9-]+$/)),
  /** Item number in the arithmetic-relations part (§5) of the format specification. */
  spec: z.int(),
  severity: z.enum(['error', 'warning']),
  /** i18n key under `relation.` for the message. */
  message: z.string(),
  table: z.string(),
  /** `rows`: the relation holds in every row, over columns; `columns`: in every column, over rows. */
  for: z.enum(['rows', 'columns']),
  /** Restrict to these rows/columns; all of them when absent. */
  keys: z.optional(z.array(z.string())),
  op: z._default(z.enum(['=', '>=', '<=']), '='),
  lhs: z.array(termSchema),
  rhs: z.array(termSchema),
  /** The single lhs cell is a total that an authored draft computes from the rhs. */
  computes: z.optional(z.boolean()),
});
export type RelationDef = z.infer<typeof relationSchema>;

const sectionSchema = z.object({
  id: z.enum(SECTION_IDS),
  heading: z.string(),
  /** Headings seen in published reports that mean the same section (normalised on import). */
  headingVariants: z.array(z.string()),
  topics: z.optional(
    z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        /** Only these kinds of agency report on this topic (第五十条第四项: governments only). */
        agencyKinds: z.optional(z.array(z.enum(AGENCY_KINDS))),
        /** Words of a published report's sub-heading that name this topic (the importer splits 一 by them). */
        headingWords: z._default(z.array(z.string()), []),
        /** The topic that quotes the tables' figures: the page offers to write the standard sentences there. */
        figuresSentences: z.optional(z.literal(true)),
      }),
    ),
  ),
  tables: z.optional(z.array(z.string())),
  /** The section's own free text (五, 六), and how many lines its field shows; its label is `text.<id>` in the messages. */
  freeText: z.optional(z.object({ rows: z.int().check(z.minimum(2)) })),
  /**
   * Matters the section's text must speak of (2021 section 六: 信息处理费). Mentioned when the text contains
   * any of `anyOf`, or the draft's structured fields for that matter are filled.
   */
  mentions: z.optional(z.array(z.object({ id: z.string(), anyOf: z.array(z.string()).check(z.minLength(1)) }))),
});
export type SectionDef = z.infer<typeof sectionSchema>;

/** The topics a section asks of an agency of this kind (the others are for other kinds of agency alone). */
export function topicsFor(section: SectionDef, kind: AgencyKind): NonNullable<SectionDef['topics']> {
  return (section.topics ?? []).filter((topic) => !topic.agencyKinds || topic.agencyKinds.includes(kind));
}

export const formatDefinitionSchema = z.object({
  id: z.string().check(z.regex(/^[a-z]+-\d{4}$/)),
  name: z.string(),
  basis: z.string(),
  formatTitle: z.string(),
  /** Report years this format is meant for (inclusive; `to: null` means still current). */
  years: z.object({ from: z.int(), to: z.nullable(z.int()) }),
  /** `national` or a region code such as `beijing`. */
  region: z.string(),
  /** The national format a regional profile adapts. */
  profileOf: z.nullable(z.string()),
  /** How a published report shows it is in this format, for the importer. */
  recognition: z._default(
    z.object({
      /** Words of its tables: a report holding every word of one group is in this format. */
      markers: z._default(z.array(z.array(z.string()).check(z.minLength(1))), []),
      /** Agency names beginning so belong to this profile's region (北京市…). */
      agencyPrefixes: z._default(z.array(z.string()), []),
    }),
    { markers: [], agencyPrefixes: [] },
  ),
  sections: z.array(sectionSchema).check(z.length(6)),
  tables: z.array(tableSchema),
  relations: z.array(relationSchema),
  /**
   * Figures the narrative quotes, checked against the tables: the words that introduce them (收到…申请1,092件)
   * and the cells whose sum they should equal. A figure without words is only offered as an explanation
   * (1,092 = 新收 956 + 上年结转 136).
   */
  figures: z._default(
    z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        words: z.array(z.string()),
        /** Between the word and the number, one of these must stand (收到…申请…件: what was received). */
        requires: z._default(z.array(z.string()), []),
        /** …and none of these: a number after them counts something else (受理行政复议申请2件). */
        excludes: z._default(z.array(z.string()), []),
        cells: z.array(z.string().check(z.regex(/^[^/]+\/[^/]+\/[^/]+$/))).check(z.minLength(1)),
      }),
    ),
    [],
  ),
  /**
   * How a draft in another format moves to this one: `[source, target]` cell patterns, first match wins, `*`
   * keeping the key; several sources on one target are summed (a profile's sub-rows into the national row).
   * Source cells that match nothing have no counterpart; without an entry, cells move to the same keys.
   */
  from: z._default(z.array(z.object({ formats: z.array(z.string()).check(z.minLength(1)), cells: z.array(z.tuple([z.string(), z.string()])) })), []),
});
export type FormatDefinition = z.infer<typeof formatDefinitionSchema>;
