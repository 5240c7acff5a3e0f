import { leadingSpaces, parseMarkdown, splitBlocks } from './markdown-blocks.ts';

/**
 * Where each top-level Markdown block of a body starts (character offsets, in order), so that a
 * position in the text can be told its paragraph number (¶n, as the reading view numbers
 * blocks). Bodies of paragraphs and `#` headings only, as the archive's texts are, are split
 * line by line as the reading view's parser splits them (`splitBlocks`), whatever inline markup
 * they hold; any other body is parsed (`parseMarkdown`).
 */
export function listBlockStarts(markdown: string): number[] {
  const blocks = splitBlocks(markdown);
  if (!blocks) return parseMarkdown(markdown).children.map((node) => node.position?.start.offset ?? 0);
  return blocks.map((block) => block.start + leadingSpaces(block.lines[0]!));
}

/** The 1-based number of the block holding `position`, given the blocks' starts. */
export function blockNumberAt(starts: readonly number[], position: number): number {
  let low = 0;
  let high = starts.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (starts[middle]! <= position) {
      found = middle + 1;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return Math.max(1, found);
}
