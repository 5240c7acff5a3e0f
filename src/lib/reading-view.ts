import type { AliasEntry, MentionMatcher } from './find-mentions.ts';
import { renderBlocks, type RenderedBlock } from './render-blocks.ts';
import { toSimplified, toTraditional } from './script-convert.ts';

/** One numbered row of a document: the original block, the same block converted to the other script, and its translation. */
export interface ReadingRow {
  /** 1-based paragraph number: the citable anchor ¶n, equal in the original and the translation. */
  n: number;
  original: RenderedBlock;
  converted: RenderedBlock;
  translation?: RenderedBlock;
}

/** A document laid out for reading, in its original script and the other one. */
export interface ReadingView {
  rows: ReadingRow[];
  /** The script the original was converted to. */
  convertedScript: 'zh-Hans' | 'zh-Hant';
}

/** Entity pages as seen from a document page (`/<lang>/documents/<id>/`): the same in every language. */
export const entityHrefFromDocument = (entry: AliasEntry): string => `../../${entry.collection}/${entry.id}/`;

/**
 * Renders a document body (with entity links), its conversion to the other script (OpenCC, at
 * build time) and, when there is one, its paragraph-aligned translation, row by row.
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
  return {
    convertedScript,
    rows: original.map((block, i) => ({
      n: i + 1,
      original: block,
      converted: converted[i] ?? block,
      translation: translated[i],
    })),
  };
}
