import type { Random } from './create-random.ts';
import type { Script, SentencePools } from './extract-sentence-pools.ts';
import { formatChineseNumeral, formatRomanNumeral } from './format-numerals.ts';
import { ENGLISH_PHRASES } from './list-phrases.ts';

/** What a body should look like. */
export interface BodyPlan {
  script: Script;
  /** Characters to reach before the body may end (see drawBodyLength). */
  target: number;
  /** Sentences naming the document's entities, spread over the body in this order. */
  mentions: readonly string[];
  /** Whether the body opens by addressing its audience (同志们：). */
  salutation: string | undefined;
  /** Whether to write an English translation aligned block for block. */
  translate: boolean;
}

/** A composed body, and its translation when one was asked for. */
export interface ComposedBody {
  body: string;
  translation?: string;
}

type Block =
  | { kind: 'heading'; depth: 2 | 3; number: number; text: string }
  | { kind: 'paragraph'; text: string; sentences: number; runIn: number; salutation: boolean; mention: boolean };

/** Bodies never run longer than this many characters. */
export const MAX_BODY_LENGTH = 12_000;
/** Bodies never run shorter than this many characters. */
export const MIN_BODY_LENGTH = 1_000;
// Targets stop short of the maximum: a body ends with the paragraph that crosses its target.
const MAX_TARGET = 11_000;
const MEDIAN_LENGTH = 4_000;
const SPREAD = 0.55;

/**
 * Draws a body length from a log-normal distribution (median 4,000 characters, a long tail of
 * long reports), kept within the bounds by drawing again.
 */
export function drawBodyLength(random: Random): number {
  for (;;) {
    const length = Math.round(MEDIAN_LENGTH * Math.exp(SPREAD * random.normal()));
    if (length >= MIN_BODY_LENGTH && length <= MAX_TARGET) return length;
  }
}

const averages = new WeakMap<readonly string[], number>();
function averageLength(sentences: readonly string[]): number {
  let average = averages.get(sentences);
  if (average === undefined) {
    average = sentences.reduce((sum, s) => sum + s.length, 0) / sentences.length;
    averages.set(sentences, average);
  }
  return average;
}

/**
 * Builds a Markdown body from real sentences: paragraphs of 2–6 sentences, in some documents
 * numbered sections (`## 一、…`, `### （一）…`) and bold run-in heads (`**1、…。**`), with the
 * mention sentences spread through it. The translation has one English block per block.
 */
export function composeBody(plan: BodyPlan, pools: SentencePools, random: Random): ComposedBody {
  const sentences = pools.sentences[plan.script];
  const headings = pools.headings[plan.script];
  const average = averageLength(sentences);
  const blocks: Block[] = [];
  const pending = [...plan.mentions];
  let length = 0;
  const push = (block: Block): void => {
    blocks.push(block);
    length += renderChinese(block).length + 2;
  };
  if (plan.salutation) {
    push({ kind: 'paragraph', text: plan.salutation, sentences: 1, runIn: 0, salutation: true, mention: false });
  }
  const sectioned = random.chance(0.6);
  let section = 0;
  let subsection = 0;
  let subsectionsLeft = 0;
  let paragraphsLeft = sectioned ? random.int(1, 3) : Infinity;
  let runIn = 0;
  while (length < plan.target || pending.length > 0) {
    if (paragraphsLeft === 0) {
      if (subsectionsLeft === 0) {
        section += 1;
        push({ kind: 'heading', depth: 2, number: section, text: random.pick(headings) });
        subsection = 0;
        subsectionsLeft = random.chance(0.35) ? random.int(2, 5) : 0;
      }
      if (subsectionsLeft > 0) {
        subsection += 1;
        subsectionsLeft -= 1;
        push({ kind: 'heading', depth: 3, number: subsection, text: `${random.pick(headings)}。` });
        paragraphsLeft = random.int(1, 4);
      } else paragraphsLeft = random.int(2, 6);
      runIn = random.chance(0.2) ? 1 : 0;
    } else if (!sectioned) {
      // Without sections, run-in heads come in short numbered streaks.
      if (runIn === 0 && random.chance(0.03)) runIn = 1;
      else if (runIn > 0 && random.chance(0.25)) runIn = 0;
    }
    const remaining = plan.target - length;
    const count = Math.min(random.int(2, 6), Math.max(2, Math.ceil(remaining / average)));
    const parts: string[] = [];
    let mention = false;
    for (let k = 0; k < count; k += 1) {
      const slotsLeft = Math.max(1, (plan.target - length) / average - k);
      if (pending.length > 0 && (length >= plan.target || random.next() < pending.length / slotsLeft)) {
        parts.push(pending.shift()!);
        mention = true;
      } else parts.push(pickFresh(random, sentences, parts));
    }
    const last = parts.length - 1;
    parts[last] = parts[last]!.replace(/；$/, '。');
    const head = runIn > 0 ? `**${runIn}、${random.pick(headings)}。**` : '';
    push({ kind: 'paragraph', text: head + parts.join(''), sentences: count, runIn, salutation: false, mention });
    if (runIn > 0) runIn += 1;
    paragraphsLeft -= 1;
  }
  // A safety net for the upper bound: drop trailing paragraphs that name nobody.
  while (length > MAX_BODY_LENGTH && blocks.length > 1) {
    const block = blocks[blocks.length - 1]!;
    if (block.kind === 'paragraph' && block.mention) break;
    blocks.pop();
    length -= renderChinese(block).length + 2;
  }
  const body = `${blocks.map(renderChinese).join('\n\n')}\n`;
  if (!plan.translate) return { body };
  const translation = blocks.map((block) => renderEnglish(block, pools, random)).join('\n\n');
  return { body, translation: `${translation}\n` };
}

/** A sentence not yet in `taken`, if a few draws find one: a paragraph does not repeat itself. */
function pickFresh(random: Random, sentences: readonly string[], taken: readonly string[]): string {
  let sentence = random.pick(sentences);
  for (let attempt = 0; attempt < 4 && taken.includes(sentence); attempt += 1) sentence = random.pick(sentences);
  return sentence;
}

function renderChinese(block: Block): string {
  if (block.kind === 'paragraph') return block.text;
  const numeral = formatChineseNumeral(block.number);
  return block.depth === 2 ? `## ${numeral}、${block.text}` : `### （${numeral}）${block.text}`;
}

function renderEnglish(block: Block, pools: SentencePools, random: Random): string {
  if (block.kind === 'heading') {
    const text = random.pick(pools.englishHeadings);
    return block.depth === 2 ? `## ${formatRomanNumeral(block.number)}. ${text}` : `### (${block.number}) ${text}`;
  }
  if (block.salutation) return ENGLISH_PHRASES.salutation;
  const sentences: string[] = [];
  for (let i = 0; i < block.sentences; i += 1) sentences.push(pickFresh(random, pools.english, sentences));
  const head = block.runIn > 0 ? `**${block.runIn}. ${random.pick(pools.englishHeadings)}.** ` : '';
  return head + sentences.join(' ');
}
