import type { z } from 'zod';
import { didYouMean } from './suggest.ts';

type ZodIssue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

/** What the checker knows about how a value was written in the YAML. */
export interface WrittenValue {
  /** True when the value is an unquoted YAML scalar (so `2005` became a number). */
  plain: boolean;
  /** The source text of the value. */
  text?: string;
}

const describeValue = (value: unknown): string =>
  value === undefined ? 'nothing' : value === null ? 'null (an empty value)' : JSON.stringify(value);

/** Unwraps optional, default and similar wrappers to reach the schema that holds the shape. */
function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

type SchemaDef = {
  type: string;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  options?: AnySchema[];
};

const defOf = (schema: AnySchema): SchemaDef => unwrap(schema)._zod.def as SchemaDef;

/** The schemas reached by following `key` from `schema` (several when a union allows it). */
function childSchemas(schema: AnySchema, key: PropertyKey): AnySchema[] {
  const def = defOf(schema);
  if (def.type === 'object' && def.shape && typeof key === 'string') {
    const child = def.shape[key];
    return child ? [child] : [];
  }
  if (def.type === 'array' && def.element && typeof key === 'number') return [def.element];
  if (def.type === 'union' && def.options) return def.options.flatMap((option) => childSchemas(option, key));
  return [];
}

/** The keys an object accepts at `path` inside `schema`, to suggest a fix for an unknown key. */
export function knownKeysAt(schema: AnySchema, path: readonly PropertyKey[]): string[] {
  let current: AnySchema[] = [schema];
  for (const key of path) current = current.flatMap((item) => childSchemas(item, key));
  const keys = current.flatMap((item) => {
    const def = defOf(item);
    if (def.type === 'object' && def.shape) return Object.keys(def.shape);
    if (def.type === 'union' && def.options) return def.options.flatMap((option) => knownKeysAt(option, []));
    return [];
  });
  return [...new Set(keys)];
}

/**
 * Turns a zod issue into a message an editor can act on: what was expected, what was found
 * (and how it was written), and what to do.
 */
export function describeIssue(
  issue: ZodIssue,
  value: unknown,
  written: WrittenValue | undefined,
  schema: AnySchema,
): string[] {
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) return [`required field is missing: add ${fieldName(issue.path)}`];
      const quoted = issue.expected === 'string' && written?.plain && typeof value !== 'string';
      if (quoted) {
        return [
          `expected text, but the unquoted YAML value ${written?.text ?? String(value)} was read as ${value === null ? 'null' : typeof value}; write it in quotes: "${written?.text ?? String(value)}"`,
        ];
      }
      const fields = issue.expected === 'object' ? knownKeysAt(schema, issue.path) : [];
      const expected = fields.length > 0 ? `fields ${fields.join(', ')}` : article(issue.expected);
      return [`expected ${expected}, got ${describeValue(value)}`];
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const got = typeof value === 'string' ? didYouMean(value, allowed) : '';
      return [`must be one of ${allowed.join(', ')}; got ${describeValue(value)}${got}`];
    }
    case 'unrecognized_keys': {
      const known = knownKeysAt(schema, issue.path);
      return issue.keys.map((key) => `unknown field "${key}"${didYouMean(key, known)}`);
    }
    case 'too_small':
      if (issue.origin === 'string') return [`must not be empty`];
      return [issue.message];
    case 'invalid_union':
      return [`${describeValue(value)} is neither an id (a slug) nor a { zh, en } pair`];
    case 'invalid_format':
      if (issue.format === 'url') return [`must be a full http(s) address, got ${describeValue(value)}`];
      return [issue.message];
    default:
      return [issue.message];
  }
}

function fieldName(path: readonly PropertyKey[]): string {
  const last = path[path.length - 1];
  return typeof last === 'string' ? `"${last}"` : 'this value';
}

function article(expected: string): string {
  if (expected === 'string') return 'text';
  if (expected === 'array') return 'a list';
  if (expected === 'object') return 'a set of fields';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
