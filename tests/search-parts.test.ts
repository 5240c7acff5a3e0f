import { describe, expect, test } from 'vitest';
import { dealtOrder, dealSearchParts, englishWeight, readPartBudget } from '../src/lib/search-parts.ts';

const doc = (id: string, date: string, characters: number) => ({ id, date, characters });

describe('search index parts', () => {
  test('a small archive stays in one part; a large one is split to keep each under the budget', () => {
    const docs = [doc('a', '2001', 400), doc('b', '2002', 400), doc('c', '2003', 400)];
    expect(dealSearchParts(docs, 2_000)).toHaveLength(1);
    const parts = dealSearchParts(docs, 500);
    expect(parts).toHaveLength(3);
    expect(
      parts
        .flat()
        .map((d) => d.id)
        .sort(),
    ).toEqual(['a', 'b', 'c']);
    // Never more parts than documents, however small the budget.
    expect(dealSearchParts(docs, 1)).toHaveLength(3);
  });

  test('documents are dealt round-robin in date order, so each part spans the whole period', () => {
    const docs = ['2005', '2001', '2004', '2002', '2006', '2003'].map((date) => doc(`d${date}`, date, 100));
    const parts = dealSearchParts(docs, 300);
    expect(parts.map((part) => part.map((d) => d.date))).toEqual([
      ['2001', '2003', '2005'],
      ['2002', '2004', '2006'],
    ]);
  });

  test('the dealt order lists every part page once, in date order again', () => {
    const docs = Array.from({ length: 23 }, (_, n) => doc(`d${n}`, `20${String(n).padStart(2, '0')}`, 100));
    const parts = dealSearchParts(docs, 500);
    expect(parts.length).toBe(5);
    const order = dealtOrder(parts.map((part) => part.length));
    expect(order.map(([part, page]) => parts[part]![page]!.date)).toEqual(docs.map((d) => d.date).sort());
    expect(dealtOrder([2, 1])).toEqual([
      [0, 0],
      [1, 0],
      [0, 1],
    ]);
  });

  test('the budget comes from ARCHIVE_INDEX_PART_CHARS, or the default', () => {
    expect(readPartBudget({ ARCHIVE_INDEX_PART_CHARS: '5000' })).toBe(5000);
    expect(readPartBudget({ ARCHIVE_INDEX_PART_CHARS: 'many' })).toBe(readPartBudget({}));
  });

  test('English records are planned by their own weight: a few long translations make parts', () => {
    const docs = Array.from({ length: 8 }, (_, i) => doc(`d${i}`, `200${i}`, 10_000));
    const translated = new Map([
      ['d1', 400_000],
      ['d5', 400_000],
    ]);
    const parts = dealSearchParts(docs, 100_000, (d) => englishWeight(translated.get(d.id) ?? 0));
    // (8 × 1,000 + 800,000) / 4 = 202,000 weighed against 100,000: three parts.
    expect(parts).toHaveLength(3);
    expect(englishWeight(0)).toBe(250);
  });
});
