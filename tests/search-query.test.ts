import { describe, expect, test } from 'vitest';
import {
  containsPhrases,
  convertCharacters,
  findParagraph,
  findPhraseWord,
  joinHanSpacing,
  parseCharacterPairs,
  parseSearchState,
  prepareChineseQuery,
  serializeSearchState,
  spaceHanCharacters,
  toPagefindFilters,
} from '../src/lib/search-query.ts';
import { listBlockTexts } from '../src/lib/search-records.ts';
import { listTraditionalToSimplifiedPairs } from '../src/lib/script-convert.ts';

const pairs = parseCharacterPairs(listTraditionalToSimplifiedPairs());

describe('the traditional → simplified character map for queries', () => {
  test('covers the characters of the seed texts', () => {
    expect(convertCharacters('國資委 金鉬集團 剝離企業辦社會職能 三供一業', pairs)).toBe(
      '国资委 金钼集团 剥离企业办社会职能 三供一业',
    );
  });
  test('leaves simplified, Latin and digits alone', () => {
    expect(convertCharacters('国资委 SASAC 2017', pairs)).toBe('国资委 SASAC 2017');
  });
  test('is small enough to fetch for a query', () => {
    expect(pairs.size).toBeGreaterThan(2500);
    expect(new TextEncoder().encode(listTraditionalToSimplifiedPairs()).length).toBeLessThan(25_000);
  });
});

describe('prepareChineseQuery', () => {
  test.each([
    ['國資委', { query: '国资委', phrases: ['国资委'] }],
    ['剥离企业办社会职能', { query: '剥离企业办社会职能', phrases: ['剥离企业办社会职能'] }],
    ['巡察 整改', { query: '巡察 整改', phrases: ['巡察', '整改'] }],
    ['“三供一業”', { query: '三供一业', phrases: ['三供一业'] }],
    ['钼', { query: '钼', phrases: [] }],
    ['SASAC 国资委', { query: 'SASAC 国资委', phrases: ['国资委'] }],
  ])('%s', (input, expected) => {
    expect(prepareChineseQuery(input, pairs)).toEqual(expected);
  });
});

describe('phrases in spaced content', () => {
  const content = spaceHanCharacters('标题 摘要 各企业应按照“四个一批”思路。三供一业。');
  test('spaces every Han character and CJK punctuation mark', () => {
    expect(spaceHanCharacters('按照“四个一批”思路, SASAC')).toBe('按 照 “ 四 个 一 批 ” 思 路 , SASAC');
  });
  test('finds a phrase whatever the spacing, and refuses scattered characters', () => {
    expect(containsPhrases(content, ['四个一批'])).toBe(true);
    expect(containsPhrases(content, ['四个一批', '三供一业'])).toBe(true);
    expect(containsPhrases(spaceHanCharacters('三家企业供水，一业为主'), ['三供一业'])).toBe(false);
  });
  test('gives the word where the phrase starts, after a given word', () => {
    const words = content.split(' ');
    const at = findPhraseWord(content, ['四个一批'])!;
    expect(words.slice(at, at + 4).join('')).toBe('四个一批');
    expect(findPhraseWord(content, ['标题'], 2)).toBeUndefined();
  });
  test('maps a word to its paragraph', () => {
    expect(findParagraph([10, 40, 90], 45)).toBe(2);
    expect(findParagraph([10, 40, 90], 5)).toBeUndefined();
    expect(findParagraph([10, 40, 90], undefined)).toBeUndefined();
  });
  test('joins spaced Chinese in excerpts, across marks, and keeps spaces around Latin words', () => {
    expect(joinHanSpacing('按 照 “ <mark>四</mark> <mark>个</mark> 一 批 ” 思 路')).toBe(
      '按照“<mark>四</mark><mark>个</mark>一批”思路',
    );
    expect(joinHanSpacing('国 资 委 SASAC 的 <mark>social</mark> <mark>functions</mark>')).toBe(
      '国资委 SASAC 的 <mark>social</mark> <mark>functions</mark>',
    );
  });
});

describe('search state in the URL', () => {
  test('round-trips query, filters and order', () => {
    const params = new URLSearchParams(
      'q=%E5%9B%BD%E8%B5%84%E5%A7%94&type=%E8%AE%B2%E8%AF%9D&year=2012&year=2020&sort=oldest&junk=1',
    );
    const state = parseSearchState(params);
    expect(state).toEqual({ query: '国资委', filters: { type: ['讲话'], year: ['2012', '2020'] }, sort: 'oldest' });
    expect(parseSearchState(serializeSearchState(state))).toEqual(state);
    expect(serializeSearchState({ query: ' ', filters: {}, sort: 'relevance' }).toString()).toBe('');
  });
  test('turns chosen values into Pagefind filters: any within a filter, all across filters', () => {
    expect(toPagefindFilters({ year: ['2012', '2020'], type: ['讲话'], region: [] })).toEqual({
      year: { any: ['2012', '2020'] },
      type: { any: ['讲话'] },
    });
  });
});

describe('listBlockTexts', () => {
  test('gives the plain text of each block, numbered like the reading view', () => {
    expect(listBlockTexts('## 一、\\*\\*年工作回顧\n\n**1、认真总结。**这项工作\n\n同志们:')).toEqual([
      '一、**年工作回顧',
      '1、认真总结。这项工作',
      '同志们:',
    ]);
  });
});

describe('buildPhraseExcerpt', () => {
  test('shows the passage holding the phrase in the text, marked, escaped, joined', async () => {
    const { buildPhraseExcerpt, joinWords } = await import('../src/lib/search-query.ts');
    const content = spaceHanCharacters('国资委 标题 <b> 在 SASAC 的 要求下，国资委推进“三供一业”移交。');
    expect(joinWords(['在', 'SASAC', '的', '要', '求'])).toBe('在 SASAC 的要求');
    expect(buildPhraseExcerpt(content, ['国资委'], 4, 6)).toBe('…SASAC 的要求下，<mark>国资委</mark>推进“三供一…');
    expect(buildPhraseExcerpt(content, ['洛阳'], 0, 2)).toBeUndefined();
    expect(buildPhraseExcerpt(spaceHanCharacters('甲&乙<丙>国资委'), ['国资委'])).toBe(
      '甲 &#38; 乙 &#60; 丙 &#62; <mark>国资委</mark>',
    );
  });
});
