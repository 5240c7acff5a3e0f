import { fromMarkdown } from 'mdast-util-from-markdown';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { toString } from 'mdast-util-to-string';
import { useTranslations, type Lang } from '../i18n/index.ts';
import type { EntityCatalogue } from './archive-index.ts';
import type { Document } from '../schema/index.ts';
import { pick } from './bilingual.ts';
import { formatDate } from './format-date.ts';
import { toSimplified } from './script-convert.ts';
import { encodeHanTokens } from './han-tokens.ts';
import { META_LIST_SEPARATOR } from './search-query.ts';
import { pagePath } from './urls.ts';

/** One document as Pagefind indexes it (a custom record: the HTML pages are not parsed). */
export interface SearchRecord {
  /** The page, without the site's base path (the search page adds it). */
  url: string;
  /** `zh-hans` or `en`: one index per language. */
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
 * Builds a document's search record for one language. The Chinese record holds every text in
 * simplified characters (queries are converted to simplified), as character-pair tokens
 * (`encodeHanTokens`); the English record holds the English title, summary, translation and entity names, not the
 * Chinese a second time. `meta.paras` gives the word index at which each paragraph starts, so
 * results can link to the paragraph that matched.
 */
export function buildSearchRecord(
  doc: Document,
  text: { body: string; translation: string | undefined },
  lang: Lang,
  catalogue: EntityCatalogue,
): SearchRecord {
  const t = useTranslations(lang);
  const enterprises = doc.enterprises.flatMap((id) => catalogue.enterprises.get(id) ?? []);
  const directives = doc.directives.flatMap((id) => catalogue.directives.get(id) ?? []);
  const speaker = doc.speaker ? catalogue.people.get(doc.speaker) : undefined;
  const people = doc.people.flatMap((id) => catalogue.people.get(id) ?? []);
  const named = [...enterprises, ...directives, ...people, ...(speaker ? [speaker] : [])];
  const zh = lang === 'zh';
  const prepare = (text: string) => (zh ? encodeHanTokens(toSimplified(text)) : text.replace(/\s+/g, ' ').trim());

  const head = zh
    ? [doc.title.zh, doc.subtitle?.zh, doc.summary.zh, doc.meeting?.zh, doc.speaker_role?.zh]
    : [doc.title.en, doc.subtitle?.en, doc.summary.en, doc.meeting?.en, doc.speaker_role?.en];
  const keywords = zh
    ? named.flatMap((entity) => [entity.name.zh, ...entity.aliases])
    : named.map((entity) => entity.name.en);
  const blocks = zh
    ? listBlockTexts(text.body)
    : text.translation === undefined
      ? []
      : listBlockTexts(text.translation);

  const parts: string[] = [];
  let words = 0;
  const add = (text: string | undefined) => {
    const prepared = prepare(text ?? '');
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
  const filters: Record<string, string[]> = {
    type: [t(`type.${doc.type}`)],
    year: [year],
    enterprise: enterprises.map((entity) => pick(entity.name, lang)),
    directive: directives.map((entity) => pick(entity.name, lang)),
    speaker: speaker ? [pick(speaker.name, lang)] : [],
    // A traditional document's Chinese metadata is in traditional: one facet value per place.
    region: doc.region ? [zh ? toSimplified(doc.region.province.zh) : doc.region.province.en] : [],
    script: [t(`script.${doc.script}`)],
  };
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
    filters: Object.fromEntries(Object.entries(filters).filter(([, values]) => values.length > 0)),
    sort: { date: `${year}-${month}-${day}` },
  };
}
