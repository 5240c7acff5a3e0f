import type { Lang } from '../i18n/index.ts';
import type { ArchiveIndex, IndexedDocument } from './archive-index.ts';
import { pick } from './bilingual.ts';
import { toSimplified } from './script-convert.ts';

/** What the search index records about a document page, besides its visible text. */
export interface SearchRecord {
  /** Shown with each result. */
  meta: { original: string; date: string; type: string; enterprises: string };
  /** Filter name → values, in the page's language. */
  filters: Record<string, string[]>;
  /** Sort key: the date as YYYY-MM-DD (missing parts as 00). */
  sortDate: string;
  /** Names and aliases of the document's entities, indexed so an alias finds the document. */
  keywords: string[];
}

/** Separates enterprise names in the `enterprises` meta field (names never contain it). */
export const META_LIST_SEPARATOR = ' | ';

/**
 * Builds the search record of a document page. Filter values are the names a reader sees in
 * the page's language, so search URLs stay readable; keywords are in simplified characters on
 * the Chinese side (queries are converted to simplified) and in English on the English side.
 */
export function buildSearchRecord(
  doc: IndexedDocument,
  lang: Lang,
  archive: ArchiveIndex,
  labels: { type: string; script: string; date: string },
): SearchRecord {
  const enterprises = doc.enterprises.flatMap((id) => archive.enterprises.get(id) ?? []);
  const directives = doc.directives.flatMap((id) => archive.directives.get(id) ?? []);
  const speaker = doc.speaker ? archive.people.get(doc.speaker) : undefined;
  const people = doc.people.flatMap((id) => archive.people.get(id) ?? []);
  const named = [...enterprises, ...directives, ...people, ...(speaker ? [speaker] : [])];
  const keywords =
    lang === 'zh'
      ? named.flatMap((entity) => [entity.name.zh, ...entity.aliases].map(toSimplified))
      : named.map((entity) => entity.name.en);
  const [year = '', month = '00', day = '00'] = doc.date.split('-');
  const filters: Record<string, string[]> = {
    type: [labels.type],
    year: [year],
    enterprise: enterprises.map((entity) => pick(entity.name, lang)),
    directive: directives.map((entity) => pick(entity.name, lang)),
    speaker: speaker ? [pick(speaker.name, lang)] : [],
    region: doc.region ? [pick(doc.region.province, lang)] : [],
    script: [labels.script],
  };
  return {
    meta: {
      original: doc.title.zh,
      date: labels.date,
      type: labels.type,
      enterprises: enterprises.map((entity) => pick(entity.name, lang)).join(META_LIST_SEPARATOR),
    },
    filters: Object.fromEntries(Object.entries(filters).filter(([, values]) => values.length > 0)),
    sortDate: `${year}-${month}-${day}`,
    keywords: [...new Set(keywords)],
  };
}
