import { cleanPage, type CleanedPage } from './clean.ts';
import { decodeBytes, type Encoding } from './decode.ts';
import { htmlToText, looksLikeHtml } from './html-to-text.ts';
import { ImportError } from './import-error.ts';

/** A file that is not text (a Word or PDF file), already turned into HTML or text by its reader. */
export interface ConvertedFile {
  encoding: Encoding;
  text: string;
  warnings: string[];
}

/** A raw page decoded and cleaned, with what was done to it. */
export interface ReadPage {
  encoding: Encoding;
  page: CleanedPage;
  warnings: string[];
}

const notChinese = (han: number): ImportError =>
  new ImportError(
    `the text is not Chinese (${han} Han characters): the archive keeps Chinese originals; import the Chinese page, or check the encoding`,
  );

/**
 * Decodes and cleans a raw page (text, or the HTML source saved instead), and refuses one that
 * holds no Chinese text or no paragraph of prose, saying why.
 */
export function readPage(bytes: Uint8Array, converted?: ConvertedFile): ReadPage {
  const decoded = converted ?? decodeBytes(bytes);
  const warnings = [...decoded.warnings];
  const html = looksLikeHtml(decoded.text);
  if (html && !converted) warnings.push('the file is the HTML source of the page: its text was taken from the markup');
  const page = cleanPage(html ? htmlToText(decoded.text) : decoded.text);
  const han = (page.paragraphs.join('').match(/\p{Script=Han}/gu) ?? []).length;
  // An English page loses its lines as "interleaved English": say what it is, not that it is empty.
  if (han < 20 && page.englishLines.length > 0) throw notChinese(han);
  const proseLength = page.paragraphs.reduce((sum, p) => sum + p.length, 0);
  if (page.paragraphs.length === 0 || proseLength < 40) {
    throw new ImportError(
      `no text found: the page has ${page.above.length + page.below.length} lines of menus, links or notices but no paragraph of prose; check that the file holds the article's text`,
    );
  }
  if (han < 20) throw notChinese(han);
  warnings.push(...page.warnings);
  if (page.pinyinRemoved > 0) warnings.push(`removed ${page.pinyinRemoved} pinyin syllables glued after characters`);
  return { encoding: decoded.encoding, page, warnings };
}
