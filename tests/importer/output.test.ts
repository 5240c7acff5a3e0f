import { describe, expect, test } from 'vitest';
import { classifyChrome } from '../../src/importer/chrome-patterns.ts';
import { removeInlineSpam } from '../../src/importer/clean.ts';
import { serialiseFrontmatter } from '../../src/importer/draft.ts';
import { htmlToText, looksLikeHtml } from '../../src/importer/html-to-text.ts';
import { failureReport, type ImportReport } from '../../src/importer/import-page.ts';
import { formatSummaryTable } from '../../src/importer/summary-table.ts';

describe('removeInlineSpam and htmlToText', () => {
  test('removes a bracketed site advert inside a paragraph, not a bracketed note of the text', () => {
    expect(removeInlineSpam('要加快推进国企改革【本文来自www.fanwen.com，转载请注明】，确保完成任务。')).toEqual({
      text: '要加快推进国企改革，确保完成任务。',
      removed: ['【本文来自www.fanwen.com，转载请注明】'],
    });
    expect(
      removeInlineSpam('《金堆城鉬業集團剝離企業辦社會職能和解決歷史遺留問題工作實施方案(送審稿)》').removed,
    ).toEqual([]);
  });

  test('cuts spam run into a long paragraph, keeping the paragraph', () => {
    const paragraph =
      '要坚持“先安置、后改制”的原则，澳门真人娱乐城注册送彩金，把职工安置作为改制工作的重中之重，确保职工合法权益不受侵害，详见www.example-casino.com/reg?id=1，对历史遗留问题要逐户研究。';
    expect(removeInlineSpam(paragraph)).toEqual({
      text: '要坚持“先安置、后改制”的原则，把职工安置作为改制工作的重中之重，确保职工合法权益不受侵害，详见，对历史遗留问题要逐户研究。',
      removed: ['，澳门真人娱乐城注册送彩金', 'www.example-casino.com/reg?id=1'],
    });
    expect(classifyChrome(paragraph)).toBeUndefined();
    expect(classifyChrome('澳门真人娱乐城 百家乐 注册即送彩金88元')).toBe('spam');
  });

  test('takes the text and the title out of saved HTML', () => {
    const html =
      '<html><head><title>标题</title><script>x()</script></head><body><p>&emsp;&emsp;第一段&ldquo;引语&rdquo;。</p><p>第二段&#12290;</p></body></html>';
    expect(looksLikeHtml(html)).toBe(true);
    const lines = htmlToText(html).split('\n').filter(Boolean);
    // Scripts go, entities are decoded; the paragraph keeps an indent (two spaces) for the clean-up.
    expect(lines.map((line) => line.trim())).toEqual(['标题', '第一段“引语”。', '第二段。']);
    expect(lines[1]).toMatch(/^\s{2}\S/);
    expect(looksLikeHtml('同志们：\n今天召开会议，a<b 是比较。')).toBe(false);
  });
});

describe('serialiseFrontmatter', () => {
  test('writes the curated field order, quoted dates, folded long text and no YAML aliases', () => {
    const note = { zh: '原文日期行作“2014414”。', en: 'The date line reads "2014414".' };
    const yaml = serialiseFrontmatter({
      script: 'zh-Hans',
      id: '2014-04-14-x-speech',
      status: 'draft',
      type: 'speech',
      title: { zh: '在控股集团帮扶解困和改革发展工作分析总结会上的讲话', en: '' },
      summary: { zh: '结合近期市委市政府、市国资委领导的一系列讲话精神,集团决定召开此次会议。'.repeat(3), en: '' },
      date: '2014-04-14',
      date_precision: 'day',
      date_basis: 'inferred',
      date_note: note,
      published: '2014-04-16',
      enterprises: ['jinan-investment-holding'],
      directives: [],
      people: [],
      source: { site: { zh: '网站', en: '' }, defects: [{ text: '2014414', note }] },
    });
    expect(
      yaml
        .split('\n')
        .filter((line) => /^[a-z_]+:/.test(line))
        .map((line) => line.split(':')[0]),
    ).toEqual([
      'id',
      'status',
      'type',
      'title',
      'summary',
      'date',
      'date_precision',
      'date_basis',
      'date_note',
      'published',
      'script',
      'enterprises',
      'directives',
      'people',
      'source',
    ]);
    expect(yaml).toContain('date: "2014-04-14"\n');
    expect(yaml).toContain('published: "2014-04-16"\n');
    expect(yaml).toMatch(/summary:\n {2}zh: >-\n/);
    expect(yaml).toContain('    - text: "2014414"\n      note:\n        zh: 原文日期行作“2014414”。');
    expect(yaml).not.toMatch(/[&*]a1/);
  });
});

describe('formatSummaryTable', () => {
  test('lines up Chinese titles by display width and lists the failures', () => {
    const ok: ImportReport = {
      ...failureReport('seeds/000.txt', ''),
      ok: true,
      error: null,
      encoding: 'gb18030',
      title: '在控股集团帮扶解困和改革发展工作分析总结会上的讲话',
      date: '2014-04-14',
      type: 'speech',
      warnings: ['a', 'b'],
    };
    const table = formatSummaryTable([
      ok,
      failureReport('seeds/empty.txt', 'seeds/empty.txt: the file is empty'),
    ]).split('\n');
    expect(table[0]).toBe(
      'file                          encoding   title                                 date        type      warnings',
    );
    expect(table[2]).toBe(
      '000.txt                       gb18030    在控股集团帮扶解困和改革发展工作分…   2014-04-14  speech    2',
    );
    expect(table.slice(-2)).toEqual(['1 imported, 1 failed', '  seeds/empty.txt: the file is empty']);
  });
});
