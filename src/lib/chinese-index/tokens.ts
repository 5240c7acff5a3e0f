// The words of the Chinese search index. Chinese is written without spaces and no segmenter
// agrees with every reader on where words end, so the index holds every character and every
// pair of neighbouring characters of each run of Han characters; a query of one character
// looks up the character, a longer one the pairs it is made of, and a document holding them
// all is a candidate that the search page then checks for the phrase itself. Runs of Latin
// letters and digits (SASAC, 2014) are words of their own, in lower case.
//
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

/** Text as tokens are read from it: compatibility forms folded (ｓａｓａｃ, ２０１４, 﨑), lower case. */
export function normaliseForTokens(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The weighted counts of a document's tokens. */
export class TokenCounts {
  /** Han tokens by number (`hanToken`). */
  readonly han = new Map<number, number>();
  /** Latin words and numbers. */
  readonly words = new Map<string, number>();

  /**
   * Adds the tokens of `text`, each occurrence counting `weight` (a title's words weigh more
   * than the body's), and returns how many characters and words it read.
   */
  add(text: string, weight = 1): number {
    const normal = normaliseForTokens(text);
    const { han, words } = this;
    let length = 0;
    let previous = -1; // the slot of the Han character before, if the run goes on
    let wordStart = -1;
    for (let i = 0; i <= normal.length; i += 1) {
      const code = i < normal.length ? normal.charCodeAt(i) : 0;
      const slot = hanSlot(code);
      if (wordStart >= 0 && !isWordUnit(code)) {
        const word = normal.slice(wordStart, i);
        words.set(word, (words.get(word) ?? 0) + weight);
        length += 1;
        wordStart = -1;
      }
      if (slot >= 0) {
        han.set(slot, (han.get(slot) ?? 0) + weight);
        if (previous >= 0) {
          const pair = (previous + 1) * SLOTS + slot;
          han.set(pair, (han.get(pair) ?? 0) + weight);
        }
        length += 1;
      } else if (wordStart < 0 && isWordUnit(code)) {
        wordStart = i;
      }
      previous = slot;
    }
    return length;
  }

  /** Every token with its count, as strings. */
  *entries(): Generator<[string, number]> {
    for (const [key, count] of this.han) yield [hanToken(key), count];
    yield* this.words;
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
 * Latin word; for each Han run, the character alone or pairs covering the run. Every pair is
 * not needed: pairs at every other position (and the last) cover each character, and the page
 * checks the phrase itself, so 剥离企业办社会职能 loads five pairs' postings instead of eight.
 */
export function queryTokens(query: string): string[] {
  const tokens: string[] = [];
  eachRun(normaliseForTokens(query), (run, han) => {
    if (!han) return tokens.push(run);
    if (run.length === 1) return tokens.push(run);
    for (let i = 0; i + 1 < run.length; i += 2) tokens.push(run.slice(i, i + 2));
    if (run.length % 2 === 1) tokens.push(run.slice(-2));
  });
  return [...new Set(tokens)];
}
