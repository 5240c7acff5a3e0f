import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, test } from 'vitest';
import { listBlockKinds } from '../src/checker/blocks.ts';
import { suggest } from '../src/checker/suggest.ts';
import { findUnsafeMarkup } from '../src/checker/unsafe-html.ts';
import { en } from '../src/i18n/en.ts';
import { zh } from '../src/i18n/zh.ts';
import { createMentionMatcher, findMentions, type AliasEntry } from '../src/lib/find-mentions.ts';
import { formatDate } from '../src/lib/format-date.ts';
import { readFrontmatterBytes, splitFrontmatter } from '../src/lib/frontmatter.ts';
import { listScriptForms, toSimplified, toTraditional } from '../src/lib/script-convert.ts';
import { pagePath, switchLanguage, withBase } from '../src/lib/urls.ts';
import { findInvalidUtf8 } from '../src/lib/utf8.ts';
import { explainPartialDate } from '../src/schema/common.ts';

describe('explainPartialDate', () => {
  test.each([
    ['2014-04-14', undefined],
    ['2017-08', undefined],
    ['2005', undefined],
    ['2024-02-29', undefined],
    ['2023-02-29', '2023-02-29 is not a real date: 2023-02 has 28 days'],
    ['2023-02-30', '2023-02-30 is not a real date: 2023-02 has 28 days'],
    ['2014-13', '2014-13 is not a real date: there is no month 13'],
    ['2014414', 'date must be YYYY-MM-DD, YYYY-MM or YYYY, got "2014414"'],
    ['2014年4月14日', 'date must be YYYY-MM-DD, YYYY-MM or YYYY, got "2014年4月14日"'],
  ])('%s', (input, expected) => {
    expect(explainPartialDate(input)).toBe(expected);
  });
});

describe('formatDate', () => {
  test.each([
    [{ date: '2014-04-14', precision: 'day' as const, basis: 'inferred' as const }, '14 April 2014', '2014年4月14日'],
    [{ date: '2017-08', precision: 'month' as const, basis: 'stated' as const }, 'August 2017', '2017年8月'],
    [{ date: '2005', precision: 'year' as const, basis: 'inferred' as const }, 'c. 2005', '约2005年'],
    [{ date: '2020', precision: 'year' as const, basis: 'stated' as const }, '2020', '2020年'],
  ])('%o', (facts, english, chinese) => {
    expect(formatDate(facts, 'en')).toBe(english);
    expect(formatDate(facts, 'zh')).toBe(chinese);
  });
});

describe('findInvalidUtf8', () => {
  const utf8 = new TextEncoder().encode('国资委 SASAC 國資委');
  test('accepts UTF-8 Chinese in both scripts', () => expect(findInvalidUtf8(utf8)).toBe(-1));
  test('finds GBK bytes (国资委 in GBK) at their offset', () => {
    expect(findInvalidUtf8(new Uint8Array([0x41, 0x42, 0xb9, 0xfa, 0xd7, 0xca]))).toBe(2);
  });
  test('rejects an overlong encoding and a UTF-8 encoded surrogate', () => {
    expect(findInvalidUtf8(new Uint8Array([0xc0, 0xaf]))).toBe(0);
    expect(findInvalidUtf8(new Uint8Array([0x20, 0xed, 0xa0, 0x80]))).toBe(1);
  });
  test('rejects a sequence cut off at the end', () => {
    expect(findInvalidUtf8(utf8.subarray(0, 2))).toBe(0);
  });
});

describe('splitFrontmatter', () => {
  test('reads frontmatter and body, with the line where each starts', () => {
    expect(splitFrontmatter('---\nid: x\n---\n\n同志们:\n')).toEqual({
      yaml: 'id: x',
      yamlLine: 2,
      body: '\n同志们:\n',
      bodyLine: 4,
    });
  });
  test('gives the same result with a BOM and CRLF line endings', () => {
    expect(splitFrontmatter('\uFEFF---\r\nid: x\r\n---\r\n\r\n同志们:\r\n')).toEqual(
      splitFrontmatter('---\nid: x\n---\n\n同志们:\n'),
    );
  });
  test('reports a missing or unclosed frontmatter', () => {
    expect(splitFrontmatter('同志们:')).toEqual({ problem: 'missing', line: 1 });
    expect(splitFrontmatter('---\nid: x\n\n同志们:')).toEqual({ problem: 'unclosed', line: 1 });
  });
});

describe('readFrontmatterBytes', () => {
  test.each([
    ['plain', '---\nid: x\n---\n\n同志们:\n---\n'],
    ['BOM and CRLF', '\uFEFF---\r\nid: x\r\n---\r\n同志们:\r\n'],
    ['lone CR', '---\rid: x\r...\r同志们:'],
    ['list items and a dashed line that are not fences', '---\nids:\n- a\n----\n--- x\nid: x\n---  \n正文'],
    ['a fence closed by an ideographic space', '---\nid: x\n---\u3000\n正文'],
    ['empty frontmatter', '---\n---\n正文'],
    ['a fence at the end of the file', '---\nid: x\n...'],
    ['no frontmatter', '同志们:\n---\n'],
    ['unclosed', '---\nid: x\n正文'],
  ])('finds what splitFrontmatter finds: %s', (_, text) => {
    const split = splitFrontmatter(text);
    expect(readFrontmatterBytes(new TextEncoder().encode(text))).toEqual('yaml' in split ? split.yaml : split);
  });
});

describe('script conversion', () => {
  test('converts between the scripts of the seed texts', () => {
    expect(toSimplified('金鉬集團剝離辦社會職能')).toBe('金钼集团剥离办社会职能');
    expect(toTraditional('国务院国资委')).toBe('國務院國資委');
    expect(listScriptForms('三供一业')).toEqual(['三供一业', '三供一業']);
  });

  // script-convert.ts takes shortcuts through OpenCC's presets; its output must stay OpenCC's.
  const openccToSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const openccToTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const sameAsOpenCC = (texts: string[]) => {
    for (const text of texts) {
      expect(toSimplified(text)).toBe(openccToSimplified(text));
      expect(toTraditional(text)).toBe(openccToTraditional(text));
    }
  };
  const seeds = ['documents', 'sources'].flatMap((folder) =>
    readdirSync(join('content', folder)).map((name) => readFileSync(join('content', folder, name), 'utf8')),
  );

  test('converts the seed texts exactly as OpenCC does', () => sameAsOpenCC(seeds));

  test('converts markup, rare characters and ideographic descriptions exactly as OpenCC does', () =>
    sameAsOpenCC([
      '',
      'plain ASCII [a]^-\\ text',
      '<p>国务院<a href="../../enterprises/x/" class="entity">国资委</a>发布</p>',
      '⿰木木林业⿱艹头发展',
      '发展⿰',
      '𠮷野家的𠮷与后面',
      '\ud842后\udfb7面\ud842',
      '乾隆年间的乾坤，干部干活',
      '著名的著作，著落',
    ]));

  test('converts random mixtures of the seed texts exactly as OpenCC does', () => {
    // Slices of the seeds glued end to end put words across every kind of boundary.
    const text = seeds.join('');
    let state = 7;
    const random = (below: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % below;
    };
    const pieces = [...'⿰𠮷]^-\\<>'];
    sameAsOpenCC(
      Array.from({ length: 400 }, () =>
        Array.from({ length: 1 + random(8) }, () => {
          if (random(10) === 0) return pieces[random(pieces.length)]!;
          const start = random(text.length);
          return text.slice(start, start + 1 + random(12));
        }).join(''),
      ),
    );
  });
});

describe('findMentions', () => {
  const aliases: AliasEntry[] = [
    { alias: '金堆城钼业集团', collection: 'enterprises', id: 'jinduicheng-molybdenum-group' },
    { alias: '金钼集团', collection: 'enterprises', id: 'jinduicheng-molybdenum-group' },
    { alias: '金堆城', collection: 'enterprises', id: 'jinduicheng-town' },
    { alias: '三供一业', collection: 'directives', id: 'three-supplies-and-one-service' },
    { alias: 'SASAC', collection: 'enterprises', id: 'sasac' },
  ];
  const matcher = createMentionMatcher(aliases);
  const found = (text: string) => findMentions(text, matcher).map((mention) => [mention.text, mention.id]);

  test('prefers the longest alias where aliases overlap', () => {
    expect(found('马健诚首先介绍了《金堆城钼业集团剥离企业办社会职能和解决历史遗留问题工作实施方案》')).toEqual([
      ['金堆城钼业集团', 'jinduicheng-molybdenum-group'],
    ]);
  });

  test('finds simplified aliases in traditional text (seed 002)', () => {
    expect(found('推進“三供一業”(供水、供電、供熱供氣和物業管理)，金鉬集團董事長程方方')).toEqual([
      ['三供一業', 'three-supplies-and-one-service'],
      ['金鉬集團', 'jinduicheng-molybdenum-group'],
    ]);
  });

  test('matches Latin aliases only as whole words', () => {
    expect(found('SASAC listed the district; SASACS and XSASAC are not it')).toEqual([['SASAC', 'sasac']]);
  });

  test('falls back to a shorter alias where the longest one is not a whole word', () => {
    const sinopec = createMentionMatcher([
      { alias: 'Sinopec', collection: 'enterprises', id: 'sinopec' },
      { alias: 'Sinopec Group', collection: 'enterprises', id: 'sinopec-group' },
    ]);
    const ids = (text: string) => findMentions(text, sinopec).map((mention) => [mention.text, mention.id]);
    expect(ids('Sinopec Group and Sinopec Groups')).toEqual([
      ['Sinopec Group', 'sinopec-group'],
      ['Sinopec', 'sinopec'],
    ]);
  });

  test('finds nothing in a text that names no entity', () => {
    expect(found('同志们:结合近期市委市政府的一系列讲话精神,集团决定召开此次会议。')).toEqual([]);
  });
});

describe('findUnsafeMarkup', () => {
  test('finds scripts, handlers and javascript: URLs, not ordinary text about them', () => {
    const body =
      '防止<script>alert(1)</script>\n<img src=x onerror="x()">\n[链接](JavaScript:void(0))\n讨论 script 与 onload 的文章';
    expect(findUnsafeMarkup(body).map((item) => item.message)).toEqual([
      'raw <script> tag: remove it; bodies are text, not HTML',
      "event handler attribute onerror= runs code in the reader's browser: remove it",
      "javascript: URL runs code in the reader's browser: link to an http(s) address instead",
    ]);
  });
});

describe('listBlockKinds', () => {
  test('lists headings with their level and paragraphs', () => {
    expect(listBlockKinds('## 一、\\*\\*年工作回顧\n\n**(一)確立一個目標。**創建文明機關\n\n同志們')).toEqual([
      'heading-2',
      'paragraph',
      'paragraph',
    ]);
  });
});

describe('suggest', () => {
  test('suggests a close id and nothing for a distant one', () => {
    expect(suggest('jinan-holdng', ['jinan-holding', 'sasac'])).toBe('jinan-holding');
    expect(suggest('JINAN-HOLDING', ['jinan-holding'])).toBe('jinan-holding');
    expect(suggest('weinan-municipal-sasac', ['jinan-holding', 'sasac'])).toBeUndefined();
  });
});

describe('urls', () => {
  test('respects the base path of a project site', () => {
    expect(withBase('/', pagePath('en', 'documents', 'x'))).toBe('/en/documents/x/');
    expect(withBase('/archive/', pagePath('zh'))).toBe('/archive/zh/');
    expect(withBase('/archive', '/pagefind/pagefind.js')).toBe('/archive/pagefind/pagefind.js');
  });
  test('switches language and keeps the page', () => {
    expect(switchLanguage('/zh/enterprises/sasac/', '/', 'en')).toBe('/en/enterprises/sasac/');
    expect(switchLanguage('/archive/en/', '/archive/', 'zh')).toBe('/archive/zh/');
  });
});

describe('UI dictionaries', () => {
  test('every language has every key, none empty, with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zh[key].trim(), key).not.toBe('');
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
    }
  });
});

describe('computeSiteStats', () => {
  test('measures document pages with and without their text, and finds scripts on content pages', async () => {
    const { computeSiteStats } = await import('../src/lib/site-stats.ts');
    const doc = `<main><section class="reading"><div class="rows">${'字'.repeat(2048)}</div></section></main>`;
    const stats = computeSiteStats(
      new Map([
        ['index.html', '<script src="/x.js"></script>'],
        ['en/search/index.html', '<script src="/s.js"></script>'],
        ['en/documents/a/index.html', doc],
        ['zh/about/index.html', '<script>x()</script>'],
        ['zh/documents/b/index.html', '<script type="application/ld+json">{}</script>'],
      ]),
      new Map([['_astro/a.css', 2048]]),
    );
    expect(stats).toEqual({
      pages: 5,
      documentPages: 2,
      documentPageKbMedian: 3.1,
      documentPageChromeKbMedian: 0,
      cssKb: 2,
      contentPagesWithScripts: ['zh/about/index.html'],
    });
  });
});

describe('serializeJsonLd', () => {
  test('escapes what could close the script element or start markup', async () => {
    const { serializeJsonLd } = await import('../src/lib/json-ld.ts');
    const json = serializeJsonLd({ name: '</script><script>alert(1)</script> & <!--' });
    expect(json).not.toMatch(/[<>&]/);
    expect(JSON.parse(json)).toEqual({ name: '</script><script>alert(1)</script> & <!--' });
  });
});

describe('parseHeadersFile', () => {
  test('reads the headers of public/_headers', async () => {
    const { parseHeadersFile } = await import('../src/lib/security-headers.ts');
    const { readFileSync } = await import('node:fs');
    const headers = parseHeadersFile(readFileSync('public/_headers', 'utf8'));
    expect(Object.keys(headers).sort()).toEqual([
      'content-security-policy',
      'cross-origin-opener-policy',
      'permissions-policy',
      'referrer-policy',
      'x-content-type-options',
      'x-frame-options',
    ]);
    expect(headers['content-security-policy']).not.toContain('unsafe-inline');
  });
});

describe('findActiveContent (the test helper that inspects built pages)', () => {
  test('flags what runs or clobbers and passes escaped text, JSON-LD and module scripts', async () => {
    const { findActiveContent } = await import('./helpers/find-active-content.ts');
    expect(
      findActiveContent(
        '<p>&lt;script&gt;alert(1)&lt;/script&gt; onerror=alert(2)</p><script type="application/ld+json">{}</script><script type="module" src="/a.js"></script>',
      ),
    ).toEqual([]);
    expect(
      findActiveContent(
        '<script>alert(1)</script><img src=x onerror="a()"><a href="javascript:a()">x</a><a id="location">y</a><iframe src="/x"></iframe><p style="color:red">z</p>',
      ),
    ).toHaveLength(6);
  });
});

describe('git history', () => {
  test('reads added and updated dates of each file from one git log', async () => {
    const { parseGitLog } = await import('../src/lib/git-history.ts');
    const output = '\0' + '2026-11-21T10:00:00+00:00\n\na.md\nb.md\n' + '\0' + '2026-11-01T09:00:00+00:00\n\na.md\n';
    expect(Object.fromEntries(parseGitLog(output))).toEqual({
      'a.md': { added: '2026-11-01T09:00:00+00:00', updated: '2026-11-21T10:00:00+00:00' },
      'b.md': { added: '2026-11-21T10:00:00+00:00', updated: '2026-11-21T10:00:00+00:00' },
    });
    expect(parseGitLog('').size).toBe(0);
  });
  test('links to edit and history on GitHub and GitLab, and none without a repository', async () => {
    const { readRepositoryConfig, repositoryLinks } = await import('../src/lib/site-config.ts');
    const github = readRepositoryConfig({ ARCHIVE_REPO_URL: 'https://github.com/o/r/' });
    expect(repositoryLinks(github, 'content/documents/x.md')).toEqual({
      edit: 'https://github.com/o/r/edit/main/content/documents/x.md',
      history: 'https://github.com/o/r/commits/main/content/documents/x.md',
    });
    const gitlab = readRepositoryConfig({ ARCHIVE_REPO_URL: 'https://gitlab.com/o/r', ARCHIVE_REPO_BRANCH: 'pages' });
    expect(repositoryLinks(gitlab, 'c.md')?.edit).toBe('https://gitlab.com/o/r/-/edit/pages/c.md');
    expect(repositoryLinks(readRepositoryConfig({}), 'c.md')).toBeUndefined();
  });
});
