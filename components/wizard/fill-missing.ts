const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Raw values kept from an unfinished step, completed with the fields they lack
 * (values typed before the planner added a question). Everything typed is kept;
 * a missing field takes the template's value, and the items of a list of
 * objects take the missing fields of the template's first item.
 */
export function fillMissing(value: unknown, template: unknown): unknown {
  if (value === undefined) return template;
  if (isRecord(template) && isRecord(value)) {
    const filled: Record<string, unknown> = { ...value };
    for (const [key, fallback] of Object.entries(template)) filled[key] = fillMissing(value[key], fallback);
    return filled;
  }
  if (Array.isArray(template) && Array.isArray(value) && isRecord(template[0])) {
    return value.map((item) => fillMissing(item, template[0]));
  }
  return value;
}
