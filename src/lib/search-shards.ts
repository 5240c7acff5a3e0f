// The search index in shards. Pagefind holds every word of an index in memory until it writes
// it (about 1.7 GB per 1,000 synthetic documents of 4,400 Chinese characters, measured), so a
// large archive's Chinese index is made as several bundles, one Pagefind run each, which the
// build then merges into one (src/cli/merge-search-shards.ts): the search page loads one index,
// whatever the number of shards. The English index is a tenth of the size and is made whole.
// Documents are dealt to the shards in date order, like cards, so the merged index lists them
// in date order again (`dealtOrder`).

/**
 * Characters of text per shard unless ARCHIVE_SEARCH_SHARD_CHARS says otherwise. Measured at
 * 10,000 documents (86 million characters): 2 million per shard made 23 shards and a 4.7 GB
 * peak for the whole build; 8 million made 6 shards and a 7.8 GB peak (two Pagefind runs of
 * about 2.5 GB at once). The default was chosen when the browser merged the shards (23 shards:
 * 1.6 MB for a cold query, 6: 742 KB); the build merges them now, so the number of shards no
 * longer changes what a query loads, only the build's memory and time (not yet measured again).
 */
export const DEFAULT_SHARD_CHARACTERS = 8_000_000;

/** The shard budget from the environment, or the default. */
export function readShardBudget(env: Record<string, string | undefined>): number {
  const value = Number(env.ARCHIVE_SEARCH_SHARD_CHARS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_SHARD_CHARACTERS;
}

/**
 * Splits documents into as few shards as keep each under `budget` characters of text, dealing
 * them round-robin in order of date (then id): document n of that order goes to shard n mod k.
 */
export function planSearchShards<T extends { id: string; date: string; body: string }>(
  documents: readonly T[],
  budget: number,
): T[][] {
  const characters = documents.reduce((sum, doc) => sum + doc.body.length, 0);
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
