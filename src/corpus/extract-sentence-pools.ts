import { splitFrontmatter } from '../lib/frontmatter.ts';
import { toSimplified, toTraditional } from '../lib/script-convert.ts';

/** The script of a Chinese text, as documents declare it. */
export type Script = 'zh-Hans' | 'zh-Hant';

/** Text taken from the real archive, ready to be recombined into synthetic documents. */
export interface SentencePools {
  /** Chinese sentences, ending in 。！？ or ；, in both scripts (same order in both lists). */
  sentences: Record<Script, string[]>;
  /** Short Chinese phrases fit for headings, without numbering or final punctuation. */
  headings: Record<Script, string[]>;
  /** English sentences from the real translations, free of editorial placeholders. */
  english: string[];
  /** Short English phrases fit for headings, without numbering or final punctuation. */
  englishHeadings: string[];
}

/** A source file: its name (`x.md` or `x.en.md`) and its whole text, frontmatter included. */
export interface SourceText {
  name: string;
  text: string;
}

// Anything that could change a block's kind or carry the source's damage and redaction
// (xx, X月X日, \*\*年, mojibake with "?") keeps a sentence out of the pools.
const UNFIT_CHINESE = /[A-Za-z?\\*#<>[\]`_|=\uFFFD]|锟/;
const UNFIT_ENGLISH = /[\\*#<>[\]`_|=\uFFFD]|\bxx\b|\bX\b|damaged/i;
// A line starting like this would turn a paragraph into a list, quote, heading or code block.
const BLOCK_START = /^(?:[-+*>#=]|\d+[.)](?:\s|$)|\s)/;
const RUN_IN_HEAD = /\*\*(.+?)\*\*/g;
const NUMBERING = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[、.]\s*)/;

/**
 * Splits the real documents into sentence pools. Chinese bodies are cut into sentences at
 * 。！？；; headings and bold run-in heads become heading phrases; English translations are
 * cut at sentence ends. Sentences carrying damage, redaction or Markdown syntax are left out.
 */
export function extractSentencePools(files: readonly SourceText[]): SentencePools {
  const chinese = new Set<string>();
  const chineseHeadings = new Set<string>();
  const english = new Set<string>();
  const englishHeadings = new Set<string>();
  for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const split = splitFrontmatter(file.text);
    if ('problem' in split) continue;
    const isEnglish = file.name.endsWith('.en.md');
    for (const line of split.body.split('\n')) {
      const heads: string[] = [];
      const text = line.replace(RUN_IN_HEAD, (_, head: string) => (heads.push(head), '')).trim();
      if (/^#{1,6}\s/.test(text)) heads.push(text.replace(/^#+\s+/, ''));
      else if (isEnglish) splitEnglish(text).forEach((s) => english.add(s));
      else splitChinese(text).forEach((s) => chinese.add(s));
      for (const head of heads.map(cleanHeading)) {
        if (isEnglish && head.length >= 8 && !UNFIT_ENGLISH.test(head)) englishHeadings.add(head);
        if (!isEnglish && head.length >= 6 && !UNFIT_CHINESE.test(head)) chineseHeadings.add(toSimplified(head));
      }
    }
  }
  for (const sentence of chinese) {
    // The first clause of a sentence reads like a heading: 进一步明确分工
    const clause = sentence.split(/[，,：:]/)[0]!.replace(/[。！？；]$/, '');
    if (clause.length >= 8 && clause.length <= 30) chineseHeadings.add(clause);
  }
  for (const sentence of english) {
    const words = sentence.split(/\s+/).length;
    if (words >= 4 && words <= 12) englishHeadings.add(sentence.replace(/[.!?;:]+["”’)]?$/, ''));
  }
  const simplified = [...chinese];
  const headings = [...chineseHeadings];
  return {
    sentences: { 'zh-Hans': simplified, 'zh-Hant': simplified.map(toTraditional) },
    headings: { 'zh-Hans': headings, 'zh-Hant': headings.map(toTraditional) },
    english: [...english],
    englishHeadings: [...englishHeadings],
  };
}

function cleanHeading(head: string): string {
  return head
    .trim()
    .replace(NUMBERING, '')
    .replace(/[。．.!?！？；;：:]+$/, '')
    .trim();
}

/** Chinese sentences of one line, in simplified script; fragments without an ending are dropped. */
function splitChinese(line: string): string[] {
  const pieces = line.match(/[^。！？；]+[。！？；]/g) ?? [];
  return pieces
    .map((piece) => toSimplified(piece.trim()))
    .filter((s) => s.length >= 10 && s.length <= 300 && !UNFIT_CHINESE.test(s) && !BLOCK_START.test(s));
}

/** English sentences of one line: split where an end mark is followed by a capital. */
function splitEnglish(line: string): string[] {
  return line
    .split(/(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[A-Z])/)
    .map((s) => s.trim())
    .filter(
      (s) =>
        s.length >= 20 &&
        /^["“‘(]?[A-Z]/.test(s) &&
        /[.!?]["”’)]?$/.test(s) &&
        !UNFIT_ENGLISH.test(s) &&
        !BLOCK_START.test(s),
    );
}
