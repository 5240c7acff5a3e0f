import { describe, expect, test } from 'vitest';
import {
  buildArchiveIndex,
  listAliases,
  listEntitiesCiting,
  type DocumentSource,
  type TextFacts,
} from '../src/lib/archive-index.ts';
import { createMentionMatcher, findMentions } from '../src/lib/find-mentions.ts';
import { extractContexts } from '../src/lib/keyword-in-context.ts';
import { buildReadingView } from '../src/lib/reading-view.ts';
import { renderBlocks } from '../src/lib/render-blocks.ts';
import type { Document } from '../src/schema/index.ts';

const matcher = createMentionMatcher([
  { alias: '金堆城钼业集团', collection: 'enterprises', id: 'jinduicheng-molybdenum-group' },
  { alias: '金钼集团', collection: 'enterprises', id: 'jinduicheng-molybdenum-group' },
  { alias: '金堆城', collection: 'enterprises', id: 'jinduicheng-town' },
  { alias: '国务院国资委', collection: 'enterprises', id: 'sasac' },
  { alias: '三供一业', collection: 'directives', id: 'three-supplies-and-one-service' },
  { alias: '四个一批', collection: 'directives', id: 'four-batches' },
  { alias: '杨鲁豫', collection: 'people', id: 'yang-luyu' },
]);
const links = {
  matcher,
  hrefFor: (entry: { collection: string; id: string }) => `../../${entry.collection}/${entry.id}/`,
};
const html = (markdown: string) => renderBlocks(markdown, links).map((block) => block.html);

describe('entity links in document bodies', () => {
  test('links the longest alias (金堆城钼业集团 beats 金堆城) in a real sentence', () => {
    expect(
      html('马健诚首先向与会人员详细介绍了《金堆城钼业集团剥离企业办社会职能和解决历史遗留问题工作实施方案》。'),
    ).toEqual([
      '<p>马健诚首先向与会人员详细介绍了《<a href="../../enterprises/jinduicheng-molybdenum-group/" class="entity entity--enterprises" data-entity="enterprises/jinduicheng-molybdenum-group">金堆城钼业集团</a>剥离企业办社会职能和解决历史遗留问题工作实施方案》。</p>',
    ]);
  });

  test('matches traditional text with simplified aliases (seed 002)', () => {
    const [paragraph] = html(
      '今年4月，陜西省金堆城礦區被國務院國資委列入國家獨立工礦區剝離辦社會職能綜合改革試點，推進“三供一業”。',
    );
    expect(paragraph).toContain('data-entity="enterprises/sasac">國務院國資委</a>');
    expect(paragraph).toContain('data-entity="directives/three-supplies-and-one-service">三供一業</a>');
    expect(paragraph).toContain('data-entity="enterprises/jinduicheng-town">金堆城</a>礦區');
  });

  test('links inside bold run-in heads and several entities in one sentence (seed 000)', () => {
    const [paragraph] = html('**1、认真总结。**各企业应按照“四个一批”思路。411的工作会议是由杨鲁豫市长主持的。');
    expect(paragraph).toContain('<strong>1、认真总结。</strong>');
    expect(paragraph).toContain('>四个一批</a>');
    expect(paragraph).toContain('>杨鲁豫</a>市长');
  });

  test('never links inside an existing link, a heading or code', () => {
    expect(html('[金钼集团的网站](https://example.org/)')).toEqual([
      '<p><a href="https://example.org/">金钼集团的网站</a></p>',
    ]);
    expect(html('## 一、三供一业移交')).toEqual(['<h2>一、三供一业移交</h2>']);
    expect(html('`金钼集团`')).toEqual(['<p><code>金钼集团</code></p>']);
    expect(html('    金钼集团')).toEqual(['<pre><code>金钼集团\n</code></pre>']);
  });

  test('never links an entity to its own page', () => {
    const own = renderBlocks('金钼集团要高度重视。', {
      ...links,
      exclude: (entry) => entry.id === 'jinduicheng-molybdenum-group',
    });
    expect(own.map((block) => block.html)).toEqual(['<p>金钼集团要高度重视。</p>']);
  });

  test('leaves text without known names alone, and drops raw HTML', () => {
    expect(html('同志们:\n\n<script>alert(1)</script>\n\n谢谢大家。')).toEqual(['<p>同志们:</p>', '<p>谢谢大家。</p>']);
  });
});

describe('keyword in context', () => {
  test('gives the sentence around each mention, with Markdown removed', () => {
    const text =
      '同志们:\n\n**3、集团上下要加强调度。**魏俊英強調金鉬集團要高度重視，不能等靠、觀望以及拖延進度；要成熟一個簽約一個。';
    const contexts = extractContexts(text, findMentions(text, matcher));
    expect(contexts).toEqual([
      { before: '魏俊英強調', match: '金鉬集團', after: '要高度重視，不能等靠、觀望以及拖延進度；' },
    ]);
  });

  test('cuts long sentences around the mention', () => {
    const text = `${'很长的前文'.repeat(20)}金钼集团${'很长的后文'.repeat(20)}。`;
    const [context] = extractContexts(text, findMentions(text, matcher));
    expect(context!.before.startsWith('…')).toBe(true);
    expect(context!.after.endsWith('…')).toBe(true);
    expect(context!.before.length).toBeLessThanOrEqual(61);
  });
});

const base: Omit<Document, 'id' | 'date' | 'enterprises' | 'directives'> = {
  status: 'published',
  type: 'speech',
  title: { zh: '讲话', en: 'Speech' },
  summary: { zh: '摘要', en: 'Summary' },
  date_precision: 'year',
  date_basis: 'stated',
  script: 'zh-Hans',
  people: [],
  source: { site: { zh: '网站', en: 'Website' }, redacted: false, defects: [] },
};

describe('the archive index', () => {
  const entity = (id: string, zh: string) => ({
    id,
    name: { zh, en: id },
    aliases: [],
    kind: 'group' as const,
    description: { zh, en: id },
  });
  // The index reads each text through `readBody`, as the site reads files; here from a map.
  const bodies = new Map([
    ['a.md', '甲集团和乙集团。 甲集团'],
    ['b.md', '甲集团。'],
    ['c.md', '无关。'],
  ]);
  const read: string[] = [];
  const index = buildArchiveIndex(
    {
      documents: [
        { ...base, id: 'a', file: 'a.md', date: '2014', enterprises: ['x', 'y'], directives: [] },
        { ...base, id: 'b', file: 'b.md', date: '2017', enterprises: ['x', 'y', 'z'], directives: [] },
        { ...base, id: 'c', file: 'c.md', date: '2005', enterprises: ['x'], directives: [], status: 'draft' },
      ],
      enterprises: [entity('x', '甲集团'), entity('y', '乙集团'), entity('z', '丙集团')],
      directives: [],
      people: [],
    },
    {
      readBody: (file) => {
        read.push(file);
        return bodies.get(file)!;
      },
    },
  );

  test('reads each shown text once, and keeps counts of what it found instead of the text', () => {
    expect(read.sort()).toEqual(['a.md', 'b.md']);
    const a = index.documents.find((doc) => doc.id === 'a')!;
    expect(a).not.toHaveProperty('body');
    expect(a.characters).toBe(11);
    expect(a.mentions).toEqual({ 'enterprises/x': 2, 'enterprises/y': 1 });
  });

  test('lists citing documents newest first, with contexts, and leaves drafts out', () => {
    const citations = index.citations.get('enterprises/x')!;
    expect(citations.map((citation) => citation.document.id)).toEqual(['b', 'a']);
    expect(citations[1]!.contexts).toEqual([
      { before: '', match: '甲集团', after: '和乙集团。', paragraph: 1 },
      { before: '', match: '甲集团', after: '', paragraph: 1 },
    ]);
    expect(index.citations.get('enterprises/z')![0]!.contexts).toEqual([]);
  });

  test('counts co-mentions, most shared first', () => {
    expect(index.coMentions.get('enterprises/x')).toEqual([
      { key: 'enterprises/y', count: 2 },
      { key: 'enterprises/z', count: 1 },
    ]);
  });

  test('finds the entities whose pages show a document: all it lists, mentioned in its text or not', () => {
    expect(listEntitiesCiting(index, new Set(['a']))).toEqual(new Set(['enterprises/x', 'enterprises/y']));
    expect(listEntitiesCiting(index, new Set(['b']))).toEqual(
      new Set(['enterprises/x', 'enterprises/y', 'enterprises/z']),
    );
    // A draft is not shown, so no entity page quotes it.
    expect(listEntitiesCiting(index, new Set(['c']))).toEqual(new Set());
  });

  test('takes kept text facts instead of reading the texts again', () => {
    const kept = new Map<string, TextFacts>();
    const keepText = (source: DocumentSource, listed: readonly string[], read: () => TextFacts) => {
      const key = `${source.file} ${listed.join(' ')}`;
      const facts = kept.get(key) ?? read();
      kept.set(key, facts);
      return facts;
    };
    const input = {
      documents: [{ ...base, id: 'a', file: 'a.md', date: '2014', enterprises: ['x', 'y'], directives: [] }],
      enterprises: [entity('x', '甲集团'), entity('y', '乙集团')],
      directives: [],
      people: [],
    };
    const reads: string[] = [];
    const readBody = (file: string) => {
      reads.push(file);
      return bodies.get(file)!;
    };
    const first = buildArchiveIndex(input, { readBody, keepText });
    const again = buildArchiveIndex(input, { readBody, keepText });
    expect(reads).toEqual(['a.md']);
    expect(again).toEqual(first);
    expect(again.citations.get('enterprises/x')![0]!.contexts).toHaveLength(2);
  });

  test('orders neighbours by date', () => {
    expect(index.neighbours.get('a')).toEqual({ next: index.documents[0], previous: undefined });
  });

  test('lists every alias and name for the matcher', () => {
    expect(listAliases({ enterprises: [entity('x', '甲集团')], directives: [], people: [] })).toEqual([
      { alias: '甲集团', collection: 'enterprises', id: 'x' },
    ]);
  });
});

describe('the reading view', () => {
  test('pairs each block with its conversion and its translation, numbered from 1', () => {
    const view = buildReadingView(
      '## 一、國資委\n\n金鉬集團要高度重視。',
      'zh-Hant',
      matcher,
      '## 1. SASAC\n\nJinduicheng must attach importance.',
    );
    expect(view.convertedScript).toBe('zh-Hans');
    expect(view.rows.map((row) => row.n)).toEqual([1, 2]);
    expect(view.rows[0]!.converted.html).toBe('<h2>一、国资委</h2>');
    expect(view.rows[1]!.converted.html).toContain('>金钼集团</a>要高度重视。');
    expect(view.rows[1]!.translation?.html).toBe('<p>Jinduicheng must attach importance.</p>');
  });

  test('refuses a translation that is not aligned', () => {
    expect(() => buildReadingView('一。\n\n二。', 'zh-Hans', matcher, 'One.')).toThrow(/run npm run check/);
  });
});

describe('stripInlineMarkdown', () => {
  test('drops bold markers and heading marks but keeps escaped redaction marks', async () => {
    const { stripInlineMarkdown } = await import('../src/lib/keyword-in-context.ts');
    expect(stripInlineMarkdown('## 一、\\*\\*年工作回顧')).toBe('一、**年工作回顧');
    expect(stripInlineMarkdown('**1、认真总结。**这项工作')).toBe('1、认真总结。这项工作');
  });
});

describe('hostile Markdown', () => {
  const hostile = [
    '同志们<script>alert(1)</script>',
    '<img src="x" onerror="alert(1)">',
    '[来源](javascript:alert(1)) [数据](data:text/html;base64,PHNjcmlwdD4=)',
    '<iframe src="https://example.org"></iframe>',
    '<style>body{display:none}</style>',
    '<a id="location" name="cookie">x</a>',
    '![图](javascript:alert(1))',
    '<svg onload="alert(1)"></svg>',
  ].join('\n\n');

  test('never renders anything that runs or clobbers', () => {
    const html = renderBlocks(hostile, links)
      .map((block) => block.html)
      .join('\n');
    expect(html).not.toMatch(
      /<script|<iframe|<style|<svg|onerror|onload|javascript:|data:text|id="location"|name="cookie"/i,
    );
    expect(html).toContain('同志们');
  });

  test('keeps ordinary links and entity links', () => {
    const [paragraph] = renderBlocks('[来源](https://example.org/a) 金钼集团', links).map((block) => block.html);
    expect(paragraph).toContain('<a href="https://example.org/a">来源</a>');
    expect(paragraph).toContain(
      'class="entity entity--enterprises" data-entity="enterprises/jinduicheng-molybdenum-group"',
    );
  });
});
