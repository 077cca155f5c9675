/** What a table cell of a published report holds when it holds a value: the tokens every reader agrees on. */

/** A value as printed: digits with separators, a sign, decimals, a unit. */
const NUMERIC = /^[+\-−－＋]?[\d０-９][\d０-９,，]*(?:[.．][\d０-９]+)?(?:件|条|项|个|元|万元)?$/;
/** A cell printed as "nothing": a dash or a slash. */
export const EMPTY_MARK = /^[—\-－/／]$/;

export function isNumeric(token: string): boolean {
  return NUMERIC.test(token.trim());
}

/** A value or a printed blank. */
export function isTableValue(token: string): boolean {
  const t = token.trim();
  return NUMERIC.test(t) || EMPTY_MARK.test(t);
}
