import { getCollection, type CollectionEntry } from 'astro:content';
import { buildArchiveIndex, type ArchiveIndex } from '../lib/archive-index.ts';

let cached: Promise<ArchiveIndex> | undefined;

/** The whole archive, loaded once per build. Drafts are included only with ARCHIVE_DRAFTS=1. */
export function loadArchive(): Promise<ArchiveIndex> {
  cached ??= (async () => {
    const [documents, enterprises, directives, people] = await Promise.all([
      getCollection('documents'),
      getCollection('enterprises'),
      getCollection('directives'),
      getCollection('people'),
    ]);
    return buildArchiveIndex(
      {
        documents: documents.map((entry) => entry.data),
        enterprises: enterprises.map((entry) => entry.data),
        directives: directives.map((entry) => entry.data),
        people: people.map((entry) => entry.data),
      },
      process.env.ARCHIVE_DRAFTS === '1',
    );
  })();
  return cached;
}

let translations: Promise<Map<string, CollectionEntry<'translations'>>> | undefined;

/** English translations by document id, loaded once per build. */
export function loadTranslations(): Promise<Map<string, CollectionEntry<'translations'>>> {
  translations ??= getCollection('translations').then((entries) => new Map(entries.map((entry) => [entry.id, entry])));
  return translations;
}
