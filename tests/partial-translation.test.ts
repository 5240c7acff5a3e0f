import { describe, expect, test } from 'vitest';
import { catalogueEntities } from '../src/lib/archive-index.ts';
import { translationCells } from '../src/lib/data-export.ts';
import { createMentionMatcher } from '../src/lib/find-mentions.ts';
import { buildReadingView } from '../src/lib/reading-view.ts';
import { buildEnglishEntry } from '../src/lib/search-index/entry.ts';
import { findParagraph } from '../src/lib/search-query.ts';
import { findMisalignment, measureCoverage, outlineBlocks } from '../src/lib/translation-blocks.ts';
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
