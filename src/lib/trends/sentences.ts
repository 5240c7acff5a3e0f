// The sentences of a paragraph that hold a phrase, with the phrase marked: what the trends page
// shows for a year, and the directive pages for each use.
import { locatePhrase } from './count.ts';
import type { TrendLanguage } from './units.ts';

/** A sentence around one or more occurrences of a phrase; `marks` are offsets in `text`. */
export interface MarkedSentence {
  text: string;
  marks: [number, number][];
}

const SENTENCE_END = /[。！？!?；;]/;
const MAX_SIDE = 80;

/**
 * Each sentence of `paragraph` that holds `phrase` (folded units), once, with every occurrence
 * in it marked; a sentence ends at 。！？；!?; (and, in English, a full stop before a space).
 * Long sentences are cut to about 80 characters either side of their first occurrence.
 */
export function findPhraseSentences(
  paragraph: string,
  phrase: readonly string[],
  lang: TrendLanguage,
): MarkedSentence[] {
  const occurrences = locatePhrase(paragraph, phrase, lang);
  const sentences: MarkedSentence[] = [];
  let current: { from: number; to: number; marks: [number, number][] } | undefined;
  const isEnd = (i: number) =>
    SENTENCE_END.test(paragraph[i]!) || (lang === 'en' && paragraph[i] === '.' && /\s/.test(paragraph[i + 1] ?? ' '));
  for (const [start, end] of occurrences) {
    if (current && start < current.to) {
      current.marks.push([start, end]);
      continue;
    }
    if (current) sentences.push(cut(paragraph, current));
    let from = start;
    while (from > 0 && !isEnd(from - 1)) from -= 1;
    // The sentence runs on to its closing mark (included), or to the paragraph's end.
    let to = end;
    while (to < paragraph.length) {
      to += 1;
      if (isEnd(to - 1)) break;
    }
    current = { from, to, marks: [[start, end]] };
  }
  if (current) sentences.push(cut(paragraph, current));
  return sentences;
}

function cut(paragraph: string, sentence: { from: number; to: number; marks: [number, number][] }): MarkedSentence {
  let { from, to } = sentence;
  const first = sentence.marks[0]!;
  const last = sentence.marks[sentence.marks.length - 1]!;
  let prefix = '';
  let suffix = '';
  if (first[0] - from > MAX_SIDE) {
    from = first[0] - MAX_SIDE;
    prefix = '…';
  }
  if (to - last[1] > MAX_SIDE) {
    to = last[1] + MAX_SIDE;
    suffix = '…';
  }
  const leading = paragraph.slice(from, to).length - paragraph.slice(from, to).trimStart().length;
  const text = prefix + paragraph.slice(from + leading, to).trimEnd() + suffix;
  const shift = prefix.length - from - leading;
  return { text, marks: sentence.marks.map(([start, end]) => [start + shift, end + shift]) };
}
