import { z } from 'zod';
import { describe, expect, test } from 'vitest';
import { FIELD_LABELS, UI } from '../../src/editor/client/ui-strings.ts';
import { describeForm, EDITOR_SCHEMAS, type FormField } from '../../src/editor/describe-form.ts';
import type { CollectionName } from '../../src/checker/collections.ts';

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: string[];
  anyOf?: JsonSchema[];
  pattern?: string;
};

const SLUG = '^[a-z0-9]+(?:-[a-z0-9]+)*$';

/** The kinds of form field a JSON Schema property can be shown with (an independent reading of the schema). */
function expectedKinds(key: string, property: JsonSchema): string[] {
  if (property.anyOf) return ['issuer'];
  if (property.type === 'object') {
    const keys = Object.keys(property.properties ?? {});
    return keys.length === 2 && keys.includes('zh') && keys.includes('en') ? ['bilingual'] : ['group'];
  }
  if (property.type === 'array') {
    if (property.items?.type === 'object') return ['list'];
    return property.items?.pattern === SLUG ? ['references'] : ['strings'];
  }
  if (property.enum) return ['enum'];
  if (property.type === 'boolean') return ['boolean'];
  if (property.type === 'number' || property.type === 'integer') return ['number'];
  if (property.pattern === SLUG) return [key === 'id' ? 'id' : 'reference'];
  return ['text', 'date'];
}

/** Compares a form with the JSON Schema zod generates: the same fields, in order, of fitting kinds. */
function compare(fields: FormField[], schema: JsonSchema, where: string): void {
  const properties = schema.properties ?? {};
  expect(
    fields.map((field) => field.key),
    where,
  ).toEqual(Object.keys(properties));
  for (const field of fields) {
    const property = properties[field.key]!;
    const at = `${where}.${field.key}`;
    expect(expectedKinds(field.key, property), at).toContain(field.kind);
    expect(field.optional, `${at} optional`).toBe(!(schema.required ?? []).includes(field.key));
    if (field.kind === 'enum') expect(field.options, at).toEqual(property.enum);
    if (field.kind === 'bilingual') expect(field.englishRequired, at).toBe(property.required?.includes('en'));
    if (field.kind === 'group') compare(field.fields!, property, at);
    if (field.kind === 'list') compare(field.fields!, property.items!, at);
  }
}

const COLLECTION_NAMES = Object.keys(EDITOR_SCHEMAS) as CollectionName[];

describe('the editor forms follow the zod schemas', () => {
  test.each(COLLECTION_NAMES)('%s: every schema field has exactly one form field of the right kind', (collection) => {
    const schema = z.toJSONSchema(EDITOR_SCHEMAS[collection], { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    compare(describeForm(collection), schema, collection);
  });

  test.each(COLLECTION_NAMES)(
    '%s: date fields refuse impossible dates and text fields accept any text',
    (collection) => {
      const walk = (fields: FormField[]): FormField[] =>
        fields.flatMap((field) => [field, ...walk(field.fields ?? [])]);
      const dates = walk(describeForm(collection)).filter((field) => field.kind === 'date');
      for (const field of dates) {
        const leaf = field.path.split(/\.|\[\]\./).reduce<z.core.$ZodType>((schema, key) => {
          let def = schema._zod.def as {
            type: string;
            innerType?: z.core.$ZodType;
            shape?: Record<string, z.core.$ZodType>;
            element?: z.core.$ZodType;
          };
          while (def.innerType) def = def.innerType._zod.def as typeof def;
          if (def.type === 'array') def = def.element!._zod.def as typeof def;
          return def.shape![key]!;
        }, EDITOR_SCHEMAS[collection]);
        expect(z.safeParse(leaf, '2014-02-30').success, field.path).toBe(false);
        expect(z.safeParse(leaf, '2014-02-28').success, field.path).toBe(true);
      }
    },
  );

  test('every field and every interface string has a label in Chinese and English', () => {
    const walk = (fields: FormField[]): string[] => fields.flatMap((field) => [field.key, ...walk(field.fields ?? [])]);
    const keys = new Set(COLLECTION_NAMES.flatMap((collection) => walk(describeForm(collection))));
    for (const key of keys) {
      expect(FIELD_LABELS[key]?.zh, key).toBeTruthy();
      expect(FIELD_LABELS[key]?.en, key).toBeTruthy();
    }
    for (const [key, text] of Object.entries(UI)) {
      expect(text.zh, key).toBeTruthy();
      expect(text.en, key).toBeTruthy();
    }
  });

  test('reference fields offer ids of the collection the checker resolves them in', () => {
    const targets = Object.fromEntries(
      COLLECTION_NAMES.map((collection) => [
        collection,
        Object.fromEntries(
          describeForm(collection)
            .flatMap((field) => [field, ...(field.fields ?? [])])
            .filter((field) => field.target)
            .map((field) => [field.path, field.target]),
        ),
      ]),
    );
    expect(targets).toEqual({
      documents: { speaker: 'people', enterprises: 'enterprises', directives: 'directives', people: 'people' },
      enterprises: { parent: 'enterprises' },
      directives: { issuer: 'enterprises', parent: 'directives' },
      people: { 'roles[].organisation': 'enterprises' },
      translations: {},
    });
  });
});
