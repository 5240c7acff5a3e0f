// What researchers' own software reads from the built site: reference managers' citation tags
// (Highwire Press, Dublin Core) and schema.org data, Frictionless Data's JavaScript libraries on
// the data package, the Nu Html Checker on every page, feeds, and the small things a reader
// sees on every page. One build of the fixture archive serves them all.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseHtml, type DefaultTreeAdapterMap } from 'parse5';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildSite } from './helpers/build-site.ts';
import { materialiseCase } from './helpers/content-tree.ts';
import { applyCommittedSite, describeUnsetSite } from '../src/cli/site-address.ts';
import { documentRow, formatDocumentCsv, neutraliseFormula } from '../src/lib/data-export.ts';
import { splitFrontmatter } from '../src/lib/frontmatter.ts';
import type { IndexedDocument } from '../src/lib/archive-index.ts';
import { documentSchema, personSchema } from '../src/schema/index.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const require = createRequire(import.meta.url);
// Frictionless Data's JavaScript libraries ship no types: the part of their API used here.
const { Package } = require('datapackage') as {
  Package: {
    load(
      descriptor: string,
      options: { basePath: string },
    ): Promise<{
      valid: boolean;
      errors: Error[];
      getResource(name: string): { read(options: { keyed: true; cast: true }): Promise<Record<string, unknown>[]> };
    }>;
  };
};
const VNU_JAR = require.resolve('vnu-jar/build/dist/vnu.jar');
const FIXTURE = join(import.meta.dirname, 'fixtures', 'archive');

function elements(node: Node, into: Element[] = []): Element[] {
  if ('tagName' in node) into.push(node);
  if ('childNodes' in node) for (const child of node.childNodes) elements(child as Node, into);
  if ('content' in node && node.content) elements(node.content as Node, into);
  return into;
}

const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map((child) => textOf(child as Node)).join('') : '';
}

/** The frontmatter of a fixture file, as YAML gives it. */
function frontmatter(path: string): unknown {
  const split = splitFrontmatter(readFileSync(join(FIXTURE, path), 'utf8'));
  if ('problem' in split) throw new Error(`${path}: ${split.problem}`);
  return parseYaml(split.yaml);
}
const fixtureDoc = (id: string) => documentSchema.parse(frontmatter(`documents/${id}.md`));
const fixturePerson = (id: string) => personSchema.parse(frontmatter(`people/${id}.md`));

describe('the built site, as other tools read it', () => {
  const created: string[] = [];
  let out = '';
  beforeAll(() => {
    const content = materialiseCase();
    created.push(content);
    const result = buildSite(content, { base: '/soe/' });
    created.push(join(result.out, '..'));
    out = result.out;
    if (result.status !== 0) throw new Error(`build failed:\n${result.log}`);
  });
  afterAll(() => {
    for (const dir of created) rmSync(dir, { recursive: true, force: true });
  });

  const page = (path: string) => parseHtml(readFileSync(join(out, path, 'index.html'), 'utf8'));
  /** The page's `<meta name>` elements in the head, as [name, content, lang] in document order. */
  const metaTags = (path: string) => {
    const head = elements(page(path)).find((element) => element.tagName === 'head')!;
    return elements(head)
      .filter((element) => element.tagName === 'meta' && attr(element, 'name'))
      .map((element) => [attr(element, 'name')!, attr(element, 'content')!, attr(element, 'lang')] as const);
  };
  const meta = (path: string, name: string) => metaTags(path).filter(([tag]) => tag === name);
  const jsonLd = (path: string) => {
    const script = elements(page(path)).find(
      (element) => element.tagName === 'script' && attr(element, 'type') === 'application/ld+json',
    );
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of any shape, checked field by field
    return JSON.parse(textOf(script!)) as Record<string, any>;
  };

  test('document pages carry Highwire Press and Dublin Core tags that match the document', () => {
    const doc = fixtureDoc('2014-04-14-holding-speech');
    const speaker = fixturePerson(doc.speaker!);
    for (const lang of ['en', 'zh'] as const) {
      const path = `${lang}/documents/${doc.id}`;
      const url = `https://archive.test/soe/${lang}/documents/${doc.id}/`;
      const title = lang === 'en' ? doc.title.en : doc.title.zh;
      const other = lang === 'en' ? doc.title.zh : doc.title.en;
      expect(meta(path, 'citation_title').map(([, content]) => content)).toEqual([title]);
      expect(meta(path, 'DC.title').map(([, content]) => content)).toEqual([title]);
      // The title in the other language too: the original on the English page.
      expect(meta(path, 'DCTERMS.alternative')).toEqual([
        ['DCTERMS.alternative', other, lang === 'en' ? doc.script : 'en'],
      ]);
      const [family, ...given] = (lang === 'en' ? speaker.name.en : speaker.name.zh).split(lang === 'en' ? ' ' : '');
      const author = lang === 'en' ? `${family}, ${given.join(' ')}` : `${family}, ${given.join('')}`;
      expect(meta(path, 'citation_author').map(([, content]) => content)).toEqual([author]);
      expect(meta(path, 'citation_publication_date')[0]![1]).toBe(doc.date.replaceAll('-', '/'));
      expect(meta(path, 'citation_online_date')[0]![1]).toBe(doc.published!.replaceAll('-', '/'));
      expect(meta(path, 'DC.date')[0]![1]).toBe(doc.date);
      expect(meta(path, 'citation_language')[0]![1]).toBe(doc.script);
      expect(meta(path, 'citation_publisher')[0]![1]).toBe(lang === 'en' ? doc.source.site.en : doc.source.site.zh);
      expect(meta(path, 'citation_public_url')[0]![1]).toBe(url);
      expect(meta(path, 'DC.identifier')[0]![1]).toBe(url);
      expect(meta(path, 'DC.source')[0]![1]).toBe(lang === 'en' ? doc.source.site.en : doc.source.site.zh);
      // Zotero's item type for a speech, ahead of its journal-article guess.
      expect(meta(path, 'DC.type')[0]![1]).toBe('presentation');
      // The canonical link is the same address.
      const canonical = elements(page(path)).find(
        (element) => element.tagName === 'link' && attr(element, 'rel') === 'canonical',
      );
      expect(attr(canonical!, 'href')).toBe(url);
    }
    // An unsigned news item in traditional script names no author and says which script it is in.
    const news = fixtureDoc('2017-08-04-jinduicheng-meeting');
    const path = `zh/documents/${news.id}`;
    expect(meta(path, 'citation_author')).toEqual([]);
    expect(meta(path, 'citation_title')).toEqual([['citation_title', news.title.zh, 'zh-Hant']]);
    expect(meta(path, 'citation_language')[0]![1]).toBe('zh-Hant');
    expect(meta(path, 'DC.type')[0]![1]).toBe('newspaperArticle');
    expect(meta(path, 'DC.source')[0]![1]).toBe(news.source.site.zh);
  });

  test('schema.org data: a news item has an author, a publisher; entity and person pages have their own', () => {
    const news = jsonLd('en/documents/2017-08-04-jinduicheng-meeting');
    expect(news['@type']).toBe('NewsArticle');
    expect(news.author).toEqual({ '@type': 'Organization', name: '未具名报纸', alternateName: 'An unnamed newspaper' });
    expect(news.publisher).toEqual(news.author);
    const speech = jsonLd('en/documents/2014-04-14-holding-speech');
    expect(speech.datePublished).toBe('2014-04-16');
    expect(speech.author).toMatchObject({ '@type': 'Person', name: '盛俊泰', alternateName: 'Sheng Juntai' });

    const person = jsonLd('en/people/sheng-juntai');
    expect(person).toMatchObject({
      '@type': 'Person',
      name: '盛俊泰',
      alternateName: ['Sheng Juntai'],
      url: 'https://archive.test/soe/en/people/sheng-juntai/',
      sameAs: 'https://archive.test/soe/zh/people/sheng-juntai/',
      jobTitle: ['Head of the Holding Group'],
    });
    expect(person.affiliation[0].url).toBe('https://archive.test/soe/en/enterprises/jinan-holding/');
    const enterprise = jsonLd('zh/enterprises/jinan-holding');
    expect(enterprise).toMatchObject({ '@type': 'Organization', name: '济南市投资控股集团有限公司' });
    expect(enterprise.alternateName).toContain('Jinan Investment Holding Group Co., Ltd.');
    const agency = jsonLd('en/enterprises/sasac');
    expect(agency['@type']).toBe('GovernmentOrganization');
    const directive = jsonLd('en/directives/four-batches');
    expect(directive).toMatchObject({ '@type': 'CreativeWork', name: '四个一批', genre: 'slogan' });
  });

  test("the data package loads in Frictionless's JavaScript library, and matches documents.json", async () => {
    const pkg = await Package.load(join(out, 'data', 'datapackage.json'), { basePath: join(out, 'data') });
    expect(pkg.errors.map(String)).toEqual([]);
    expect(pkg.valid).toBe(true);
    const rows = await pkg.getResource('documents').read({ keyed: true, cast: true });
    const json = JSON.parse(readFileSync(join(out, 'data', 'documents.json'), 'utf8')) as Record<string, unknown>[];
    expect(rows.map((row) => row.id)).toEqual(json.map((row) => row.id));
    // Cast by the schema: integers and booleans, not text.
    expect(rows.map((row) => row.characters)).toEqual(json.map((row) => row.characters));
    expect(rows.map((row) => row.translated)).toEqual([false, true]);
  });

  test('documents.csv has no byte-order mark; documents-excel.csv is the same table with one', () => {
    const plain = readFileSync(join(out, 'data', 'documents.csv'));
    const excel = readFileSync(join(out, 'data', 'documents-excel.csv'));
    expect([...plain.subarray(0, 3)]).toEqual([...Buffer.from('id,')]);
    expect([...excel.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(excel.subarray(3).equals(plain)).toBe(true);
  });

  test('every page is valid HTML to the Nu Html Checker (vnu.jar; needs Java)', () => {
    const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
    if (java.error) throw new Error('the Nu Html Checker needs a Java runtime: apt-get install default-jre-headless');
    const result = spawnSync('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', '--skip-non-html', out], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const report = JSON.parse(result.stderr || '{"messages":[]}') as {
      messages: { type: string; url: string; message: string; lastLine?: number }[];
    };
    const errors = report.messages.map(
      (message) => `${message.url.replace(`file:${out}`, '')}:${message.lastLine ?? ''} ${message.message}`,
    );
    expect(errors).toEqual([]);
    expect(result.status).toBe(0);
  });

  test('search pages: the script inside the document, the filters there before it runs', () => {
    for (const lang of ['zh', 'en']) {
      const tree = page(`${lang}/search`);
      const html = elements(tree).find((element) => element.tagName === 'html')!;
      const body = html.childNodes.find((child) => child.nodeName === 'body') as Element;
      const scripts = elements(tree).filter((element) => element.tagName === 'script' && attr(element, 'src'));
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(elements(body)).toContain(script);
      const groups = elements(tree).find((element) => attr(element, 'id') === 'search-filter-groups')!;
      const fieldsets = elements(groups).filter((element) => element.tagName === 'fieldset');
      // Type, year, enterprise, directive, speaker, region, script: the fixture has values for each.
      expect(fieldsets).toHaveLength(7);
      for (const fieldset of fieldsets) expect(attr(fieldset, 'disabled')).toBe('');
      const years = elements(fieldsets[1]!).filter((element) => element.tagName === 'input');
      expect(years.map((input) => attr(input, 'value'))).toEqual(['2017', '2014']);
    }
  });

  test('document pages show the citation in four CSL styles, the page language first', () => {
    const styles = (path: string) => {
      const list = elements(page(path)).find((element) => attr(element, 'class') === 'citation-styles')!;
      return elements(list)
        .filter((element) => element.tagName === 'dt')
        .map((element) => textOf(element));
    };
    expect(styles('en/documents/2014-04-14-holding-speech')).toEqual([
      'Chicago (author-date, 18th edition)',
      'GB/T 7714-2015 (author-date)',
      'APA (7th edition)',
      'MLA (9th edition)',
    ]);
    expect(styles('zh/documents/2014-04-14-holding-speech')[0]).toBe('GB/T 7714-2015 格式（著者-出版年）');
    const text = textOf(page('en/documents/2014-04-14-holding-speech'));
    expect(text).toContain('盛俊泰. 2014. “在控股集团帮扶解困和改革发展工作分析总结会上的讲话.” Speech.');
    expect(text).toContain('盛俊泰, 2014. 在控股集团帮扶解困和改革发展工作分析总结会上的讲话[Z/OL].');
  });

  test("feed entries carry each text's own date", () => {
    const feed = new XMLParser().parse(readFileSync(join(out, 'en', 'feed.xml'), 'utf8'), true).feed;
    const published = feed.entry.map((entry: { published: string }) => entry.published);
    expect(published).toEqual(['2017-08-04T00:00:00+08:00', '2014-04-16T00:00:00+08:00']);
    for (const entry of feed.entry)
      expect(Date.parse(entry.updated)).toBeGreaterThanOrEqual(Date.parse(entry.published));
  });

  test('the footer spaces its words; the 404 page heads each language', () => {
    const footer = elements(page('en')).find((element) => element.tagName === 'footer')!;
    const text = textOf(footer);
    expect(text).toContain('Data for download: documents.csv · documents-excel.csv');
    expect(text).toContain('datapackage.json · Atom feed');
    expect(textOf(elements(page('zh')).find((element) => element.tagName === 'footer')!)).toContain(
      '数据下载：documents.csv',
    );
    const notFound = parseHtml(readFileSync(join(out, '404.html'), 'utf8'));
    const sections = elements(notFound).filter((element) => element.tagName === 'section');
    expect(sections.map((section) => textOf(elements(section).find((element) => element.tagName === 'h2')!))).toEqual([
      'In English',
      '中文',
    ]);
  });
});

describe('CSV cells that would start a formula (OWASP, "CSV Injection")', () => {
  test.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+86 10 1234', `'+86 10 1234`],
    ['-1', `'-1`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tx', `'\tx`],
    ['\rx', `'\rx`],
    ['国企改革 = 2014', '国企改革 = 2014'],
    ['2014-04-14', '2014-04-14'],
  ])('%j becomes %j', (cell, expected) => {
    expect(neutraliseFormula(cell)).toBe(expected);
  });

  test('documents.csv neutralises and quotes them; the JSON row keeps the title as written', () => {
    const title = '=HYPERLINK("http://evil.example","click")';
    const doc = { ...fixtureDocument(), title: { zh: title, en: '@cmd' } };
    const row = documentRow(doc, { urlZh: 'https://a.test/zh/', urlEn: 'https://a.test/en/' });
    expect(row['title.zh']).toBe(title);
    const csv = formatDocumentCsv([row]);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    const [parsed] = parseCsv(csv, { columns: true }) as Record<string, string>[];
    expect(parsed!['title.zh']).toBe(`'${title}`);
    expect(parsed!['title.en']).toBe(`'@cmd`);
    expect(parsed!.date).toBe(doc.date);
    expect(parsed!.translated).toBe('false');
  });
});

function fixtureDocument(): IndexedDocument {
  return { ...fixtureDoc('2014-04-14-holding-speech'), characters: 100, mentions: {} } as unknown as IndexedDocument;
}

describe('the site address', () => {
  test("comes from package.json's homepage, origin and base path, unless the environment sets it", () => {
    const project = mkdtempSync(join(tmpdir(), 'project-'));
    try {
      writeFileSync(join(project, 'package.json'), JSON.stringify({ homepage: 'https://example.org/soe-archive/' }));
      const env: NodeJS.ProcessEnv = {};
      applyCommittedSite(project, env);
      expect(env).toEqual({ ARCHIVE_SITE_URL: 'https://example.org', ARCHIVE_BASE: '/soe-archive/' });
      expect(describeUnsetSite(env)).toBeUndefined();
      const set: NodeJS.ProcessEnv = { ARCHIVE_SITE_URL: 'https://preview.test' };
      applyCommittedSite(project, set);
      expect(set).toEqual({ ARCHIVE_SITE_URL: 'https://preview.test' });
      writeFileSync(join(project, 'package.json'), JSON.stringify({ homepage: 'soe-archive' }));
      expect(() => applyCommittedSite(project, {})).toThrow(/package\.json: "homepage" must be the address/);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  test('a build with none ends with a warning naming what carries localhost and where to set it', () => {
    const warning = describeUnsetSite({});
    expect(warning).toMatch(/NO SITE ADDRESS SET/);
    expect(warning).toMatch(/sitemap\.xml, robots\.txt/);
    expect(warning).toMatch(/package\.json: "homepage"/);
  });
});
