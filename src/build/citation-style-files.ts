// The CSL style and locale files read from src/lib/citations/csl/, for the build's worker
// thread, which runs outside Vite (the pages have Vite inline them: csl-styles.ts).
import { readFileSync } from 'node:fs';
import {
  CITATION_STYLE_FILES,
  CSL_LOCALE_FILES,
  type CitationStyleId,
  type CitationStyleTexts,
} from '../lib/citations/citation-styles.ts';

const FOLDER = new URL('../lib/citations/csl/', import.meta.url);

/** The text of every style and locale file. */
export function readCitationStyleFiles(): CitationStyleTexts {
  const read = (file: string) => readFileSync(new URL(file, FOLDER), 'utf8');
  return {
    styles: Object.fromEntries(CITATION_STYLE_FILES.map(({ id, file }) => [id, read(file)])) as Record<
      CitationStyleId,
      string
    >,
    locales: Object.fromEntries(Object.entries(CSL_LOCALE_FILES).map(([lang, file]) => [lang, read(file)])),
  };
}
