/**
 * The formats the app knows, and which one a report year and region call for.
 * Adding a format: put its file under templates/formats/ and list it here.
 */
import gb2019 from '../../templates/formats/gb-2019.json';
import gb2021 from '../../templates/formats/gb-2021.json';
import bj2019 from '../../templates/formats/bj-2019.json';
import { loadFormat, type Format } from './format';

export const FORMATS: readonly Format[] = [gb2021, gb2019, bj2019].map(loadFormat);

const byId = new Map(FORMATS.map((f) => [f.id, f]));

export function formatById(id: string): Format | undefined {
  return byId.get(id);
}

export function formatIds(): string[] {
  return FORMATS.map((f) => f.id);
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
