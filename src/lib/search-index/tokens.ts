// The words of the search indexes, one tokeniser for both languages. Chinese is written without
// spaces and no segmenter agrees with every reader on where words end, so the index holds every
// character and every pair of neighbouring characters of each run of Han characters; a query of
// one character looks up the character, a longer one the pairs it is made of, and a document
// holding them all is a candidate that the search page then checks for the phrase itself. Runs
// of Latin letters and digits (SASAC, 2014, functions) are words, in lower case and stemmed
// (Porter's stemmer: functions and function are one word), in both indexes.
//
import { stemmer } from 'stemmer';

// While a document is read, a Han token is a number (its characters' places in the Han blocks)
// rather than a string: counting millions of them is then a matter of small integers in a Map.

/** Places of Han characters: U+3400–U+4DBF, U+4E00–U+9FFF, then U+F900–U+FAFF. */
const SLOTS = 0x8000;

/** A Han character's place (see `SLOTS`), or -1 for any other UTF-16 unit. */
function hanSlot(code: number): number {
  if (code >= 0x4e00 && code <= 0x9fff) return code - 0x3400;
  if (code >= 0x3400 && code <= 0x4dbf) return code - 0x3400;
  if (code >= 0xf900 && code <= 0xfaff) return 0x6c00 + code - 0xf900;
  return -1;
}

function slotChar(slot: number): string {
  return String.fromCharCode(slot >= 0x6c00 ? 0xf900 + slot - 0x6c00 : 0x3400 + slot);
}

/** The token a number stands for: a character (below `SLOTS`) or a pair of them. */
export function hanToken(key: number): string {
  return key < SLOTS ? slotChar(key) : slotChar(Math.floor(key / SLOTS) - 1) + slotChar(key % SLOTS);
}

const isWordUnit = (code: number) => (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a);

/** The index's form of a Latin word (already in lower case): its stem; numbers as they are. */
export function wordToken(word: string): string {
  return /^[a-z]/.test(word) ? stemmer(word) : word;
}

/** Text as tokens are read from it: compatibility forms folded (ｓａｓａｃ, ２０１４, 﨑), lower case. */
export function normaliseForTokens(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** What receives a text's tokens as they are read (`readTokens`). */
export interface TokenSink {
  /** A Han character or pair (`hanToken` says which), occurring with weight `weight`. */
  han(key: number, weight: number): void;
  /** A Latin word or number. */
  word(word: string, weight: number): void;
}

/**
 * Reads the tokens of `text` into `sink`, each occurrence weighing `weight` (a title's words
 * weigh more than the body's), and returns how many characters and words it read.
 */
export function readTokens(text: string, weight: number, sink: TokenSink): number {
  const normal = normaliseForTokens(text);
  let length = 0;
  let previous = -1; // the slot of the Han character before, if the run goes on
  let wordStart = -1;
  for (let i = 0; i <= normal.length; i += 1) {
    const code = i < normal.length ? normal.charCodeAt(i) : 0;
    const slot = hanSlot(code);
    if (wordStart >= 0 && !isWordUnit(code)) {
      sink.word(wordToken(normal.slice(wordStart, i)), weight);
      length += 1;
      wordStart = -1;
    }
    if (slot >= 0) {
      sink.han(slot, weight);
      if (previous >= 0) sink.han((previous + 1) * SLOTS + slot, weight);
      length += 1;
    } else if (wordStart < 0 && isWordUnit(code)) {
      wordStart = i;
    }
    previous = slot;
  }
  return length;
}

/** The weighted counts of a text's tokens, in Maps: a sink for reading one document. */
export class TokenCounts implements TokenSink {
  /** Han tokens by number (`hanToken`). */
  readonly hanCounts = new Map<number, number>();
  /** Latin words and numbers. */
  readonly wordCounts = new Map<string, number>();

  han(key: number, weight: number): void {
    this.hanCounts.set(key, (this.hanCounts.get(key) ?? 0) + weight);
  }

  word(word: string, weight: number): void {
    this.wordCounts.set(word, (this.wordCounts.get(word) ?? 0) + weight);
  }

  /** Adds the tokens of `text` (see `readTokens`) and returns its length. */
  add(text: string, weight = 1): number {
    return readTokens(text, weight, this);
  }

  /** Every token with its count, as strings. */
  *entries(): Generator<[string, number]> {
    for (const [key, count] of this.hanCounts) yield [hanToken(key), count];
    yield* this.wordCounts;
  }
}

/** Calls `emit` for each run of Han characters and each Latin word of already normalised text. */
function eachRun(text: string, emit: (run: string, han: boolean) => void): void {
  let start = 0;
  let kind = 0; // 0: neither, 1: Han, 2: word
  for (let i = 0; i <= text.length; i += 1) {
    const code = i < text.length ? text.charCodeAt(i) : 0;
    const next = hanSlot(code) >= 0 ? 1 : isWordUnit(code) ? 2 : 0;
    if (next === kind) continue;
    if (kind !== 0) emit(text.slice(start, i), kind === 1);
    start = i;
    kind = next;
  }
}

/**
 * The tokens a document must hold to match a query (already in simplified characters): each
 * Latin word (stemmed); for each Han run, the character alone or every pair of neighbouring
 * characters. Pairs at every other position would cover each character with fewer files, but
 * measured at 10,000 documents, 剥离企业办社会职能 then had 7,638 candidates of which the first
 * 29 had to be fetched to find 10 holding the phrase (99 KB); every pair narrows the candidates
 * for three more small bucket files.
 */
export function queryTokens(query: string): string[] {
  const tokens: string[] = [];
  eachRun(normaliseForTokens(query), (run, han) => {
    if (!han) return tokens.push(wordToken(run));
    if (run.length === 1) return tokens.push(run);
    for (let i = 0; i + 1 < run.length; i += 1) tokens.push(run.slice(i, i + 2));
  });
  return [...new Set(tokens)];
}
