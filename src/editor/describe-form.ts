import type { CollectionName } from '../checker/collections.ts';
import { defOf, type AnySchema } from '../lib/zod-def.ts';
import {
  bilingualRequiredSchema,
  bilingualSchema,
  directiveSchema,
  documentSchema,
  enterpriseSchema,
  fullDateSchema,
  idListSchema,
  partialDateSchema,
  personSchema,
  slugSchema,
  translationSchema,
} from '../schema/index.ts';

/** What the editor edits: the four collections, and translations (`documents/<id>.en.md`). */
export type EditorCollection = CollectionName | 'translations';

/** What kind of input a field gets. */
export type FieldKind =
  | 'id'
  | 'text'
  | 'bilingual'
  | 'date'
  | 'enum'
  | 'boolean'
  | 'number'
  | 'reference'
  | 'references'
  | 'strings'
  | 'group'
  | 'list'
  | 'issuer';

/** One input of an editor form, derived from one schema field. */
export interface FormField {
  /** The field's key in its object. */
  key: string;
  /** The dotted path from the entry's root, lists written `[]`: `source.defects[].note`. */
  path: string;
  kind: FieldKind;
  /** The field may be left out of the file. */
  optional: boolean;
  /** Bilingual fields: English is required even in drafts (entities). */
  englishRequired?: boolean;
  /** Dates: only a full day is accepted. */
  fullDay?: boolean;
  /** Enums: the values allowed, in schema order. */
  options?: string[];
  /** References: the collection whose ids may be chosen. */
  target?: CollectionName;
  /** Groups and lists of groups: the fields inside. */
  fields?: FormField[];
}

/**
 * Which collection a reference field points into; must agree with the checker's references
 * (the form test checks every slug field of the schemas is listed here).
 */
export const REFERENCE_TARGETS: Record<EditorCollection, Record<string, CollectionName>> = {
  documents: { speaker: 'people', enterprises: 'enterprises', directives: 'directives', people: 'people' },
  enterprises: { parent: 'enterprises' },
  directives: { parent: 'directives', issuer: 'enterprises' },
  people: { 'roles[].organisation': 'enterprises' },
  translations: {},
};

/** The schema of each collection the editor can edit. */
export const EDITOR_SCHEMAS: Record<EditorCollection, AnySchema> = {
  documents: documentSchema,
  enterprises: enterpriseSchema,
  directives: directiveSchema,
  people: personSchema,
  translations: translationSchema,
};

/** Unwraps optional and default wrappers, telling whether the field may be left out. */
function unwrap(schema: AnySchema): { inner: AnySchema; optional: boolean } {
  let inner = schema;
  let optional = false;
  for (;;) {
    const def = defOf(inner);
    if (def.type === 'optional' || def.type === 'default') {
      optional = true;
      inner = def.innerType!;
    } else return { inner, optional };
  }
}

function describeField(collection: EditorCollection, key: string, path: string, schema: AnySchema): FormField {
  const { inner, optional } = unwrap(schema);
  const def = defOf(inner);
  const base = { key, path, optional };
  const target = REFERENCE_TARGETS[collection][path];
  if (schema === idListSchema || inner === idListSchema) {
    if (!target) throw new Error(`${collection}: ${path} is a list of ids with no target collection`);
    return { ...base, kind: 'references', target };
  }
  if (inner === slugSchema) {
    if (path === 'id') return { ...base, kind: 'id' };
    if (!target) throw new Error(`${collection}: ${path} is an id with no target collection`);
    return { ...base, kind: 'reference', target };
  }
  if (inner === bilingualSchema || inner === bilingualRequiredSchema) {
    return { ...base, kind: 'bilingual', englishRequired: inner === bilingualRequiredSchema };
  }
  if (inner === partialDateSchema || inner === fullDateSchema) {
    return { ...base, kind: 'date', fullDay: inner === fullDateSchema };
  }
  switch (def.type) {
    case 'enum':
      return { ...base, kind: 'enum', options: Object.values(def.entries!) };
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'number':
      return { ...base, kind: 'number' };
    case 'string':
      return { ...base, kind: 'text' };
    case 'object':
      return { ...base, kind: 'group', fields: describeFields(collection, inner, path) };
    case 'union':
      // The only union is a directive's issuer: an enterprise id or a bilingual name.
      if (!target) throw new Error(`${collection}: ${path} is a union the editor does not know`);
      return { ...base, kind: 'issuer', target };
    case 'array': {
      const element = unwrap(def.element!).inner;
      if (defOf(element).type === 'string') return { ...base, kind: 'strings' };
      return { ...base, kind: 'list', fields: describeFields(collection, element, `${path}[]`) };
    }
    default:
      throw new Error(`${collection}: ${path} has a schema type (${def.type}) the editor cannot show`);
  }
}

function describeFields(collection: EditorCollection, schema: AnySchema, prefix = ''): FormField[] {
  const shape = defOf(unwrap(schema).inner).shape ?? {};
  return Object.entries(shape).map(([key, child]) =>
    describeField(collection, key, prefix ? `${prefix}.${key}` : key, child),
  );
}

/** The form of a collection, field by field in schema order, generated from its zod schema. */
export function describeForm(collection: EditorCollection): FormField[] {
  return describeFields(collection, EDITOR_SCHEMAS[collection]);
}

/** The forms of every collection, as the editor's client receives them. */
export function describeForms(): Record<EditorCollection, FormField[]> {
  const collections = Object.keys(EDITOR_SCHEMAS) as EditorCollection[];
  return Object.fromEntries(collections.map((collection) => [collection, describeForm(collection)])) as Record<
    EditorCollection,
    FormField[]
  >;
}
