import { closest, distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `input` when it is close enough to be a likely typo
 * (at most a third of the input's length, and at least 2 edits allowed), else undefined.
 */
export function suggest(input: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  if (list.length === 0 || input.length === 0) return undefined;
  const lower = input.toLowerCase();
  const caseMatch = list.find((candidate) => candidate.toLowerCase() === lower);
  if (caseMatch) return caseMatch;
  const best = closest(lower, list);
  return distance(lower, best.toLowerCase()) <= Math.max(2, Math.floor(input.length / 3)) ? best : undefined;
}

/** `; did you mean "x"?` when there is a likely candidate, else an empty string. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const hint = suggest(input, candidates);
  return hint ? `; did you mean "${hint}"?` : '';
}
