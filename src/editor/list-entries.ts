import { COLLECTIONS, type CollectionName } from '../checker/collections.ts';
import { readFrontmatter, type FieldMap } from './update-frontmatter.ts';

/** One entry of the archive as the editor's list shows it. */
export interface EntrySummary {
  collection: CollectionName;
  id: string;
  /** The title of a document or the name of an entity, in both languages (empty when missing). */
  name: { zh: string; en: string };
  /** Documents: `draft` or `published`. Entities are always published. */
  status: 'draft' | 'published';
  /** What a document still lacks: `title.en`, `summary.en`, `translation`. */
  missing: string[];
  /** Open questions the importer left (warnings and proposed entities). */
  review: { warnings: number; candidates: number };
  /** Set when the file could not be read at all (broken YAML); it is listed so it can be found. */
  unreadable?: string;
}

/** The text files of a content tree, by path relative to its root: `documents/x.md`. */
export type ContentTexts = Map<string, string>;

function bilingual(value: unknown): { zh: string; en: string } {
  const record = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  return {
    zh: typeof record.zh === 'string' ? record.zh : '',
    en: typeof record.en === 'string' ? record.en : '',
  };
}

function summarise(collection: CollectionName, id: string, data: FieldMap, translated: boolean): EntrySummary {
  const name = bilingual(collection === 'documents' ? data.title : data.name);
  const review = (data.review ?? {}) as { warnings?: unknown[]; candidates?: unknown[] };
  const missing: string[] = [];
  if (collection === 'documents') {
    if (!name.en.trim()) missing.push('title.en');
    if (!bilingual(data.summary).en.trim()) missing.push('summary.en');
    if (!translated) missing.push('translation');
  } else if (!name.en.trim()) missing.push('name.en');
  return {
    collection,
    id,
    name,
    status: collection === 'documents' && data.status !== 'published' ? 'draft' : 'published',
    missing,
    review: { warnings: review.warnings?.length ?? 0, candidates: review.candidates?.length ?? 0 },
  };
}

/** Lists every entry of every collection, documents with their state and what they lack. */
export function listEntries(texts: ContentTexts): EntrySummary[] {
  const entries: EntrySummary[] = [];
  for (const [relative, text] of [...texts].sort(([a], [b]) => a.localeCompare(b))) {
    const match = /^([a-z]+)\/([^/]+)\.md$/.exec(relative);
    if (!match || !(match[1]! in COLLECTIONS) || match[2]!.endsWith('.en')) continue;
    const collection = match[1] as CollectionName;
    const id = match[2]!;
    try {
      const { data } = readFrontmatter(text);
      entries.push(summarise(collection, id, data, texts.has(`documents/${id}.en.md`)));
    } catch (error) {
      entries.push({
        collection,
        id,
        name: { zh: '', en: '' },
        status: 'draft',
        missing: [],
        review: { warnings: 0, candidates: 0 },
        unreadable: (error as Error).message,
      });
    }
  }
  return entries;
}
