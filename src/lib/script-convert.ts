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
