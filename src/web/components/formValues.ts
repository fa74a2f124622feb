/** The form's values with each optional field the user left empty as null, so a PATCH clears it on the server too. */
export function withNulls<V extends object, K extends keyof V>(values: V, optional: readonly K[]): V {
  const out = { ...values };
  for (const k of optional) if (out[k] === undefined) (out as Record<K, unknown>)[k] = null;
  return out;
}
