import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { resolveContentDir } from './lib/content-dir.ts';
import { directiveSchema, documentSchema, enterpriseSchema, personSchema, translationSchema } from './schema/index.ts';

// The same schemas as the checker (`npm run check`), which runs first and fails the build on
// anything Astro would only log (dangling references) or silently overwrite (duplicate ids).
const root = resolveContentDir();
const byFileName = ({ entry }: { entry: string }): string => entry.replace(/(\.en)?\.md$/, '');

const documents = defineCollection({
  loader: glob({ pattern: ['*.md', '!*.en.md'], base: `${root}/documents`, generateId: byFileName }),
  schema: documentSchema,
});

const translations = defineCollection({
  loader: glob({ pattern: '*.en.md', base: `${root}/documents`, generateId: byFileName }),
  schema: translationSchema,
});

const enterprises = defineCollection({
  loader: glob({ pattern: '*.md', base: `${root}/enterprises`, generateId: byFileName }),
  schema: enterpriseSchema,
});

const directives = defineCollection({
  loader: glob({ pattern: '*.md', base: `${root}/directives`, generateId: byFileName }),
  schema: directiveSchema,
});

const people = defineCollection({
  loader: glob({ pattern: '*.md', base: `${root}/people`, generateId: byFileName }),
  schema: personSchema,
});

export const collections = { documents, translations, enterprises, directives, people };
