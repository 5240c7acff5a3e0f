import { describe, expect, test } from 'vitest';
import {
  buildWordExcerpt,
  containsPhrases,
  convertCharacters,
  findMarkOffset,
  findParagraph,
  parseCharacterPairs,
  parseSearchState,
  prepareChineseQuery,
  serializeSearchState,
  splitTypedWord,
} from '../src/lib/search-query.ts';
import { countSearchFacets, listBlockTexts, searchFilters } from '../src/lib/search-records.ts';
import { useTranslations } from '../src/i18n/index.ts';
import type { Document } from '../src/schema/index.ts';
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
    ['國資委', { query: '国资委', phrases: ['国资委'], marks: ['国资委'] }],
    [
      '剥离企业办社会职能',
      { query: '剥离企业办社会职能', phrases: ['剥离企业办社会职能'], marks: ['剥离企业办社会职能'] },
    ],
    ['巡察 整改', { query: '巡察 整改', phrases: ['巡察', '整改'], marks: ['巡察', '整改'] }],
    ['“三供一業”', { query: '三供一业', phrases: ['三供一业'], marks: ['三供一业'] }],
    ['钼', { query: '钼', phrases: [], marks: ['钼'] }],
    ['钼 国资委', { query: '钼 国资委', phrases: ['国资委'], marks: ['钼', '国资委'] }],
    ['SASAC 国资委', { query: 'SASAC 国资委', phrases: ['国资委'], marks: ['国资委'] }],
  ])('%s', (input, expected) => {
    expect(prepareChineseQuery(input, pairs)).toEqual(expected);
  });
});

describe('checking results and placing the query in their text', () => {
  test('find a phrase in the text, and refuse characters or pairs that are scattered', () => {
    const text = '标题摘要各企业应按照“四个一批”思路。三供一业。';
    expect(containsPhrases(text, ['四个一批'])).toBe(true);
    expect(containsPhrases(text, ['四个一批', '三供一业'])).toBe(true);
    expect(containsPhrases('三家企业供水，一业为主', ['三供一业'])).toBe(false);
    expect(containsPhrases('四个部门，一批企业', ['四个一批'])).toBe(false);
  });
  test('give the offset of the first mark after a given offset, ignoring Latin case', () => {
    const text = '标题摘要各企业应按照“四个一批”思路。三供一业。SASAC';
    expect(findMarkOffset(text, ['三供一业', '四个一批'])).toBe(11);
    expect(findMarkOffset(text, ['标题'], 2)).toBeUndefined();
    expect(findMarkOffset(text, ['sasac'])).toBe(text.indexOf('SASAC'));
  });
  test('map a position to its paragraph', () => {
    expect(findParagraph([10, 40, 90], 45)).toBe(2);
    expect(findParagraph([10, 40, 90], 5)).toBeUndefined();
    expect(findParagraph([10, 40, 90], undefined)).toBeUndefined();
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
  test('shows the passage holding the phrase, marked and escaped, or the start of the text', async () => {
    const { buildPhraseExcerpt } = await import('../src/lib/search-query.ts');
    const text = '国资委标题在SASAC的要求下，国资委推进“三供一业”移交。';
    const from = '国资委标题'.length;
    expect(buildPhraseExcerpt(text, ['国资委'], from, 6)).toBe('…C的要求下，<mark>国资委</mark>推进“三供一…');
    expect(buildPhraseExcerpt(text, [], from, 4)).toBe('在SASAC的要…');
    expect(buildPhraseExcerpt(text, ['sasac'], from, 1)).toBe('在<mark>SASAC</mark>的…');
    expect(buildPhraseExcerpt('甲&乙<丙>国资委', ['国资委'])).toBe('甲&#38;乙&#60;丙&#62;<mark>国资委</mark>');
  });
});

describe('the word being typed', () => {
  test('is the last word when the query does not end with a space', () => {
    expect(splitTypedWord('social Func')).toEqual({ complete: 'social ', typing: 'func' });
    expect(splitTypedWord('social ')).toEqual({ complete: 'social ' });
    expect(splitTypedWord('国资委')).toEqual({ complete: '国资委' });
  });
});

describe('buildWordExcerpt', () => {
  const text =
    'Title. The Group divested the social functions of enterprises: schools, hospitals and the three supplies.';
  test('marks every word whose stem a query word shares, around the first one after the start', () => {
    const { html, at } = buildWordExcerpt(text, new Set(['function', 'school']), 7, 20);
    expect(at).toBe(text.indexOf('functions'));
    expect(html).toBe('…divested the social <mark>functions</mark> of enterprises:…');
    expect(buildWordExcerpt(text, new Set(['function', 'school']), 7, 30).html).toBe(
      'The Group divested the social <mark>functions</mark> of enterprises: <mark>schools</mark>,…',
    );
  });
  test('without a match, the start of the text; HTML escaped', () => {
    expect(buildWordExcerpt('a <b> & c', new Set(['zzz'])).html).toBe('a &#60;b&#62; &#38; c');
    expect(buildWordExcerpt(text, new Set(['zzz']), 7, 10)).toEqual({ html: 'The Group divested…', at: undefined });
  });
});

describe('the facet counts shown before a search', () => {
  const catalogue = {
    enterprises: new Map([
      ['sasac', { id: 'sasac', name: { zh: '国务院国资委', en: 'SASAC' }, aliases: [], kind: 'regulator' as const }],
    ]),
    directives: new Map(),
    people: new Map(),
  } as unknown as Parameters<typeof countSearchFacets>[2];
  const doc = (id: string, date: string, type: Document['type'], enterprises: string[]) =>
    ({ id, date, type, enterprises, directives: [], people: [], script: 'zh-Hans' }) as unknown as Document;
  const documents = [
    doc('a', '2014-04-14', 'speech', ['sasac']),
    doc('b', '2014', 'news', []),
    doc('c', '2017-08-04', 'speech', ['sasac', 'sasac']),
  ];

  test('count each document once per value, with the values the index records', () => {
    const zh = countSearchFacets(documents, 'zh', catalogue, useTranslations('zh'));
    expect(zh.year).toEqual({ '2014': 2, '2017': 1 });
    expect(zh.enterprise).toEqual({ 国务院国资委: 2 });
    expect(Object.values(zh.type!).reduce((sum, n) => sum + n, 0)).toBe(3);
    // The same values as the documents' records carry, so a chosen facet filters the index.
    expect(Object.keys(zh.type!)).toEqual(
      expect.arrayContaining(searchFilters(documents[0]!, 'zh', catalogue, useTranslations('zh')).type!),
    );
    expect(countSearchFacets(documents, 'en', catalogue, useTranslations('en')).enterprise).toEqual({ SASAC: 2 });
  });
});
