// The English search index in parts. Pagefind holds every word of an index in memory until it
// writes it, so each Pagefind run indexes a part of at most `DEFAULT_PART_CHARACTERS`
// (weighed with `englishWeight`), and the parts are merged into one index at build time
// (src/cli/merge-search-parts.ts). Documents are dealt to parts round-robin in date order,
// like cards, and the merged index lists them in date order again (`dealtOrder`). The Chinese
// index is our own and is cut into parts of consecutive pages instead
// (src/cli/write-chinese-index.ts), with the same budget.

/**
 * Splits documents into as few parts as keep each under `budget` characters of text (by
 * `weight`), dealing them round-robin in order of date (then id): document n of that order
 * goes to part n mod k.
 */
export function dealSearchParts<T extends { id: string; date: string; characters: number }>(
  documents: readonly T[],
  budget: number,
  weight: (doc: T) => number = (doc) => doc.characters,
): T[][] {
  const characters = documents.reduce((sum, doc) => sum + weight(doc), 0);
  const count = Math.max(1, Math.min(documents.length, Math.ceil(characters / budget)));
  const ordered = [...documents].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const shards: T[][] = Array.from({ length: count }, () => []);
  ordered.forEach((doc, n) => shards[n % count]!.push(doc));
  return shards;
}

/** The folder of part `part` of the English index while it is built; merged into `pagefind/` after. */
export function englishPartFolder(part: number): string {
  return `pagefind-en-${part}`;
}

/**
 * Characters of text per part unless ARCHIVE_INDEX_PART_CHARS says otherwise: per Pagefind run
 * of the English index (so that no Pagefind process holds more than this), and per part of
 * the Chinese index (what a rebuild after one edit indexes again).
 */
export const DEFAULT_PART_CHARACTERS = 2_000_000;

/** The part budget from the environment, or the default. */
export function readPartBudget(env: Record<string, string | undefined>): number {
  const value = Number(env.ARCHIVE_INDEX_PART_CHARS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_PART_CHARACTERS;
}

/**
 * What a document's English record weighs against the part budget: its translation's bytes
 * and about 1,000 characters of titles, summary and names, over 4: Pagefind needs a fifth to a
 * quarter of the memory per character of English that it needs per Chinese character (measured
 * at 10,000 documents: 1.8 GB for about 31 million characters of English, 2.5 GB for 8 million
 * Chinese characters).
 */
export function englishWeight(translationBytes: number): number {
  return (1_000 + translationBytes) / 4;
}

/**
 * The pages of parts of these sizes, as dealt by `dealSearchParts`, in the order they were
 * dealt (date order): (part, page) for document n is (n mod k, n div k).
 */
export function dealtOrder(sizes: readonly number[]): [number, number][] {
  const order: [number, number][] = [];
  const longest = Math.max(0, ...sizes);
  for (let page = 0; page < longest; page += 1) {
    sizes.forEach((size, shard) => {
      if (page < size) order.push([shard, page]);
    });
  }
  return order;
}
