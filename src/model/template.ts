/**
 * The fixed wording's `{{name}}` placeholders, filled literally: a value is inserted as it is (a clerk's `$&`,
 * `$'` or `{{year}}` stays as typed, since the replacement is a function and runs once over the template).
 */
export function fillTemplate(template: string, values: Record<string, string | number | null | undefined>): { text: string; complete: boolean } {
  let complete = true;
  const text = template.replace(/{{(\w+)}}/g, (_, key: string) => {
    const v = values[key];
    if (v === null || v === undefined) {
      complete = false;
      return '';
    }
    return String(v);
  });
  return { text, complete };
}
