// The search index in shards. Pagefind holds every word of an index in memory until it writes
// it (about 1.7 GB per 1,000 synthetic documents of 4,400 Chinese characters, measured), so a
// large archive's Chinese index is made as several bundles, one Pagefind run each, that the
// search page merges at query time (`mergeIndex`). The English index is a tenth of the size
// and stays whole in the first bundle: a shard that lacks one word of a query answers with the
// pages holding the others, which the Chinese search page filters out by phrase and the
// English one could not. Documents are dealt to the shards in date order, like
// cards, so every shard is a sample of the whole archive: ranking statistics stay comparable,
// and a date-sorted search stays in order after the merge (see `shardWeight`).

/**
 * Characters of text per shard unless ARCHIVE_SEARCH_SHARD_CHARS says otherwise. Measured at
 * 10,000 documents (86 million characters): 2 million per shard made 23 shards, a 4.7 GB peak
 * for the whole build and a cold Chinese query of 1.6 MB (each shard adds its own index chunks
 * for every query word); 8 million made 6 shards, a 7.8 GB peak (two Pagefind runs of about
 * 2.5 GB at once) and a cold query of 742 KB, about what one unsharded index costs. Readers
 * feel the query on every search; the build has memory to spare below the unsharded 10+ GB.
 */
export const DEFAULT_SHARD_CHARACTERS = 8_000_000;

/** What the search page reads from `pagefind/shards.json`. */
export interface ShardManifest {
  /** For each site language, the bundles to merge into the first (`pagefind/`), relative to the site root. */
  merge: Partial<Record<'zh' | 'en', { path: string; weight: number }[]>>;
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
): T[][] {
  const characters = documents.reduce((sum, doc) => sum + doc.characters, 0);
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
 * The score weight of shard `index` when merged. With a date sort, Pagefind scores a result by
 * its position in its own shard's date order (0, 1, 2, … oldest first; negated for oldest
 * first), and the merge orders all results by score, keeping shard order among equal scores.
 * Dealt round-robin, position p in shard i is position p·k + i overall, so a weight that grows
 * with i by less than one position in total puts equal positions in the right order (newest
 * first: higher shards first). Position 0 would score 0 whatever the weight, so every shard
 * starts with an anchor record (`SHARD_ANCHOR_DATE`) that no search finds. Relevance scores
 * move by less than a part in 4·n.
 */
export function shardWeight(index: number, documents: number): number {
  return 1 + index / (4 * Math.max(1, documents));
}

/** The sort date of each shard's anchor record: older than any document. */
export const SHARD_ANCHOR_DATE = '0000-00-00';

/** The anchor's only word: Pagefind leaves a record without words out of the sort order. */
export const SHARD_ANCHOR_WORD = 'pagefindshardanchor';

/** The manifest for a Chinese index in `count` shards of `documents` documents in all. */
export function shardManifest(count: number, documents: number): ShardManifest {
  return {
    merge: {
      zh: Array.from({ length: count - 1 }, (_, i) => ({
        path: `${shardFolder(i + 1)}/`,
        weight: shardWeight(i + 1, documents),
      })),
    },
  };
}
