import type { FormRule } from 'antd';
import type { ZodType } from 'zod';

/**
 * An antd Form rule that validates with the same zod schema the server uses, showing a
 * localized message instead of zod's English one.
 */
export function zodRule(schema: ZodType, message: string): FormRule {
  return {
    validator: (_rule, value: unknown) => (schema.safeParse(value === '' || value === null ? undefined : value).success ? Promise.resolve() : Promise.reject(new Error(message))),
  };
}
