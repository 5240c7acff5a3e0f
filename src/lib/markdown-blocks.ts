import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';

// The archive's texts are paragraphs of Chinese separated by blank lines, and `#` headings, a few
// with some bold or a `[untranslated]` marker. Parsing a body with micromark took about two
// microseconds a character, and a build parsed every text four or five times (the reading view,
// both search indexes, both trends indexes, texts.jsonl). `readBlocksByLine` finds the blocks of
// such a body line by line and makes the tree of each block micromark would make, positions
// included (the tests compare the two on generated bodies and on every text in content/): a
// block without markup directly, a block with some by micromark, on that block alone.

/** Whatever a body holds that the line reader leaves to micromark: tabs, CR, NUL, a BOM, link definitions. */
const NOT_BY_LINE = /[\r\t\0\uFEFF]|\]:/;
/**
 * Line starts that may open a block other than a paragraph or an ATX heading (quotation, list,
 * thematic break, setext underline, fenced or indented code, HTML), or make a line blank.
 */
const OTHER_BLOCK = /^(?: {0,3}(?:[>\-+=~`<]|\d{1,9}[.)](?: |$)|\*(?: |$)|(?:\* *){3,}$|(?:_ *){3,}$)| {4})/;
const ATX_HEADING = /^( {0,3})(#{1,6})(?: +|$)/;
/**
 * What may begin inline markup: a block holding one is parsed by micromark. Brackets alone make
 * no link in a body without link definitions (`]:` sends those to micromark whole), so only an
 * inline link or image (`](`) counts; a heading's closing sequence is a `#`.
 */
const INLINE = /[\\`*_<&]|\]\(/;
const INLINE_HEADING = /[\\`*_<&#]|\]\(/;

/** A place in the body, as mdast positions give it. */
type Point = NonNullable<Root['position']>['start'];

const point = (line: number, column: number, offset: number): Point => ({ line, column, offset });

/** The point just past the end of `markdown`. */
function endOf(markdown: string): Point {
  let line = 1;
  for (let at = markdown.indexOf('\n'); at >= 0; at = markdown.indexOf('\n', at + 1)) line += 1;
  return point(line, markdown.length - markdown.lastIndexOf('\n'), markdown.length);
}

/** A block as the line reader found it: its lines, and whether it is a heading. */
export interface LineBlock {
  heading: boolean;
  /** The 0-based index of its first line, and the offset where that line starts. */
  first: number;
  start: number;
  lines: string[];
}

/** Shifts the positions in `node` and its descendants by whole lines. */
function shift(node: RootContent, lines: number, offset: number): void {
  if (node.position) {
    for (const at of [node.position.start, node.position.end]) {
      at.line += lines;
      if (at.offset !== undefined) at.offset += offset;
    }
  }
  if ('children' in node) for (const child of node.children) shift(child, lines, offset);
}

/** The number of spaces (not other white space, which CommonMark keeps as text) ending a line. */
const trailingSpaces = (line: string) => line.length - line.replace(/ +$/, '').length;
/** The number of spaces starting a line: where its block begins, for micromark. */
export const leadingSpaces = (line: string) => line.length - line.replace(/^ +/, '').length;

/** The tree of a block without inline markup, made directly. */
function plainBlock(block: LineBlock): Heading | Paragraph {
  let offset = block.start;
  const ends = block.lines.map((line, i) => {
    const at = (column: number) => point(block.first + i + 1, column + 1, offset + column);
    const trailing = trailingSpaces(line);
    const heading = block.heading ? ATX_HEADING.exec(line)! : undefined;
    const indent = leadingSpaces(line);
    const from = heading ? heading[0].length : indent;
    const result = {
      text: line.slice(from, Math.max(from, line.length - trailing)),
      blockStart: at(indent),
      textStart: at(from),
      textEnd: at(Math.max(from, line.length - trailing)),
      blockEnd: at(line.length),
      depth: heading?.[2]!.length,
    };
    offset += line.length + 1;
    return result;
  });
  const first = ends[0]!;
  const last = ends[ends.length - 1]!;
  const position = { start: first.blockStart, end: last.blockEnd };
  const value = ends.map((line) => line.text).join('\n');
  const children: Paragraph['children'] = value
    ? [{ type: 'text', value, position: { start: first.textStart, end: last.textEnd } }]
    : [];
  return block.heading
    ? { type: 'heading', depth: first.depth as Heading['depth'], children, position }
    : { type: 'paragraph', children, position };
}

/**
 * The blocks of a body of paragraphs and ATX (`#`) headings, found line by line as micromark finds
 * them (a blank line ends a paragraph, a heading is a block of its own line); undefined for a body
 * with any other kind of block, or anything else the line reader leaves to micromark.
 */
export function splitBlocks(markdown: string): LineBlock[] | undefined {
  if (NOT_BY_LINE.test(markdown)) return undefined;
  const blocks: LineBlock[] = [];
  let open: LineBlock | undefined;
  let offset = 0;
  for (const [index, line] of markdown.split('\n').entries()) {
    if (/^ *$/.test(line)) {
      open = undefined;
    } else if (OTHER_BLOCK.test(line)) {
      return undefined;
    } else if (ATX_HEADING.test(line)) {
      blocks.push({ heading: true, first: index, start: offset, lines: [line] });
      open = undefined;
    } else if (open) {
      open.lines.push(line);
    } else {
      open = { heading: false, first: index, start: offset, lines: [line] };
      blocks.push(open);
    }
    offset += line.length + 1;
  }
  return blocks;
}

/**
 * The mdast tree of a body of paragraphs and ATX (`#`) headings, as micromark with CJK-friendly
 * emphasis makes it, read line by line (`splitBlocks`); undefined for a body with any other kind
 * of block (it is then for micromark to parse whole).
 */
export function readBlocksByLine(markdown: string): Root | undefined {
  const blocks = splitBlocks(markdown);
  if (!blocks) return undefined;
  const children: RootContent[] = [];
  for (const block of blocks) {
    // A line ending in two spaces or more before another line of its paragraph is a hard break.
    const breaks = block.lines.slice(0, -1).some((line) => trailingSpaces(line) >= 2);
    const markup = block.heading
      ? INLINE_HEADING.test(block.lines[0]!.replace(ATX_HEADING, ''))
      : block.lines.some((line) => INLINE.test(line));
    if (!breaks && !markup) {
      children.push(plainBlock(block));
      continue;
    }
    // Parsed alone, a block comes out as in its body: its lines are its own, and the body holds
    // no link definition another block could refer to.
    const own = micromark(block.lines.join('\n')).children;
    const node = own[0];
    if (own.length !== 1 || node?.type !== (block.heading ? 'heading' : 'paragraph')) return undefined;
    shift(node, block.first, block.start);
    children.push(node);
  }
  return { type: 'root', children, position: { start: point(1, 1, 0), end: endOf(markdown) } };
}

const EXTENSIONS = [cjkFriendlyExtension()];
const micromark = (markdown: string): Root => fromMarkdown(markdown, { extensions: EXTENSIONS });

/**
 * The mdast tree of a Markdown body, as micromark (with CJK-friendly emphasis) parses it: read
 * line by line when it holds only paragraphs and ATX headings (`readBlocksByLine`), else parsed whole.
 */
export function parseMarkdown(markdown: string): Root {
  return readBlocksByLine(markdown) ?? micromark(markdown);
}
