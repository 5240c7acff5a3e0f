// The search index in shards, at two levels. Pagefind holds every word of an index in memory
// until it writes it (about 310 bytes per Chinese character), so each Pagefind run indexes a
// part of at most `DEFAULT_PART_CHARACTERS`. Pagefind's search costs time in proportion to
// results × postings of each index it searches, so the parts are merged at build time into
// search shards of `DEFAULT_SHARD_CHARACTERS` (src/cli/merge-search-shards.ts), which the
// search page merges at query time (`mergeIndex`): small parts bound the build's memory, and a
// few shards keep queries both fast and small. Documents are dealt to shards, and within each
// shard to parts, round-robin in date order, like cards, so each shard samples the whole
// archive (ranking statistics stay comparable) and its merged index lists them in date order
// again (`dealtOrder`). The English index is merged into one.

/**
 * Characters of text per search shard unless ARCHIVE_SEARCH_SHARD_CHARS says otherwise: what a
 * query searches at once. See docs/architecture.md ("Search shards") for the measurements.
 */
export const DEFAULT_SHARD_CHARACTERS = 16_000_000;

/** What the search page reads from `pagefind/shards.json`: the other Chinese shards to merge, from the site root. */
export interface ShardManifest {
  zh: string[];
}

/** The shard budget from the environment, or the default. */
export function readShardBudget(env: Record<string, string | undefined>): number {
  const value = Number(env.ARCHIVE_SEARCH_SHARD_CHARS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_SHARD_CHARACTERS;
}

/**
 * Splits documents into as few shards as keep each under `budget` characters of text, dealing
 * them round-robin in order of date (then id): document n of that order goes to shard n mod k.
 */
export function planSearchShards<T extends { id: string; date: string; characters: number }>(
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

/** The folder of shard `index` in the built site: `pagefind` for the first, then `pagefind-1`, … */
export function shardFolder(index: number): string {
  return index === 0 ? 'pagefind' : `pagefind-${index}`;
}

/** The folder of part `part` of Chinese search shard `shard` while the index is built. */
export function searchPartFolder(shard: number, part: number): string {
  return `pagefind-zh-${shard}-${part}`;
}

/** The folder of part `part` of the English index while it is built; merged into `pagefind/` after. */
export function englishPartFolder(part: number): string {
  return `pagefind-en-${part}`;
}

/**
 * Characters of text per Pagefind run unless ARCHIVE_INDEX_PART_CHARS says otherwise: the
 * parts of a search shard are indexed one run each and merged, so that no Pagefind process
 * holds more than this (about 310 bytes per Chinese character while it indexes).
 */
export const DEFAULT_PART_CHARACTERS = 2_000_000;

/** The part budget from the environment, or the default. */
export function readPartBudget(env: Record<string, string | undefined>): number {
  const value = Number(env.ARCHIVE_INDEX_PART_CHARS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_PART_CHARACTERS;
}

/**
 * What a document's English record weighs against the Chinese budget: its translation's bytes
 * and about 1,000 characters of titles, summary and names, over 4: Pagefind needs a fifth to a
 * quarter of the memory per character of English that it needs per Chinese character (measured
 * at 10,000 documents: 1.8 GB for about 31 million characters of English, 2.5 GB for a shard of
 * 8 million Chinese characters).
 */
export function englishWeight(translationBytes: number): number {
  return (1_000 + translationBytes) / 4;
}

/**
 * The pages of shards of these sizes, as dealt by `planSearchShards`, in the order they were
 * dealt (date order): (shard, page) for document n is (n mod k, n div k).
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
