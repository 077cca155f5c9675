/** The date under the report's signature, as the header field also quotes it back to the clerk. */
import wording from '../../templates/report/report.json';
import { fillTemplate } from '../model/template';

/** `2026年1月20日`, as GB/T 9704 writes a 成文日期 (no leading zeros); blanks for the day when none is set. */
export function chineseDate(iso: string, reportYear: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return fillTemplate(wording.dateUnset, { year: reportYear + 1 }).text;
  return fillTemplate(wording.date, { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }).text;
}
