/**
 * The formats the app knows, and which one a report year and region call for.
 * Adding a format: put its file under templates/formats/ and list it here (or register it at run time).
 */
import gb2019 from '../../templates/formats/gb-2019.json';
import gb2021 from '../../templates/formats/gb-2021.json';
import bj2019 from '../../templates/formats/bj-2019.json';
import { loadFormat, type Format } from './format';

const formats: Format[] = [gb2021, gb2019, bj2019].map(loadFormat);
export const FORMATS: readonly Format[] = formats;

const byId = new Map(formats.map((f) => [f.id, f]));
let version = 0;

/**
 * Adds a format from its definition (a province's profile read at run time, or a test's): the form, the checks,
 * the renderers and the importer all read FORMATS, so nothing else changes. Refuses an id already known.
 */
export function registerFormat(definition: unknown): Format {
  const format = loadFormat(definition);
  if (byId.has(format.id)) throw new Error(`format ${format.id} is already known`);
  formats.push(format);
  byId.set(format.id, format);
  version++;
  return format;
}

/** Changes when a format is registered: what is worked out from all formats is worked out again. */
export function formatsVersion(): number {
  return version;
}

export function formatById(id: string): Format | undefined {
  return byId.get(id);
}

/** Whether a format is meant for reports on this year. */
export function formatFitsYear(format: Format, year: number): boolean {
  const { from, to } = format.definition.years;
  return year >= from && (to === null || year <= to);
}

/**
 * The format a report on `year` by an agency in `region` should use: a regional profile for that year when
 * one exists, else the national format for the year. Years before any format fall back to the oldest one.
 */
export function pickFormat(year: number, region = 'national'): Format {
  const fitting = FORMATS.filter((f) => formatFitsYear(f, year));
  const regional = fitting.find((f) => f.definition.region === region);
  const national = fitting.find((f) => f.definition.region === 'national');
  if (regional) return regional;
  if (national) return national;
  const oldest = [...FORMATS].filter((f) => f.definition.region === 'national').sort((a, b) => a.definition.years.from - b.definition.years.from)[0];
  return oldest!;
}

/** Regions that have a profile of their own, besides `national`. */
export function knownRegions(): string[] {
  return [...new Set(FORMATS.map((f) => f.definition.region))];
}
