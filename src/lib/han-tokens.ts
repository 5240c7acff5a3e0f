// Chinese text as the search index holds it: each run of Han characters becomes its overlapping
// character pairs (and a marker for its last character), each written as an ASCII token such as
// `hq0fk1a2`. Pagefind's own Chinese segmentation cuts the same phrase differently in different
// sentences, and its query segmenter splits unfamiliar pairs back into characters; opaque ASCII
// tokens are matched exactly, so a query's pairs find the documents that contain them all —
// nearly the exact-phrase set — and one character finds every pair starting with it (Pagefind
// matches the last query word as a prefix).

const PREFIX = 'hq';
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const CJK_PUNCTUATION = /[\u2014\u2018-\u201f\u2026\u3000-\u303f\uff00-\uffef]/;
const TOKEN = /^hq([0-9a-z]{3})([0-9a-z]{3})?$/;

function encodeChar(char: string): string {
  const code = char.codePointAt(0)!;
  const n = code >= 0xf900 ? 27648 + (code - 0xf900) : code - 0x3400;
  return n.toString(36).padStart(3, '0');
}

function decodeChar(code: string): string {
  const n = parseInt(code, 36);
  return String.fromCodePoint(n >= 27648 ? 0xf900 + (n - 27648) : 0x3400 + n);
}

/** Splits text into runs of Han characters, single CJK punctuation marks, and other words. */
function segment(text: string): { han: boolean; text: string }[] {
  const parts: { han: boolean; text: string }[] = [];
  let run = '';
  let other = '';
  const flush = () => {
    if (run) parts.push({ han: true, text: run });
    for (const word of other.split(/\s+/)) if (word) parts.push({ han: false, text: word });
    run = '';
    other = '';
  };
  for (const char of text) {
    if (HAN.test(char)) {
      if (other) flush();
      run += char;
    } else if (CJK_PUNCTUATION.test(char)) {
      flush();
      parts.push({ han: false, text: char });
    } else {
      if (run) flush();
      other += char;
    }
  }
  flush();
  return parts;
}

/**
 * Encodes text for the Chinese index (`withTail`: also mark each run's last character, so a
 * one-character query finds it) or for a query (no tail: pairs only, all required).
 */
export function encodeHanTokens(text: string, withTail = true): string {
  const tokens: string[] = [];
  for (const part of segment(text)) {
    if (!part.han) {
      tokens.push(part.text);
      continue;
    }
    const chars = [...part.text].map(encodeChar);
    if (chars.length === 1) {
      tokens.push(PREFIX + chars[0]);
      continue;
    }
    for (let i = 0; i + 1 < chars.length; i += 1) tokens.push(PREFIX + chars[i] + chars[i + 1]);
    if (withTail) tokens.push(PREFIX + chars[chars.length - 1]);
  }
  return tokens.join(' ');
}

/** True for a word of the index that stands for Han characters (a pair, or a run's last character). */
export function isHanToken(word: string): boolean {
  return TOKEN.test(word);
}

/** Text decoded from index tokens, with the token (word) index each character came from. */
export interface DecodedText {
  text: string;
  wordAt: number[];
}

/** Decodes the words of an index record back into readable text (Chinese without spaces). */
export function decodeHanTokens(words: readonly string[]): DecodedText {
  let text = '';
  const wordAt: number[] = [];
  let runLast: string | undefined;
  const append = (chars: string, word: number) => {
    text += chars;
    for (let i = 0; i < [...chars].length; i += 1) wordAt.push(word);
  };
  words.forEach((word, index) => {
    const match = TOKEN.exec(word);
    if (match) {
      const first = decodeChar(match[1]!);
      if (match[2]) {
        const second = decodeChar(match[2]);
        if (runLast === first) append(second, index);
        else append(first + second, index);
        runLast = second;
      } else if (runLast === first) {
        runLast = undefined; // the tail marker of the run just read
      } else {
        append(first, index);
        runLast = undefined;
      }
      return;
    }
    runLast = undefined;
    // Spaces only between two non-Chinese words: Chinese text runs on.
    if (!CJK_PUNCTUATION.test(word) && /[0-9A-Za-z]$/.test(text) && /^[0-9A-Za-z]/.test(word)) append(' ', index);
    append(word, index);
  });
  return { text, wordAt };
}
