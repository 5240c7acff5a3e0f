import type { z } from 'zod';

/** Any zod schema. */
export type AnySchema = z.core.$ZodType;

/** The parts of a zod 4 schema definition the code walks: its kind and what it wraps or holds. */
export interface ZodDef {
  type: string;
  shape?: Record<string, AnySchema>;
  innerType?: AnySchema;
  element?: AnySchema;
  options?: AnySchema[];
  entries?: Record<string, string>;
}

/** The definition of a zod schema, to walk its structure (objects, wrappers, arrays, enums). */
export function defOf(schema: AnySchema): ZodDef {
  return schema._zod.def as ZodDef;
}
