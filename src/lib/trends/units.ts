// The units a phrase is counted in. Chinese: every character that is not whitespace, so a
// phrase split across a line break (or a space) in the source still matches once, while
// punctuation between two words keeps them apart. English: every word (a run of Latin letters,
// digits and apostrophes), so `state-owned enterprises` is the three words state, owned,
// enterprises wherever the hyphen or the line breaks. Each unit keeps where it is in the text,
// so that a match can be marked in the text it was found in.
//
// Units are compared in a folded form: Unicode compatibility forms (ＳＡＳＡＣ, ２０１４, 﨑)
// to their ordinary ones and letters to lower case. Scripts are folded before this, on the
// whole text (`foldChineseText` in fold.ts, kept apart so that the page's script does not
// carry OpenCC), since OpenCC's conversion reads phrases.

/** The two ways a text is cut into units: Chinese characters or English words. */
export type TrendLanguage = 'zh' | 'en';

/** A text's units, in order, with where each lies in the text. */
export interface TextUnits {
  /** Each unit, folded. */
  values: string[];
  /** Where each unit starts in the text (UTF-16 offset). */
  starts: number[];
  /** Where each unit ends. */
  ends: number[];
}

const WHITESPACE = /\s/u;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

function foldUnit(unit: string): string {
  return unit.normalize('NFKC').toLowerCase();
}

/** Cuts `text` into units of `lang` (see the top of this file). */
export function listUnits(text: string, lang: TrendLanguage): TextUnits {
  const units: TextUnits = { values: [], starts: [], ends: [] };
  if (lang === 'en') {
    for (const match of text.matchAll(WORD)) {
      units.values.push(foldUnit(match[0]).replace(/’/g, "'"));
      units.starts.push(match.index);
      units.ends.push(match.index + match[0].length);
    }
    return units;
  }
  for (let i = 0; i < text.length;) {
    const code = text.codePointAt(i)!;
    // Most of a Chinese text: Han characters of the main block, which fold to themselves.
    if (code >= 0x4e00 && code <= 0x9fff) {
      units.values.push(text[i]!);
      units.starts.push(i);
      units.ends.push(i + 1);
      i += 1;
      continue;
    }
    const width = code > 0xffff ? 2 : 1;
    const char = text.slice(i, i + width);
    if (!WHITESPACE.test(char)) {
      units.values.push(foldUnit(char));
      units.starts.push(i);
      units.ends.push(i + width);
    }
    i += width;
  }
  return units;
}

/** The folded units of a phrase as a reader typed it (scripts already folded). */
export function listPhraseUnits(phrase: string, lang: TrendLanguage): string[] {
  return listUnits(phrase, lang).values;
}
