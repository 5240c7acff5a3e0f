import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PAGE_BUDGETS, overBudget, weighPage } from '../src/bench/page-weight.ts';
import { buildSite } from './helpers/build-site.ts';
import { materialiseCase } from './helpers/content-tree.ts';

// The fixture archive with a partial translation of the Jinduicheng news item, whose text has
// two headings (tests/fixtures/checker-cases/translation-partial).
describe('npm run build with a partial translation', () => {
  let out = '';
  const created: string[] = [];
  beforeAll(() => {
    const content = materialiseCase('translation-partial');
    created.push(content);
    const result = buildSite(content);
    out = result.out;
    created.push(dirname(out));
    if (result.status !== 0) throw new Error(`build failed:\n${result.log}`);
  });
  afterAll(() => {
    for (const dir of created) rmSync(dir, { recursive: true, force: true });
  });

  const page = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');
  const rows = (html: string) => [
    ...html.matchAll(/<div class="row( row--untranslated)?" id="p(\d+)">(.*?)<\/div><\/div>/gs),
  ];

  test('says how much is translated and which part, in both languages', () => {
    expect(page('en/documents/2017-08-04-jinduicheng-meeting')).toContain(
      'English translation of 2 of 4 paragraphs: the passages on handing over the “three supplies and one service”.',
    );
    expect(page('zh/documents/2017-08-04-jinduicheng-meeting')).toContain(
      '英文译文：共 4 段，已译 2 段（有关“三供一业”分离移交的段落）。',
    );
    expect(page('en/documents/2017-08-04-jinduicheng-meeting')).toMatch(
      /<nav class="coverage-links"[^>]*>.*<a href="#p2">¶2<\/a><\/li><li><a href="#p3">¶3<\/a><\/li><\/ul><\/nav>/s,
    );
    // A full translation says nothing of the kind.
    expect(page('en/documents/2014-04-14-holding-speech')).not.toContain('English translation of');
  });

  test('shows original-only rows for the untranslated blocks', () => {
    const found = rows(page('en/documents/2017-08-04-jinduicheng-meeting'));
    expect(found.map((row) => [row[2], row[1] !== undefined, row[3]!.includes('block--translation')])).toEqual([
      ['1', true, false],
      ['2', false, true],
      ['3', false, true],
      ['4', true, false],
    ]);
    expect(found.map((row) => row[3]).join('')).not.toContain('[untranslated]');
  });

  test('gives the text a table of contents of its own headings, English where translated', () => {
    const contents = (html: string) => /<details class="contents" open>(.*?)<\/details>/s.exec(html)?.[1] ?? '';
    const en = contents(page('en/documents/2017-08-04-jinduicheng-meeting'));
    expect(en).toContain('<a href="#p1" lang="zh-Hant">一、試點的由來</a>');
    expect(en).toContain('<a href="#p3" lang="en">The next steps</a>');
    expect(contents(page('zh/documents/2017-08-04-jinduicheng-meeting'))).toContain(
      '<a href="#p3" lang="zh-Hant">（一）下一步工作</a>',
    );
  });

  test('the data downloads and structured data say partial, with the counts', () => {
    const json = JSON.parse(readFileSync(join(out, 'data', 'documents.json'), 'utf8')) as Record<string, unknown>[];
    const byId = new Map(json.map((row) => [row.id, row]));
    expect(byId.get('2017-08-04-jinduicheng-meeting')).toMatchObject({
      translated: true,
      translation: 'partial',
      translated_paragraphs: 2,
      paragraphs: 4,
    });
    expect(byId.get('2014-04-14-holding-speech')).toMatchObject({ translation: 'full', translated_paragraphs: 3 });
    const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(
      page('zh/documents/2017-08-04-jinduicheng-meeting'),
    )![1]!;
    expect(JSON.parse(jsonLd).workTranslation.description).toBe(
      'English translation of 2 of 4 paragraphs: the passages on handing over the “three supplies and one service”.',
    );
  });

  test('entity pages quote mentions with a link to their paragraph', () => {
    expect(page('en/enterprises/sasac')).toMatch(
      /<a class="para-ref" href="\/en\/documents\/2017-08-04-jinduicheng-meeting\/#p2"[^>]*>¶2<\/a>/,
    );
  });

  test('the document and entity pages are valid HTML (html-validate, recommended rules)', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const messages: string[] = [];
    for (const path of [
      'en/documents/2017-08-04-jinduicheng-meeting',
      'zh/documents/2017-08-04-jinduicheng-meeting',
      'en/enterprises/sasac',
      'zh/timeline',
      'en',
    ]) {
      const report = await validator.validateFile(join(out, path, 'index.html'));
      for (const result of report.results) {
        for (const message of result.messages)
          messages.push(`${path}:${message.line} ${message.ruleId} ${message.message}`);
      }
    }
    expect(messages).toEqual([]);
  });

  test('no page is over its gzipped budget', () => {
    const paths = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.html'));
    const weights = paths.map((path) => weighPage(path.split('\\').join('/'), readFileSync(join(out, path))));
    expect(weights.filter((w) => w.kind === 'document')).toHaveLength(4);
    expect(overBudget(weights)).toEqual([]);
    // The budget bites: a page of 400,000 characters that do not compress is over.
    const noise = Array.from({ length: 400_000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join(
      '',
    );
    expect(overBudget([weighPage('zh/documents/x/index.html', noise)]).map((w) => w.kind)).toEqual(['document']);
    expect(PAGE_BUDGETS.entity).toBeLessThan(PAGE_BUDGETS.document);
  });
});
