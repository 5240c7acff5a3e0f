// The words of the Chinese search index. Chinese is written without spaces and no segmenter
// agrees with every reader on where words end, so the index holds every character and every
// pair of neighbouring characters of each run of Han characters; a query of one character
// looks up the character, a longer one the pairs it is made of, and a document holding them
// all is a candidate that the search page then checks for the phrase itself. Runs of Latin
// letters and digits (SASAC, 2014) are words of their own, in lower case.

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const WORD_CHAR = /[0-9a-z]/;

/** Text as tokens are read from it: compatibility forms folded (ｓａｓａｃ, ２０１４, 﨑), lower case. */
export function normaliseForTokens(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Calls `emit` for each run of Han characters and each Latin word of already normalised text. */
function eachRun(text: string, emit: (run: string, han: boolean) => void): void {
  let run = '';
  let han = false;
  for (const char of text) {
    const isHan = HAN.test(char);
    const isWord = !isHan && WORD_CHAR.test(char);
    if ((isHan && han) || (isWord && !han && run)) {
      run += char;
      continue;
    }
    if (run) emit(run, han);
    run = isHan || isWord ? char : '';
    han = isHan;
  }
  if (run) emit(run, han);
}

/**
 * Adds the tokens of `text` to `counts`, each occurrence counting `weight` (a title's words
 * weigh more than the body's), and returns how many characters and words it read.
 */
export function addTokenCounts(counts: Map<string, number>, text: string, weight = 1): number {
  let length = 0;
  const add = (token: string) => counts.set(token, (counts.get(token) ?? 0) + weight);
  eachRun(normaliseForTokens(text), (run, han) => {
    if (!han) {
      add(run);
      length += 1;
      return;
    }
    const chars = [...run];
    length += chars.length;
    chars.forEach((char, i) => {
      add(char);
      if (i + 1 < chars.length) add(char + chars[i + 1]);
    });
  });
  return length;
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
    const chars = [...run];
    if (chars.length === 1) return tokens.push(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i += 2) tokens.push(chars[i]! + chars[i + 1]!);
    if (chars.length % 2 === 1) tokens.push(chars[chars.length - 2]! + chars[chars.length - 1]!);
  });
  return [...new Set(tokens)];
}
