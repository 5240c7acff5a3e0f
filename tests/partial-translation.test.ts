import { describe, expect, test } from 'vitest';
import { catalogueEntities, type Citation } from '../src/lib/archive-index.ts';
import { blockNumberAt, listBlockStarts } from '../src/lib/block-starts.ts';
import { groupCitations } from '../src/lib/citation-groups.ts';
import { extractContexts } from '../src/lib/keyword-in-context.ts';
import { translationCells } from '../src/lib/data-export.ts';
import { createMentionMatcher } from '../src/lib/find-mentions.ts';
import { buildReadingView } from '../src/lib/reading-view.ts';
import { buildEnglishEntry } from '../src/lib/search-index/entry.ts';
import { useTranslations } from '../src/i18n/index.ts';
import { findParagraph } from '../src/lib/search-query.ts';
import {
  composeTranslationBody,
  findMisalignment,
  measureCoverage,
  outlineBlocks,
} from '../src/lib/translation-blocks.ts';
import type { Document } from '../src/schema/index.ts';

// From the 1997 Report on the Work of the Government (corpora/gov-work-reports/1997.txt).
const ORIGINAL = `## 一、过去五年的回顾

八届全国人大一次会议以来的四年，是我国改革开放和现代化建设取得重大进展的四年。

### （二）深化国有企业改革

国有企业改革是经济体制改革的中心环节。今年要继续按照“三改一加强”的要求，抓好建立现代企业制度的百户试点。

各级政府要加强对企业改革的指导。`;

const TRANSLATION = `## [untranslated]

[untranslated]

### (2) Deepening the reform of state-owned enterprises

The reform of state-owned enterprises is the central link of the reform of the economic system. This year, following the requirement of the "three reforms and one strengthening", we must do well the pilot of the modern enterprise system in a hundred enterprises.

[untranslated]`;

const matcher = createMentionMatcher([{ alias: '国有企业', collection: 'directives', id: 'state-owned-enterprises' }]);

describe('the untranslated marker', () => {
  test('is found as a paragraph or as a heading, with its line', () => {
    expect(outlineBlocks(TRANSLATION)).toEqual([
      { kind: 'heading-2', line: 1, untranslated: true },
      { kind: 'paragraph', line: 3, untranslated: true },
      { kind: 'heading-3', line: 5, untranslated: false },
      { kind: 'paragraph', line: 7, untranslated: false },
      { kind: 'paragraph', line: 9, untranslated: true },
    ]);
    // Inside a sentence it is just text.
    expect(outlineBlocks('The text says [untranslated] here.')[0]!.untranslated).toBe(false);
    expect(measureCoverage(TRANSLATION)).toEqual({ paragraphs: 5, translated: 2 });
  });

  test('stands for a paragraph, but a heading needs a heading of its level', () => {
    const original = outlineBlocks(ORIGINAL);
    expect(findMisalignment(original, outlineBlocks(TRANSLATION))).toBeUndefined();
    const flat = TRANSLATION.replace('## [untranslated]', '[untranslated]');
    expect(findMisalignment(original, outlineBlocks(flat))).toMatchObject({
      index: 0,
      original: { kind: 'heading-2', line: 1 },
      translation: { kind: 'paragraph', untranslated: true },
    });
    const short = TRANSLATION.replace('\n\n[untranslated]\n\n###', '\n\n###');
    expect(findMisalignment(original, outlineBlocks(short))).toMatchObject({
      index: 1,
      original: { kind: 'paragraph' },
    });
  });
});

describe('a partial translation in the reading view', () => {
  const view = buildReadingView(ORIGINAL, 'zh-Hans', matcher, TRANSLATION);

  test('gives original-only rows for untranslated blocks and counts the rest', () => {
    expect(view.rows.map((row) => [row.n, row.untranslated ?? false, row.translation !== undefined])).toEqual([
      [1, true, false],
      [2, true, false],
      [3, false, true],
      [4, false, true],
      [5, true, false],
    ]);
    expect(view.rows[3]!.translation!.html).toContain('central link');
    expect(view.coverage).toEqual({ paragraphs: 5, translated: 2 });
  });

  test('lists the headings for a table of contents, with English where it is translated', () => {
    expect(view.contents).toEqual([
      { n: 1, depth: 2, original: '一、过去五年的回顾' },
      {
        n: 3,
        depth: 3,
        original: '（二）深化国有企业改革',
        translation: '(2) Deepening the reform of state-owned enterprises',
      },
    ]);
  });

  test('a full translation has full coverage and no untranslated rows', () => {
    const full = buildReadingView('一。\n\n二。', 'zh-Hans', matcher, 'One.\n\nTwo.');
    expect(full.coverage).toEqual({ paragraphs: 2, translated: 2 });
    expect(full.rows.every((row) => !row.untranslated && row.translation)).toBe(true);
    expect(buildReadingView('一。', 'zh-Hans', matcher).coverage).toBeUndefined();
  });
});

describe('a partial translation in the English index and the data', () => {
  test('leaves the marker out of the index and keeps paragraph numbers', () => {
    const words: string[] = [];
    const sink = { han: () => {}, word: (word: string) => void words.push(word) };
    const doc = {
      id: 'd',
      title: { zh: '政府工作报告', en: 'Report' },
      summary: { zh: '', en: '' },
      enterprises: [],
      directives: [],
      people: [],
      date: '1997-03-01',
      date_precision: 'day',
      date_basis: 'stated',
      type: 'report',
    } as unknown as Document;
    const entry = buildEnglishEntry(
      doc,
      TRANSLATION,
      catalogueEntities({ enterprises: [], directives: [], people: [] }),
      sink,
      useTranslations('en'),
    );
    expect(words).not.toContain('untranslated');
    expect(entry.fragment.text).not.toContain('[untranslated]');
    expect(entry.fragment.paras).toHaveLength(5);
    const at = entry.fragment.text.indexOf('central link');
    expect(findParagraph(entry.fragment.paras, at)).toBe(4);
    expect(findParagraph(entry.fragment.paras, entry.fragment.text.indexOf('Deepening'))).toBe(3);
  });

  test('says full or partial with the counts', () => {
    expect(translationCells(undefined)).toEqual({
      translated: false,
      translation: '',
      translated_paragraphs: '',
      paragraphs: '',
    });
    expect(translationCells({ paragraphs: 152, translated: 14 })).toEqual({
      translated: true,
      translation: 'partial',
      translated_paragraphs: 14,
      paragraphs: 152,
    });
    expect(translationCells({ paragraphs: 3, translated: 3 }).translation).toBe('full');
  });
});

describe('paragraph numbers of mentions', () => {
  test('block starts match the Markdown parser, on plain texts and on lists', async () => {
    const { fromMarkdown } = await import('mdast-util-from-markdown');
    const parsed = (text: string) => fromMarkdown(text).children.map((node) => node.position!.start.offset);
    const report = `${ORIGINAL}\n\n同志们：\n第二行接着第一段。\n## 二、今年的任务\n紧接标题的一段。`;
    expect(listBlockStarts(report)).toEqual(parsed(report));
    expect(listBlockStarts(report)).toHaveLength(8);
    const withList = '一、总则\n\n- 第一条\n- 第二条\n\n> 引文\n\n末段。';
    expect(listBlockStarts(withList)).toEqual(parsed(withList));
    expect(blockNumberAt(listBlockStarts(report), report.indexOf('三改一加强'))).toBe(4);
    expect(blockNumberAt(listBlockStarts(report), report.indexOf('紧接标题'))).toBe(8);
  });

  test('contexts carry the paragraph of their mention', () => {
    const text = '## 一、总则\n\n国有企业要改革。\n\n民营企业。\n\n国有企业要发展。';
    const mentions = [...text.matchAll(/国有企业/g)].map((m) => ({ start: m.index, end: m.index + 4 }));
    expect(extractContexts(text, mentions, listBlockStarts(text)).map((context) => context.paragraph)).toEqual([2, 4]);
  });
});

describe('citing documents on an entity page', () => {
  const citation = (date: string, contexts = 1) =>
    ({
      document: { id: `d${date}`, date },
      contexts: Array.from({ length: contexts }, (_, i) => ({
        before: '',
        match: '国务院',
        after: '',
        paragraph: i + 10,
      })),
    }) as unknown as Citation;

  test('a short list stays undivided', () => {
    const groups = groupCitations([citation('2020-03-05'), citation('1997-03-01')]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.period).toBeUndefined();
    expect(groupCitations([])).toEqual([]);
  });

  test('dozens of documents over seventy years are divided by decade, newest first', () => {
    const years = [2025, 2024, 2021, 2019, 2008, 1997, 1996, 1985, 1979, 1978, 1960, 1955, 1954];
    const groups = groupCitations(years.map((year) => citation(`${year}-03-05`)));
    expect(groups.map((group) => [group.period?.kind, group.period?.start, group.citations.length])).toEqual([
      ['decade', 2020, 3],
      ['decade', 2010, 1],
      ['decade', 2000, 1],
      ['decade', 1990, 2],
      ['decade', 1980, 1],
      ['decade', 1970, 2],
      ['decade', 1960, 1],
      ['decade', 1950, 2],
    ]);
  });

  test('eleven documents within a few years are divided by year', () => {
    const groups = groupCitations(
      Array.from({ length: 11 }, (_, i) => citation(`${2020 - (i % 3)}-01-0${1 + (i % 9)}`)).sort((a, b) =>
        b.document.date.localeCompare(a.document.date),
      ),
    );
    expect(groups.map((group) => group.period)).toEqual([
      { kind: 'year', start: 2020 },
      { kind: 'year', start: 2019 },
      { kind: 'year', start: 2018 },
    ]);
  });

  test('shows three mentions per document and points to the rest', () => {
    const [group] = groupCitations([citation('2020-03-05', 7)]);
    expect(group!.citations[0]!.shown).toHaveLength(3);
    expect(group!.citations[0]!.more).toEqual({ count: 4, paragraph: 13 });
    expect(groupCitations([citation('2020-03-05', 3)])[0]!.citations[0]!.more).toBeUndefined();
  });
});

describe('composing a partial translation', () => {
  test('puts the English at its paragraphs and the marker everywhere else, aligned', () => {
    const body = composeTranslationBody(
      ORIGINAL,
      new Map([
        [3, '(2) Deepening the reform of state-owned enterprises'],
        [4, 'The reform of state-owned enterprises is the central link.'],
      ]),
    );
    expect(body).toBe(
      '## [untranslated]\n\n[untranslated]\n\n### (2) Deepening the reform of state-owned enterprises\n\nThe reform of state-owned enterprises is the central link.\n\n[untranslated]\n',
    );
    expect(findMisalignment(outlineBlocks(ORIGINAL), outlineBlocks(body))).toBeUndefined();
  });

  test('refuses English for a paragraph that does not exist or that is two blocks', () => {
    expect(() => composeTranslationBody(ORIGINAL, new Map([[6, 'Too far.']]))).toThrow(
      '¶6: the original has paragraphs ¶1 to ¶5',
    );
    expect(() => composeTranslationBody(ORIGINAL, new Map([[2, 'One.\n\nTwo.']]))).toThrow(
      '¶2: the English must be one block, found 2',
    );
  });
});
