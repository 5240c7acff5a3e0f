// `/data/texts.jsonl`: the archive's full texts for one's own analysis, one JSON object per line
// and document: its metadata as validated (every frontmatter field), the original text, its
// simplified form, and the English translation's paragraphs where there is one. Paragraphs are
// the blocks the site numbers (¶n on the document pages, `#p<n>` in links); a translation's
// paragraph n renders beside the original's paragraph n.
import type { Document } from '../schema/index.ts';
import { toSimplified } from './script-convert.ts';
import { listBlockTexts } from './search-records.ts';

/** A numbered paragraph. */
export interface NumberedParagraph {
  n: number;
  text: string;
}

/** One line of `texts.jsonl`. */
export interface TextRecord extends Document {
  id: string;
  /** Characters of the original text, whitespace not counted. */
  characters: number;
  /** The original's paragraphs, as published (simplified or traditional). */
  paragraphs: NumberedParagraph[];
  /** The original text: its paragraphs, separated by a blank line. */
  text: string;
  /**
   * The text in simplified characters (OpenCC) when the original is traditional; null when the
   * original is simplified (`text` is then the simplified text: not written twice, since at
   * 10,000 documents the file would grow by some 200 MB).
   */
  text_simplified: string | null;
  /** The English translation's paragraphs, or null when there is none. */
  translation: NumberedParagraph[] | null;
}

const number = (texts: string[]): NumberedParagraph[] => texts.map((text, i) => ({ n: i + 1, text }));

/** A document's line (without the newline). `doc` may carry more fields than `Document`: they are kept. */
export function formatTextRecord(
  doc: Document & { id: string; characters: number },
  body: string,
  translation: string | undefined,
): string {
  const paragraphs = listBlockTexts(body);
  const text = paragraphs.join('\n\n');
  const record: TextRecord = {
    ...doc,
    paragraphs: number(paragraphs),
    text,
    text_simplified: doc.script === 'zh-Hant' ? toSimplified(text) : null,
    translation: translation === undefined ? null : number(listBlockTexts(translation)),
  };
  return JSON.stringify(record);
}

/** The data package's description of `texts.jsonl`. */
export const TEXTS_RESOURCE = {
  name: 'texts',
  path: 'texts.jsonl',
  format: 'jsonl',
  mediatype: 'application/x-ndjson',
  encoding: 'utf-8',
  description:
    'One JSON object per line and document, oldest first: every metadata field of documents.json as the frontmatter holds it (title, summary and other bilingual fields as {"zh", "en"} objects), then characters, paragraphs ([{n, text}], n the paragraph number of the document page, #p<n>), text (the original, simplified or traditional as published, paragraphs separated by a blank line), text_simplified (its simplified form for a traditional original; null when the original is simplified, text being the simplified text then: COALESCE(text_simplified, text)) and translation ([{n, text}] of the English translation, paragraph n beside the original paragraph n, or null). Reads with DuckDB: SELECT * FROM read_json(\'texts.jsonl\'); with pandas: pandas.read_json(\'texts.jsonl\', lines=True).',
  schema: {
    fields: [
      { name: 'id', type: 'string' },
      { name: 'characters', type: 'integer' },
      { name: 'paragraphs', type: 'array' },
      { name: 'text', type: 'string' },
      { name: 'text_simplified', type: 'string' },
      { name: 'translation', type: 'array' },
    ],
    primaryKey: ['id'],
  },
} as const;
