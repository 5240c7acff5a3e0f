import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { convertDocument, convertEntity, fullDate, hugoScaffold } from '../src/bench/hugo-site.ts';
import { listDescendants, parseStat, parseVmRssKb, readParents, sampleTreeRssKb } from '../src/bench/proc-tree.ts';
import { isIndexPath, median } from '../src/bench/site-figures.ts';
import { documentSchema } from '../src/schema/document.ts';

const PROC = join(import.meta.dirname, 'fixtures', 'proc');

describe('process-tree memory', () => {
  test('reads pid and parent from a stat line whose name holds spaces and parentheses', () => {
    expect(parseStat(readFileSync(join(PROC, '203', 'stat'), 'utf8'))).toEqual({ pid: 203, ppid: 202 });
    expect(parseStat('17 (node) S 1 17 17 0 -1')).toEqual({ pid: 17, ppid: 1 });
    expect(parseStat('garbage')).toBeUndefined();
  });

  test('reads VmRSS in kB, and 0 for a zombie, which has none', () => {
    expect(parseVmRssKb(readFileSync(join(PROC, '202', 'status'), 'utf8'))).toBe(1_048_576);
    expect(parseVmRssKb(readFileSync(join(PROC, '204', 'status'), 'utf8'))).toBe(0);
  });

  test('follows parent pids down the whole tree, and nothing outside it', () => {
    const parents = readParents(PROC);
    expect(parents.get(203)).toBe(202);
    expect(parents.size).toBe(7);
    expect(listDescendants(200, parents).sort()).toEqual([200, 201, 202, 203, 204]);
    expect(listDescendants(201, parents)).toEqual([201]);
  });

  test('sums the resident memory of the build, its workers and the grandchild of its indexer', () => {
    expect(sampleTreeRssKb(200, PROC)).toBe(409_600 + 30_720 + 1_048_576 + 1_024);
  });
});

describe('site figures', () => {
  test('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });

  test("search-index folders are ours and every top-level pagefind* folder (the peer's)", () => {
    expect(isIndexPath('pagefind/pagefind.js')).toBe(true);
    expect(isIndexPath('search-zh/0123/b/1z.bin')).toBe(true);
    expect(isIndexPath('search-en/index.json')).toBe(true);
    expect(isIndexPath('search/t2s.json')).toBe(false);
    expect(isIndexPath('pagefind-en/index/x.pf_index')).toBe(true);
    expect(isIndexPath('zh/pagefind/index.html')).toBe(false);
    expect(isIndexPath('zh/documents/a/index.html')).toBe(false);
  });
});

describe('the Hugo peer site', () => {
  const doc = documentSchema.parse({
    id: '2011-12-synthetic-000003',
    status: 'published',
    type: 'exchange',
    title: { zh: '西安市銅業股份有限公司經驗交流材料', en: "Xi'an Copper Co., Ltd.: exchange of experience" },
    summary: { zh: '摘要。', en: 'Summary: "quoted".' },
    date: '2011-12',
    date_precision: 'month',
    date_basis: 'inferred',
    date_note: { zh: '推定。', en: 'Inferred.' },
    region: { province: { zh: '陝西省', en: 'Shaanxi' }, basis: 'inferred' },
    script: 'zh-Hant',
    speaker: 'person-0002',
    enterprises: ['enterprise-0001', 'enterprise-0003'],
    directives: ['directive-0004'],
    people: ['person-0001', 'person-0002'],
    source: { site: { zh: '國資委網站', en: 'SASAC website' } },
  });
  const frontMatter = (text: string) => parse(text.split('---\n')[1]!) as Record<string, unknown>;
  const body = (text: string) => text.split('---\n').slice(2).join('---\n');

  test('one page per language at the same path, so Hugo pairs them as translations', () => {
    const files = convertDocument(doc, '正文。\n', undefined);
    expect(files.map((file) => file.path)).toEqual([
      'content/zh/documents/2011-12-synthetic-000003.md',
      'content/en/documents/2011-12-synthetic-000003.md',
    ]);
  });

  test('front matter: title and summary in the page language, a full date, taxonomy terms', () => {
    const [zh, en] = convertDocument(doc, '正文。\n').map((file) => frontMatter(file.text));
    expect(zh).toEqual({
      title: '西安市銅業股份有限公司經驗交流材料',
      date: '2011-12-01',
      date_text: '2011-12',
      description: '摘要。',
      source: '國資委網站',
      enterprises: ['enterprise-0001', 'enterprise-0003'],
      directives: ['directive-0004'],
      people: ['person-0002', 'person-0001'],
      years: ['2011'],
      doctypes: ['exchange'],
      regions: ['Shaanxi'],
    });
    expect(en).toMatchObject({
      title: "Xi'an Copper Co., Ltd.: exchange of experience",
      description: 'Summary: "quoted".',
      source: 'SASAC website',
      enterprises: ['enterprise-0001', 'enterprise-0003'],
    });
  });

  test('the English page carries the translation when there is one, else the Chinese body', () => {
    const [zh, en] = convertDocument(doc, '正文。\n', 'The text.\n');
    expect(body(zh!.text)).toBe('正文。\n');
    expect(body(en!.text)).toBe('The text.\n');
    expect(body(convertDocument(doc, '正文。\n')[1]!.text)).toBe('正文。\n');
  });

  test('an entity becomes a taxonomy term page per language, named and described', () => {
    const [zh, en] = convertEntity('enterprises', {
      id: 'enterprise-0001',
      name: { zh: '西安市铜业股份有限公司', en: "Xi'an Copper Co., Ltd." },
      description: { zh: '国有企业。', en: 'A state-owned company.' },
    });
    expect(zh!.path).toBe('content/zh/enterprises/enterprise-0001/_index.md');
    expect(frontMatter(zh!.text)).toEqual({ title: '西安市铜业股份有限公司' });
    expect(en!.path).toBe('content/en/enterprises/enterprise-0001/_index.md');
    expect(body(en!.text)).toBe('A state-owned company.\n');
  });

  test('partial dates take their first day; the config declares both languages and the taxonomies', () => {
    expect([fullDate('1999'), fullDate('2011-12'), fullDate('2014-06-20')]).toEqual([
      '1999-01-01',
      '2011-12-01',
      '2014-06-20',
    ]);
    const config = hugoScaffold().find((file) => file.path === 'hugo.toml')!.text;
    expect(config).toContain('[languages.zh]');
    expect(config).toContain('contentDir = "content/en"');
    expect(config).toMatch(/enterprise = "enterprises"\ndirective = "directives"\nperson = "people"/);
    const single = hugoScaffold().find((file) => file.path === 'layouts/_default/single.html')!.text;
    expect(single).toContain('<main data-pagefind-body>');
  });
});
