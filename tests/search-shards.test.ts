import { describe, expect, test } from 'vitest';
import { planSearchShards, readShardBudget, shardManifest, shardWeight } from '../src/lib/search-shards.ts';

const doc = (id: string, date: string, characters: number) => ({ id, date, characters });

describe('search shards', () => {
  test('a small archive stays in one shard; a large one is split to keep each under the budget', () => {
    const docs = [doc('a', '2001', 400), doc('b', '2002', 400), doc('c', '2003', 400)];
    expect(planSearchShards(docs, 2_000)).toHaveLength(1);
    const shards = planSearchShards(docs, 500);
    expect(shards).toHaveLength(3);
    expect(
      shards
        .flat()
        .map((d) => d.id)
        .sort(),
    ).toEqual(['a', 'b', 'c']);
    // Never more shards than documents, however small the budget.
    expect(planSearchShards(docs, 1)).toHaveLength(3);
  });

  test('documents are dealt round-robin in date order, so each shard spans the whole period', () => {
    const docs = ['2005', '2001', '2004', '2002', '2006', '2003'].map((date) => doc(`d${date}`, date, 100));
    const shards = planSearchShards(docs, 300);
    expect(shards.map((shard) => shard.map((d) => d.date))).toEqual([
      ['2001', '2003', '2005'],
      ['2002', '2004', '2006'],
    ]);
  });

  // Pagefind scores a date-sorted result by its position in its own shard (newest first: the
  // position in oldest-first order; oldest first: minus it) and the merge sorts all results by
  // score times the shard's weight, keeping shard order among ties. This replays that merge,
  // with each shard's anchor record at position 0.
  test.each(['newest', 'oldest'] as const)('a merged %s-first search lists every document in date order', (order) => {
    const docs = Array.from({ length: 23 }, (_, n) => doc(`d${n}`, `20${String(n).padStart(2, '0')}`, 100));
    const shards = planSearchShards(docs, 500);
    expect(shards.length).toBe(5);
    const merged = shards
      .flatMap((shard, index) =>
        shard.map((d, position) => ({
          date: d.date,
          score: (order === 'newest' ? position + 1 : -(position + 1)) * shardWeight(index, docs.length),
        })),
      )
      .sort((a, b) => b.score - a.score)
      .map((result) => result.date);
    const expected = docs.map((d) => d.date).sort();
    expect(merged).toEqual(order === 'newest' ? expected.reverse() : expected);
  });

  test('the manifest names every Chinese shard after the first, with its weight; English stays whole', () => {
    expect(shardManifest(1, 10)).toEqual({ merge: { zh: [] } });
    expect(shardManifest(3, 10).merge.zh?.map((shard) => shard.path)).toEqual(['pagefind-1/', 'pagefind-2/']);
    expect(shardManifest(3, 10).merge.en).toBeUndefined();
  });

  test('the budget comes from ARCHIVE_SEARCH_SHARD_CHARS, or the default', () => {
    expect(readShardBudget({ ARCHIVE_SEARCH_SHARD_CHARS: '5000' })).toBe(5000);
    expect(readShardBudget({ ARCHIVE_SEARCH_SHARD_CHARS: 'many' })).toBe(readShardBudget({}));
  });
});
