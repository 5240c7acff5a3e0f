import type { AliasEntry, MentionMatcher } from './find-mentions.ts';
import { renderBlocks, type RenderedBlock } from './render-blocks.ts';
import { toSimplified, toTraditional } from './script-convert.ts';
import { outlineBlocks, type TranslationCoverage } from './translation-blocks.ts';

/** One numbered row of a document: the original block, the same block converted to the other script, and its translation. */
export interface ReadingRow {
  /** 1-based paragraph number: the citable anchor ¶n, equal in the original and the translation. */
  n: number;
  original: RenderedBlock;
  converted: RenderedBlock;
  /** The English of the block, when the document has a translation and it translates this block. */
  translation?: RenderedBlock;
  /** The translation leaves this block out (`[untranslated]`): the row shows the original only. */
  untranslated?: true;
}

/** One heading of the text, for its table of contents. */
export interface ContentsEntry {
  /** The row (¶n) the heading is. */
  n: number;
  /** 2 for `##`, 3 for `###`, … */
  depth: number;
  /** The heading's text in the original script. */
  original: string;
  /** Its English, when the translation gives it. */
  translation?: string;
}

/** A document laid out for reading, in its original script and the other one. */
export interface ReadingView {
  rows: ReadingRow[];
  /** The script the original was converted to. */
  convertedScript: 'zh-Hans' | 'zh-Hant';
  /** The text's own headings, in order. */
  contents: ContentsEntry[];
  /** How much the translation covers, when there is one. */
  coverage?: TranslationCoverage;
}

/** Entity pages as seen from a document page (`/<lang>/documents/<id>/`): the same in every language. */
export const entityHrefFromDocument = (entry: AliasEntry): string => `../../${entry.collection}/${entry.id}/`;

/**
 * Renders a document body (with entity links), its conversion to the other script (OpenCC, at
 * build time) and, when there is one, its block-aligned translation, row by row. A translation's
 * `[untranslated]` blocks give rows without English.
 */
export function buildReadingView(
  body: string,
  script: 'zh-Hans' | 'zh-Hant',
  matcher: MentionMatcher,
  translation?: string,
): ReadingView {
  const links = { matcher, hrefFor: entityHrefFromDocument };
  const convertedScript = script === 'zh-Hans' ? 'zh-Hant' : 'zh-Hans';
  const original = renderBlocks(body, links);
  // The conversion changes Han characters only, so it can run on the rendered HTML: tags,
  // attributes and entity links are ASCII or already in place, and unified runs once, not twice.
  const convert = convertedScript === 'zh-Hant' ? toTraditional : toSimplified;
  const converted = original.map((block) => ({ tag: block.tag, html: convert(block.html) }));
  const translated = translation === undefined ? [] : renderBlocks(translation);
  if (translation !== undefined && translated.length !== original.length) {
    throw new Error(`translation has ${translated.length} blocks, the original ${original.length}: run npm run check`);
  }
  const left = translation === undefined ? [] : outlineBlocks(translation).map((block) => block.untranslated);
  const rows: ReadingRow[] = original.map((block, i) => {
    const row: ReadingRow = { n: i + 1, original: block, converted: converted[i] ?? block };
    if (left[i]) row.untranslated = true;
    else if (translated[i]) row.translation = translated[i];
    return row;
  });
  const contents = rows.flatMap((row) => {
    const depth = /^h([1-6])$/.exec(row.original.tag)?.[1];
    if (!depth) return [];
    const english = row.translation?.text;
    const entry: ContentsEntry = { n: row.n, depth: Number(depth), original: row.original.text ?? '' };
    if (english) entry.translation = english;
    return [entry];
  });
  const view: ReadingView = { convertedScript, rows, contents };
  if (translation !== undefined) {
    view.coverage = { paragraphs: rows.length, translated: rows.filter((row) => row.translation).length };
  }
  return view;
}
