import { defineCollection } from 'astro:content';
import { archiveLoader } from './data/archive-loader.ts';
import { resolveContentDir } from './lib/content-dir.ts';
import {
  directiveSchema,
  documentRecordSchema,
  enterpriseSchema,
  personSchema,
  translationSchema,
} from './schema/index.ts';

// The same schemas as the checker (`npm run check`), which runs first in `npm run build` and
// fails on anything Astro would only log (dangling references) or silently overwrite (duplicate ids).
const root = resolveContentDir();
const markdown = (name: string): boolean => name.endsWith('.md') && !name.endsWith('.en.md');
const stem = (name: string): string => name.replace(/(\.en)?\.md$/, '');

const documents = defineCollection({
  // In `npm run build`, documents come to the pages from the checker (src/data/archive.ts).
  loader: archiveLoader({
    root,
    folder: 'documents',
    accept: markdown,
    idOf: stem,
    schema: documentRecordSchema,
    offeredByBuild: true,
  }),
  schema: documentRecordSchema,
});

const translations = defineCollection({
  loader: archiveLoader({
    root,
    folder: 'documents',
    accept: (name) => name.endsWith('.en.md'),
    idOf: stem,
    schema: translationSchema,
  }),
  schema: translationSchema,
});

const enterprises = defineCollection({
  loader: archiveLoader({ root, folder: 'enterprises', accept: markdown, idOf: stem, schema: enterpriseSchema }),
  schema: enterpriseSchema,
});

const directives = defineCollection({
  loader: archiveLoader({ root, folder: 'directives', accept: markdown, idOf: stem, schema: directiveSchema }),
  schema: directiveSchema,
});

const people = defineCollection({
  loader: archiveLoader({ root, folder: 'people', accept: markdown, idOf: stem, schema: personSchema }),
  schema: personSchema,
});

export const collections = { documents, translations, enterprises, directives, people };
