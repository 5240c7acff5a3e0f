import { blockNumberAt } from './block-starts.ts';
import type { Mention } from './find-mentions.ts';

/** A mention with the sentence around it, for "keyword in context" lists. */
export interface MentionContext {
  /** Text of the sentence before the mention (trimmed to a readable length). */
  before: string;
  /** The mention as written. */
  match: string;
  /** Text of the sentence after the mention. */
  after: string;
  /** The paragraph (¶n, as the document page numbers blocks) that holds the mention, when known. */
  paragraph?: number;
}

const SENTENCE_END = /[。！？!?；;]/;
const MAX_SIDE = 60;

/**
 * Removes the Markdown that would show as noise in a quoted sentence: bold markers, heading
 * marks and backslash escapes; escaped characters (the redaction marks \*\*年) are kept.
 */
export function stripInlineMarkdown(text: string): string {
  return text
    .replace(/(?<!\\)\*\*|(?<!\\)__/g, '')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
}

/** A copy of a string that shares no memory with the text it was cut from. */
function detach(text: string): string {
  return text.split('').join('');
}

function sentenceBounds(text: string, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && !SENTENCE_END.test(text[from - 1]!) && text[from - 1] !== '\n') from -= 1;
  let to = end;
  while (to < text.length && text[to] !== '\n') {
    to += 1;
    if (SENTENCE_END.test(text[to - 1]!)) break;
  }
  return [from, to];
}

/**
 * The sentence around each mention (a sentence ends at 。！？； or a line break), cut to a
 * readable length around the mention. Identical contexts are returned once.
 */
export function extractContexts(
  text: string,
  mentions: readonly Pick<Mention, 'start' | 'end'>[],
  blockStarts?: readonly number[],
): MentionContext[] {
  const seen = new Set<string>();
  const contexts: MentionContext[] = [];
  for (const mention of mentions) {
    const [from, to] = sentenceBounds(text, mention.start, mention.end);
    let before = stripInlineMarkdown(text.slice(from, mention.start)).trimStart();
    let after = stripInlineMarkdown(text.slice(mention.end, to)).trimEnd();
    if (before.length > MAX_SIDE) before = `…${before.slice(-MAX_SIDE)}`;
    if (after.length > MAX_SIDE) after = `${after.slice(0, MAX_SIDE)}…`;
    // Copies, not slices: V8 keeps a whole text alive for a slice of it, and an archive index
    // holding contexts of every document would otherwise hold every document's text.
    const context: MentionContext = {
      before: detach(before),
      match: detach(text.slice(mention.start, mention.end)),
      after: detach(after),
    };
    if (blockStarts) context.paragraph = blockNumberAt(blockStarts, mention.start);
    const key = `${context.before}\u0000${context.match}\u0000${context.after}`;
    if (seen.has(key)) continue;
    seen.add(key);
    contexts.push(context);
  }
  return contexts;
}
