// The CSL style and locale files, as text: Vite (Astro, Vitest) inlines them at build time, so
// the built site needs no file beside its code. Only pages and tests import this module.
import apa from './csl/apa.csl?raw';
import chicago from './csl/chicago-author-date.csl?raw';
import gbt7714 from './csl/china-national-standard-gb-t-7714-2015-author-date.csl?raw';
import enUS from './csl/locales-en-US.xml?raw';
import zhCN from './csl/locales-zh-CN.xml?raw';
import mla from './csl/modern-language-association.csl?raw';
import { createCslFormatter } from './format-csl-style.ts';
import type { CslItem } from './format-csl-json.ts';

/** The CSL locale files by language tag. */
export const CSL_LOCALES = { 'en-US': enUS, 'zh-CN': zhCN };

/** The styles a document page offers, in the order of the English page; `lang` is the language of the style's words. */
export const CITATION_STYLES = [
  { id: 'chicago', style: chicago, lang: 'en' },
  { id: 'gbt7714', style: gbt7714, lang: 'zh-Hans' },
  { id: 'apa', style: apa, lang: 'en' },
  { id: 'mla', style: mla, lang: 'en' },
] as const;

export type CitationStyleId = (typeof CITATION_STYLES)[number]['id'];

const formatters = new Map(
  CITATION_STYLES.map(({ id, style }) => [id, createCslFormatter({ style, locales: CSL_LOCALES })] as const),
);

// Both language pages of a document are rendered one after the other and show the same
// entries: the last document's are kept for the second.
let last: { key: string; entries: Record<CitationStyleId, string> } | undefined;

/** A document's formatted citation in every style, as HTML. */
export function formatCitationStyles(item: CslItem): Record<CitationStyleId, string> {
  const key = JSON.stringify(item);
  if (last?.key !== key) {
    const entries = Object.fromEntries(CITATION_STYLES.map(({ id }) => [id, formatters.get(id)!(item)])) as Record<
      CitationStyleId,
      string
    >;
    last = { key, entries };
  }
  return last.entries;
}
