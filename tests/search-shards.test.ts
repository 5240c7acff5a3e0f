import { describe, expect, test } from 'vitest';
import { dealtOrder, englishWeight, planSearchShards, readShardBudget } from '../src/lib/search-shards.ts';

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

  test('the dealt order lists every shard page once, in date order again', () => {
    const docs = Array.from({ length: 23 }, (_, n) => doc(`d${n}`, `20${String(n).padStart(2, '0')}`, 100));
    const shards = planSearchShards(docs, 500);
    expect(shards.length).toBe(5);
    const order = dealtOrder(shards.map((shard) => shard.length));
    expect(order.map(([shard, page]) => shards[shard]![page]!.date)).toEqual(docs.map((d) => d.date).sort());
    expect(dealtOrder([2, 1])).toEqual([
      [0, 0],
      [1, 0],
      [0, 1],
    ]);
  });

  test('the budget comes from ARCHIVE_SEARCH_SHARD_CHARS, or the default', () => {
    expect(readShardBudget({ ARCHIVE_SEARCH_SHARD_CHARS: '5000' })).toBe(5000);
    expect(readShardBudget({ ARCHIVE_SEARCH_SHARD_CHARS: 'many' })).toBe(readShardBudget({}));
  });

  test('English records are planned by their own weight: a few long translations make shards', () => {
    const docs = Array.from({ length: 8 }, (_, i) => doc(`d${i}`, `200${i}`, 10_000));
    const translated = new Map([
      ['d1', 400_000],
      ['d5', 400_000],
    ]);
    const shards = planSearchShards(docs, 100_000, (d) => englishWeight(translated.get(d.id) ?? 0));
    // (8 × 1,000 + 800,000) / 4 = 202,000 weighed against 100,000: three shards.
    expect(shards).toHaveLength(3);
    expect(englishWeight(0)).toBe(250);
  });
});
