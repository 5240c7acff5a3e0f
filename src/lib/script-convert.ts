import * as OpenCC from 'opencc-js';

// Taiwan character forms ("tw", characters only, no phrase rewriting): the traditional seed texts
// use them (群, 為, 裡 rather than OpenCC's standard 羣, 爲, 裏), and so do most readers of
// traditional script. Reading from "tw" also folds its variants back to simplified.
const toSimplifiedConverter = OpenCC.Converter({ from: 'tw', to: 'cn' });
const toTraditionalConverter = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** Converts Chinese text to simplified characters (OpenCC, phrase-aware). */
export function toSimplified(text: string): string {
  return toSimplifiedConverter(text);
}

/** Converts Chinese text to traditional characters (OpenCC, phrase-aware). */
export function toTraditional(text: string): string {
  return toTraditionalConverter(text);
}

/** The distinct forms of a Chinese term in both scripts, the original first. */
export function listScriptForms(term: string): string[] {
  return [...new Set([term, toSimplified(term), toTraditional(term)])];
}

/**
 * Every Han character (basic block and extension A) that OpenCC turns into a different single
 * simplified character, as a string of pairs: "國国資资…". The search page converts queries
 * with it (about 3,200 pairs, 19 KB; characters of the BMP only, as the index holds), instead of shipping OpenCC's dictionaries to browsers.
 */
export function listTraditionalToSimplifiedPairs(): string {
  const pairs: string[] = [];
  for (let code = 0x3400; code <= 0x9fff; code += 1) {
    if (code > 0x4dbf && code < 0x4e00) continue;
    const char = String.fromCodePoint(code);
    const simplified = toSimplifiedConverter(char);
    if (simplified !== char && simplified.length === 1) pairs.push(char + simplified);
  }
  return pairs.join('');
}

let characterTable: Uint16Array | undefined;

/**
 * Converts traditional characters to simplified one character at a time, with the pairs of
 * `listTraditionalToSimplifiedPairs`: exactly what the search page does to a query, so that
 * the Chinese index, built with it, agrees with every query. Fast (a table lookup per
 * character), unlike OpenCC's phrase-aware conversion.
 */
export function simplifyCharacters(text: string): string {
  if (!characterTable) {
    characterTable = new Uint16Array(0x10000);
    // Code points, not UTF-16 units: a few simplified forms lie outside the BMP (and stay unmapped
    // here, as every Han character outside the BMP is not indexed).
    const pairs = [...listTraditionalToSimplifiedPairs()];
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const [from, to] = [pairs[i]!, pairs[i + 1]!];
      if (from.length === 1 && to.length === 1) characterTable[from.charCodeAt(0)] = to.charCodeAt(0);
    }
  }
  const table = characterTable;
  let out = '';
  let done = 0;
  for (let i = 0; i < text.length; i += 1) {
    const mapped = table[text.charCodeAt(i)]!;
    if (mapped === 0) continue;
    out += text.slice(done, i) + String.fromCharCode(mapped);
    done = i + 1;
  }
  return done === 0 ? text : out + text.slice(done);
}
