// The CSL styles a document page offers, by the names of their files in `csl/`, and the
// formatting of one document in all of them. The files' text is read by the caller: the pages
// have Vite inline it (`csl-styles.ts`), the build's worker reads the files
// (src/build/citation-style-files.ts).
import type { CslItem } from './format-csl-json.ts';
import { createCslFormatter } from './format-csl-style.ts';

/** The styles, in the order of the English page; `lang` is the language of the style's words. */
export const CITATION_STYLE_FILES = [
  { id: 'chicago', file: 'chicago-author-date.csl', lang: 'en' },
  { id: 'gbt7714', file: 'china-national-standard-gb-t-7714-2015-author-date.csl', lang: 'zh-Hans' },
  { id: 'apa', file: 'apa.csl', lang: 'en' },
  { id: 'mla', file: 'modern-language-association.csl', lang: 'en' },
] as const;

/** The CSL locale files the styles use, by language tag. */
export const CSL_LOCALE_FILES = { 'en-US': 'locales-en-US.xml', 'zh-CN': 'locales-zh-CN.xml' } as const;

export type CitationStyleId = (typeof CITATION_STYLE_FILES)[number]['id'];

/** The text of each style file (by style id) and locale file (by language tag). */
export interface CitationStyleTexts {
  styles: Record<CitationStyleId, string>;
  locales: Record<string, string>;
}

/**
 * Formats a CSL-JSON item in every style, as HTML by style id. Each style's engine is made at
 * its first use and kept (see `createCslFormatter`).
 */
export function createCitationFormatter(texts: CitationStyleTexts): (item: CslItem) => Record<CitationStyleId, string> {
  const formatters = CITATION_STYLE_FILES.map(
    ({ id }) => [id, createCslFormatter({ style: texts.styles[id], locales: texts.locales })] as const,
  );
  return (item) =>
    Object.fromEntries(formatters.map(([id, format]) => [id, format(item)])) as Record<CitationStyleId, string>;
}
