import { fromMarkdown } from 'mdast-util-from-markdown';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { toString } from 'mdast-util-to-string';
import { useTranslations, type Lang } from '../i18n/index.ts';
import type { EntityCatalogue } from './archive-index.ts';
import type { Document } from '../schema/index.ts';
import { pick } from './bilingual.ts';
import { formatDate } from './format-date.ts';
import { toSimplified } from './script-convert.ts';
import { META_LIST_SEPARATOR } from './search-query.ts';
import { pagePath } from './urls.ts';

/** One document as Pagefind indexes it in English (a custom record: the HTML pages are not parsed). */
export interface SearchRecord {
  /** The page, without the site's base path (the search page adds it). */
  url: string;
  /** Always `en`: the Chinese index is our own (src/lib/chinese-index/). */
  language: string;
  /** The searchable text (see `buildSearchRecord`). */
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** The Pagefind language of a site language's index. */
export function searchLanguage(lang: Lang): string {
  return lang === 'zh' ? 'zh-hans' : 'en';
}

/** The plain text of each top-level block of a Markdown body (the ¶ numbering of the site). */
export function listBlockTexts(markdown: string): string[] {
  return fromMarkdown(markdown, { extensions: [cjkFriendlyExtension()] }).children.map((node) => toString(node).trim());
}

/**
 * Builds a document's English search record: the English title, summary, translation and entity
 * names, not the Chinese a second time. `meta.paras` gives the word index at which each
 * paragraph of the translation starts, so results can link to the paragraph that matched.
 */
export function buildSearchRecord(
  doc: Document,
  text: { translation: string | undefined },
  catalogue: EntityCatalogue,
): SearchRecord {
  const lang = 'en';
  const t = useTranslations(lang);
  const enterprises = doc.enterprises.flatMap((id) => catalogue.enterprises.get(id) ?? []);
  const directives = doc.directives.flatMap((id) => catalogue.directives.get(id) ?? []);
  const speaker = doc.speaker ? catalogue.people.get(doc.speaker) : undefined;
  const people = doc.people.flatMap((id) => catalogue.people.get(id) ?? []);
  const named = [...enterprises, ...directives, ...people, ...(speaker ? [speaker] : [])];
  const head = [doc.title.en, doc.subtitle?.en, doc.summary.en, doc.meeting?.en, doc.speaker_role?.en];
  const keywords = named.map((entity) => entity.name.en);
  const blocks = text.translation === undefined ? [] : listBlockTexts(text.translation);

  const parts: string[] = [];
  let words = 0;
  const add = (text: string | undefined) => {
    const prepared = (text ?? '').replace(/\s+/g, ' ').trim();
    if (!prepared) return;
    parts.push(prepared);
    words += prepared.split(' ').length;
  };
  head.forEach(add);
  add([...new Set(keywords)].join(' '));
  const paras: number[] = [];
  for (const block of blocks) {
    paras.push(words);
    add(block || ' ');
  }

  const [year = '', month = '00', day = '00'] = doc.date.split('-');
  return {
    url: pagePath(lang, 'documents', doc.id),
    language: searchLanguage(lang),
    content: parts.join(' '),
    meta: {
      title: pick(doc.title, lang),
      original: doc.title.zh,
      date: formatDate({ date: doc.date, precision: doc.date_precision, basis: doc.date_basis }, lang),
      type: t(`type.${doc.type}`),
      enterprises: enterprises.map((entity) => pick(entity.name, lang)).join(META_LIST_SEPARATOR),
      paras: paras.join(','),
    },
    filters: searchFilters(doc, lang, catalogue),
    sort: { date: `${year}-${month}-${day}` },
  };
}

/** A document's values of the search page's filters in one language (empty filters left out). */
export function searchFilters(doc: Document, lang: Lang, catalogue: EntityCatalogue): Record<string, string[]> {
  const t = useTranslations(lang);
  const name = (entity: { name: { zh: string; en: string } }) => pick(entity.name, lang);
  const speaker = doc.speaker ? catalogue.people.get(doc.speaker) : undefined;
  const filters: Record<string, string[]> = {
    type: [t(`type.${doc.type}`)],
    year: [doc.date.split('-')[0] ?? ''],
    enterprise: doc.enterprises.flatMap((id) => catalogue.enterprises.get(id) ?? []).map(name),
    directive: doc.directives.flatMap((id) => catalogue.directives.get(id) ?? []).map(name),
    speaker: speaker ? [name(speaker)] : [],
    // A traditional document's Chinese metadata is in traditional: one facet value per place.
    region: doc.region ? [lang === 'zh' ? toSimplified(doc.region.province.zh) : doc.region.province.en] : [],
    script: [t(`script.${doc.script}`)],
  };
  return Object.fromEntries(Object.entries(filters).filter(([, values]) => values.length > 0));
}

/**
 * How many documents have each value of each filter: what the search page shows before a
 * search, computed at build time so that the page need not load every filter file of the
 * index for it (about 185 KB at 10,000 documents).
 */
export function countSearchFacets(
  documents: readonly Document[],
  lang: Lang,
  catalogue: EntityCatalogue,
): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const doc of documents) {
    for (const [filter, values] of Object.entries(searchFilters(doc, lang, catalogue))) {
      const own = (counts[filter] ??= {});
      for (const value of new Set(values)) own[value] = (own[value] ?? 0) + 1;
    }
  }
  return counts;
}
