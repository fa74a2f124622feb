/** The columns a partial input sets: contract field → column, for the fields the input carries (null included). */
export function columnValues<C extends string>(input: object, columns: Readonly<Record<string, C>>): Partial<Record<C, unknown>> {
  const out: Partial<Record<C, unknown>> = {};
  const given = input as Record<string, unknown>;
  for (const [field, column] of Object.entries(columns)) if (given[field] !== undefined) out[column] = given[field];
  return out;
}
