import type { z } from 'zod';
import {
  directiveSchema,
  documentRecordSchema,
  enterpriseSchema,
  personSchema,
  translationSchema,
} from '../schema/index.ts';

/** The folders of the content tree and the schema of the files in each. */
export const COLLECTIONS = {
  // A draft may lack its date; the schema refuses a published document without one.
  documents: documentRecordSchema,
  enterprises: enterpriseSchema,
  directives: directiveSchema,
  people: personSchema,
} as const satisfies Record<string, z.core.$ZodType>;

export type CollectionName = keyof typeof COLLECTIONS;

/** What a content file is, judged by where it lives and how it is named. */
export type FileKind =
  { kind: 'entry'; collection: CollectionName; id: string } | { kind: 'translation'; id: string } | { kind: 'other' };

/** Classifies a path relative to the content root (`documents/x.en.md` is a translation). */
export function classifyContentPath(relative: string): FileKind {
  const parts = relative.split('/');
  if (parts.length !== 2 || !parts[1]!.endsWith('.md')) return { kind: 'other' };
  const [folder, name] = parts as [string, string];
  if (!(folder in COLLECTIONS)) return { kind: 'other' };
  if (folder === 'documents' && name.endsWith('.en.md')) return { kind: 'translation', id: name.slice(0, -6) };
  return { kind: 'entry', collection: folder as CollectionName, id: name.slice(0, -3) };
}

export { translationSchema };
