import type { RootContent } from 'mdast';
import { parseMarkdown } from './markdown-blocks.ts';

/**
 * What a translation writes, as the whole of a block, for a block of the original it leaves
 * untranslated: a paragraph `[untranslated]`, or for a heading a heading of the same level
 * (`## [untranslated]`), so that a partial translation keeps the original's blocks one for one.
 */
export const UNTRANSLATED_MARKER = '[untranslated]';

/** One top-level block of a Markdown body, as the alignment of a translation sees it. */
export interface BlockOutline {
  /** `paragraph`, `heading-2`, `list`, … */
  kind: string;
  /** 1-based line in the Markdown given (add the body's first line for the file's). */
  line: number;
  /** Whether the block is the marker of an untranslated block. */
  untranslated: boolean;
}

const kindOf = (node: RootContent): string => (node.type === 'heading' ? `heading-${node.depth}` : node.type);

/** Whether a top-level block is, and only is, the marker (a paragraph or heading). */
function isMarker(node: RootContent): boolean {
  if (node.type !== 'paragraph' && node.type !== 'heading') return false;
  const [only, ...rest] = node.children;
  return rest.length === 0 && only?.type === 'text' && only.value.trim() === UNTRANSLATED_MARKER;
}

/** The top-level blocks of a Markdown body: kind, line and whether each is the untranslated marker. */
export function outlineBlocks(markdown: string): BlockOutline[] {
  return parseMarkdown(markdown).children.map((node) => ({
    kind: kindOf(node),
    line: node.position?.start.line ?? 1,
    untranslated: isMarker(node),
  }));
}

/** How much of a document a translation covers, counted in the ¶-numbered blocks of the original. */
export interface TranslationCoverage {
  /** Blocks of the original (¶1 … ¶n). */
  paragraphs: number;
  /** Blocks the translation gives in English (not the marker). */
  translated: number;
}

/** Counts the blocks of a translation and those it translates. */
export function measureCoverage(markdown: string): TranslationCoverage {
  const blocks = outlineBlocks(markdown);
  return { paragraphs: blocks.length, translated: blocks.filter((block) => !block.untranslated).length };
}

/** Whether a translation leaves some blocks untranslated. */
export const isPartial = (coverage: TranslationCoverage): boolean => coverage.translated < coverage.paragraphs;

/**
 * Where a translation stops lining up with its original, or undefined when each of its blocks
 * is of the kind of the original's block at the same place (a heading of the same level, a
 * paragraph…); the untranslated marker stands for any block but a heading, whose marker must be
 * a heading of the same level.
 */
export function findMisalignment(
  original: readonly Pick<BlockOutline, 'kind' | 'line'>[],
  translation: readonly BlockOutline[],
): { index: number; original?: Pick<BlockOutline, 'kind' | 'line'>; translation?: BlockOutline } | undefined {
  const length = Math.max(original.length, translation.length);
  for (let index = 0; index < length; index++) {
    const source = original[index];
    const target = translation[index];
    if (!source || !target) return { index, original: source, translation: target };
    if (source.kind === target.kind) continue;
    const markerStandsIn = target.untranslated && target.kind === 'paragraph' && !source.kind.startsWith('heading');
    if (!markerStandsIn) return { index, original: source, translation: target };
  }
  return undefined;
}

/**
 * The body of a partial translation of `original`: for each block, the English given for its
 * ¶ number, else the untranslated marker (a heading's marker at the heading's level). English
 * for a heading is written as a heading of the same level unless it is one already. Throws on a
 * ¶ number the original does not have, or English that is not a single block.
 */
export function composeTranslationBody(original: string, english: ReadonlyMap<number, string>): string {
  const blocks = outlineBlocks(original);
  for (const n of english.keys()) {
    if (!Number.isInteger(n) || n < 1 || n > blocks.length) {
      throw new Error(`¶${n}: the original has paragraphs ¶1 to ¶${blocks.length}`);
    }
  }
  return `${blocks
    .map((block, i) => {
      const level = block.kind.startsWith('heading-') ? Number(block.kind.slice(8)) : 0;
      const hashes = level ? `${'#'.repeat(level)} ` : '';
      const text = english.get(i + 1)?.trim();
      if (!text) return `${hashes}${UNTRANSLATED_MARKER}`;
      const written = level && !/^#{1,6}\s/.test(text) ? `${hashes}${text}` : text;
      const parsed = outlineBlocks(written);
      if (parsed.length !== 1) throw new Error(`¶${i + 1}: the English must be one block, found ${parsed.length}`);
      return written;
    })
    .join('\n\n')}\n`;
}
