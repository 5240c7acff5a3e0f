import * as OpenCC from 'opencc-js';

// Standard OpenCC characters ("t") on the traditional side: the seed texts are not Taiwan- or
// Hong Kong-specific, and phrase-level regional variants would change more than the script.
const toSimplifiedConverter = OpenCC.Converter({ from: 't', to: 'cn' });
const toTraditionalConverter = OpenCC.Converter({ from: 'cn', to: 't' });

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
