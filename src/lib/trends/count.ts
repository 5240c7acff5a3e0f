// Exact occurrences of a phrase in a text's units (src/lib/trends/units.ts).
//
// Overlapping occurrences each count: an occurrence is a place where the phrase starts, so
// 三三三 holds 三三 twice (at its first and its second character), as a reader scanning the
// text for the phrase would find it at each place. The index (src/lib/trends/trend-index.ts)
// counts the same way: the phrase's first pair at a position, and every other pair the phrase
// needs at its place after it.
import { listUnits, type TextUnits, type TrendLanguage } from './units.ts';

/** The unit indexes at which `phrase` (folded units) starts in `units`, overlapping ones included. */
export function findPhrase(units: readonly string[], phrase: readonly string[]): number[] {
  const found: number[] = [];
  if (phrase.length === 0) return found;
  const first = phrase[0];
  outer: for (let i = 0; i + phrase.length <= units.length; i += 1) {
    if (units[i] !== first) continue;
    for (let j = 1; j < phrase.length; j += 1) if (units[i + j] !== phrase[j]) continue outer;
    found.push(i);
  }
  return found;
}

/** Where in a text a phrase occurs: `[start, end)` UTF-16 offsets of each occurrence. */
export function locatePhrase(text: string, phrase: readonly string[], lang: TrendLanguage): [number, number][] {
  const units: TextUnits = listUnits(text, lang);
  return findPhrase(units.values, phrase).map((i) => [units.starts[i]!, units.ends[i + phrase.length - 1]!]);
}

/** How many times a phrase occurs in a text (overlapping occurrences each count). */
export function countPhrase(text: string, phrase: readonly string[], lang: TrendLanguage): number {
  return findPhrase(listUnits(text, lang).values, phrase).length;
}
