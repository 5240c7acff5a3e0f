import { fromMarkdown } from 'mdast-util-from-markdown';

// Lines after which a body may hold blocks other than paragraphs and ATX headings (lists,
// quotations, code, tables, setext headings, HTML), or paragraphs that a blank line does not
// end: only then is the body parsed as Markdown.
const NOT_PLAIN = /^(?: {0,3}(?:[-*+] |\d{1,9}[.)](?: |$)|>|```|~~~|\||<|[-*+]$)| {4}|\t|=+\s*$|-+\s*$)/m;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/**
 * Where each top-level Markdown block of a body starts (character offsets, in order), so that a
 * position in the text can be told its paragraph number (¶n, as the reading view numbers
 * blocks). Bodies of paragraphs and `#` headings only, as the archive's texts are, are read
 * line by line (a blank line ends a block, a heading is a block of its own line); any other
 * Markdown is parsed with mdast, which gives the same answer an order of magnitude slower.
 */
export function listBlockStarts(markdown: string): number[] {
  if (NOT_PLAIN.test(markdown)) {
    return fromMarkdown(markdown).children.map((node) => node.position?.start.offset ?? 0);
  }
  const starts: number[] = [];
  let inBlock = false;
  let afterHeading = false;
  let offset = 0;
  for (const line of markdown.split('\n')) {
    const blank = line.trim() === '';
    if (blank) {
      inBlock = false;
    } else if (ATX_HEADING.test(line)) {
      starts.push(offset + (line.length - line.trimStart().length));
      inBlock = true;
      afterHeading = true;
    } else if (!inBlock || afterHeading) {
      starts.push(offset + (line.length - line.trimStart().length));
      inBlock = true;
      afterHeading = false;
    }
    offset += line.length + 1;
  }
  return starts;
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
