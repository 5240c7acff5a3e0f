// The CSL style and locale files, as text: Vite (Astro, Vitest) inlines them at build time, so
// the built site needs no file beside its code. Only pages and tests import this module; the
// list of styles is `citation-styles.ts`.
import apa from './csl/apa.csl?raw';
import chicago from './csl/chicago-author-date.csl?raw';
import gbt7714 from './csl/china-national-standard-gb-t-7714-2015-author-date.csl?raw';
import enUS from './csl/locales-en-US.xml?raw';
import zhCN from './csl/locales-zh-CN.xml?raw';
import mla from './csl/modern-language-association.csl?raw';
import {
  CITATION_STYLE_FILES,
  CSL_LOCALE_FILES,
  createCitationFormatter,
  type CitationStyleId,
} from './citation-styles.ts';
import type { CslItem } from './format-csl-json.ts';

export type { CitationStyleId } from './citation-styles.ts';

/** The files' text by file name. */
const TEXTS: Record<string, string> = {
  'apa.csl': apa,
  'chicago-author-date.csl': chicago,
  'china-national-standard-gb-t-7714-2015-author-date.csl': gbt7714,
  'modern-language-association.csl': mla,
  'locales-en-US.xml': enUS,
  'locales-zh-CN.xml': zhCN,
};

const text = (file: string): string => {
  const found = TEXTS[file];
  if (found === undefined) throw new Error(`src/lib/citations/csl/${file} is not imported in csl-styles.ts`);
  return found;
};

/** The CSL locale files by language tag. */
export const CSL_LOCALES: Record<string, string> = Object.fromEntries(
  Object.entries(CSL_LOCALE_FILES).map(([lang, file]) => [lang, text(file)]),
);

/** The styles a document page offers, with their text (see `CITATION_STYLE_FILES`). */
export const CITATION_STYLES = CITATION_STYLE_FILES.map((entry) => ({ ...entry, style: text(entry.file) }));

const format = createCitationFormatter({
  styles: Object.fromEntries(CITATION_STYLES.map(({ id, style }) => [id, style])) as Record<CitationStyleId, string>,
  locales: CSL_LOCALES,
});

// Both language pages of a document are rendered one after the other and show the same
// entries: the last document's are kept for the second.
let last: { key: string; entries: Record<CitationStyleId, string> } | undefined;

/** A document's formatted citation in every style, as HTML. */
export function formatCitationStyles(item: CslItem): Record<CitationStyleId, string> {
  const key = JSON.stringify(item);
  if (last?.key !== key) last = { key, entries: format(item) };
  return last.entries;
}
