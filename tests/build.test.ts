import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { createRequire } from 'node:module';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { LinkChecker } from 'linkinator';
import { buildSite, childEnv } from './helpers/build-site.ts';
import { findActiveContent } from './helpers/find-active-content.ts';
import { serveStatic } from '../src/dev/static-server.ts';
import { materialiseCase } from './helpers/content-tree.ts';
import { retiredDir, searchCacheDir } from '../src/build/store.ts';
import { RECORD } from '../src/build/transaction.ts';

const project = join(import.meta.dirname, '..');
const { Cite } = createRequire(import.meta.url)('@citation-js/core') as {
  Cite: new (data: string, options: { forceType: string }) => { data: Record<string, unknown>[] };
};
createRequire(import.meta.url)('@citation-js/plugin-ris');
const created: string[] = [];

function runBuild(content: string, out: string, env: Record<string, string> = {}) {
  return buildSite(content, { base: '/soe/', out, env });
}

function temporary(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

describe('npm run build on a fixture archive', () => {
  let out = '';
  let log = '';
  beforeAll(() => {
    const content = materialiseCase();
    created.push(content);
    out = join(temporary('dist-'), 'site');
    const result = runBuild(content, out);
    log = result.log;
    if (result.status !== 0) throw new Error(`build failed:\n${log}`);
  });

  const page = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');

  test('builds every page in both languages with the right lang and alternates', () => {
    const zh = page('zh/documents/2014-04-14-holding-speech');
    const en = page('en/documents/2014-04-14-holding-speech');
    expect(zh).toContain('<html lang="zh-Hans"');
    expect(en).toContain('<html lang="en"');
    expect(en).toContain('hreflang="zh-Hans" href="https://archive.test/soe/zh/documents/2014-04-14-holding-speech/"');
    for (const path of [
      'zh',
      'en',
      'en/enterprises/jinan-holding',
      'zh/directives/four-batches',
      'en/people/sheng-juntai',
    ]) {
      expect(existsSync(join(out, path, 'index.html')), path).toBe(true);
    }
  });

  test('shows the original, its run-in heads in bold, and the aligned translation', () => {
    const en = page('en/documents/2014-04-14-holding-speech');
    expect(en).toContain('<strong>1、认真总结前一阶段经验，树立不达目标不罢休的精神。</strong>');
    expect(en).toContain('Each enterprise should follow the "four batches" approach');
    expect(en).toContain('14 April 2014');
    const traditional = page('zh/documents/2017-08-04-jinduicheng-meeting');
    expect(traditional).toContain('lang="zh-Hant"');
    expect(traditional).toContain('陝西省金堆城礦區');
  });

  test('links every page under the configured base path', () => {
    const home = page('en');
    expect(home).toContain('href="/soe/en/documents/2014-04-14-holding-speech/"');
    expect(home).not.toMatch(/href="\/(zh|en)\//);
  });

  test('cross-links entities and the documents citing them', () => {
    const enterprise = page('en/enterprises/jinduicheng-molybdenum');
    expect(enterprise).toContain('href="/soe/en/documents/2017-08-04-jinduicheng-meeting/"');
    expect(enterprise).toContain('href="/soe/en/enterprises/sasac/"');
  });

  test("shows a person's offices with their dates, in each language's order", () => {
    const text = (html: string) =>
      /<section aria-labelledby="roles-heading">([\s\S]*?)<\/section>/
        .exec(html)![1]!
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ');
    const en = page('en/people/sheng-juntai');
    const zh = page('zh/people/sheng-juntai');
    expect(text(en)).toContain(
      'Head of the Holding Group, Jinan Investment Holding Group Co., Ltd. (as of April 2014)',
    );
    expect(text(zh)).toContain('济南市投资控股集团有限公司控股集团负责人（2014年4月在任）');
    expect(en).toContain('<time datetime="2014-04">April 2014</time>');
  });

  test('every page is valid HTML (html-validate, recommended rules)', async () => {
    // .htmlvalidate.json: recommended rules, less long-title (document titles are as long as the documents' own).
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const pages = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(40);
    const messages: string[] = [];
    for (const path of pages) {
      const report = await validator.validateFile(join(out, path));
      for (const result of report.results) {
        for (const message of result.messages)
          messages.push(`${path}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
      }
    }
    expect(messages).toEqual([]);
  });

  test('no internal link is broken, fragments included', async () => {
    const server = await serveStatic(out, '/soe/');
    try {
      const result = await new LinkChecker().check({
        path: server.url,
        recurse: true,
        checkFragments: true,
        concurrency: 8,
        linksToSkip: ['^(?!http://127\\.0\\.0\\.1)'],
      });
      const broken = result.links
        .filter((link) => link.state === 'BROKEN')
        .map((link) => `${link.status} ${link.url} (from ${link.parent})`);
      expect(broken).toEqual([]);
      // Every built page is reachable by following links from the root.
      const reached = new Set(
        result.links.filter((link) => link.state === 'OK').map((link) => new URL(link.url).pathname),
      );
      const pages = readdirSync(out, { recursive: true, encoding: 'utf8' })
        .filter((path) => path.endsWith('index.html'))
        .map((path) => `/soe/${path.replace(/index\.html$/, '')}`);
      expect(pages.filter((page) => !reached.has(page))).toEqual([]);
    } finally {
      await server.close();
    }
  });

  test('document pages carry schema.org data that parses and names the work', () => {
    const html = page('en/documents/2017-08-04-jinduicheng-meeting');
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1];
    const data = JSON.parse(json!);
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      name: '金堆城獨立工礦區剝離辦社會職能綜合改革試點工作小組召開第一次全體會議',
      inLanguage: 'zh-Hant',
      dateCreated: '2017-08-04',
      url: 'https://archive.test/soe/en/documents/2017-08-04-jinduicheng-meeting/',
      sameAs: 'https://archive.test/soe/zh/documents/2017-08-04-jinduicheng-meeting/',
    });
    expect(data.about.map((entity: { alternateName: string }) => entity.alternateName)).toContain(
      'Jinduicheng Molybdenum Group Co., Ltd.',
    );
  });

  test('data downloads match the content and round-trip through a real CSV parser', () => {
    const json = JSON.parse(readFileSync(join(out, 'data', 'documents.json'), 'utf8'));
    const csv = parseCsv(readFileSync(join(out, 'data', 'documents.csv')), { columns: true, bom: true });
    expect(csv).toHaveLength(2);
    expect(json.map((row: { id: string }) => row.id)).toEqual([
      '2017-08-04-jinduicheng-meeting',
      '2014-04-14-holding-speech',
    ]);
    for (const [i, row] of csv.entries()) {
      for (const [key, value] of Object.entries(json[i])) expect(row[key], key).toBe(String(value));
    }
    expect(csv[1]).toMatchObject({
      'title.zh': '在控股集团帮扶解困和改革发展工作分析总结会上的讲话',
      date: '2014-04-14',
      enterprises: 'jinan-holding',
      'source.defects': '[{"text":"2014414","note":{"zh":"日期分隔符丢失。","en":"Date separators lost."}}]',
      translated: 'true',
      'url.en': 'https://archive.test/soe/en/documents/2014-04-14-holding-speech/',
    });
    const pkg = JSON.parse(readFileSync(join(out, 'data', 'datapackage.json'), 'utf8'));
    expect(pkg.resources[0].schema.fields.map((field: { name: string }) => field.name)).toEqual(Object.keys(csv[0]));
    const entities = JSON.parse(readFileSync(join(out, 'data', 'entities.json'), 'utf8'));
    expect(entities.enterprises.map((entity: { id: string }) => entity.id)).toEqual([
      'jinan-holding',
      'jinduicheng-molybdenum',
      'sasac',
    ]);
    const graph = JSON.parse(readFileSync(join(out, 'data', 'graph.json'), 'utf8'));
    expect(graph.edges).toContainEqual({
      source: 'documents/2017-08-04-jinduicheng-meeting',
      target: 'enterprises/jinduicheng-molybdenum',
      mentions: 1,
      listed: true,
    });
  });

  test('citation downloads parse back: BibTeX, RIS and CSL-JSON, one document or a whole enterprise', () => {
    const bib = parseBibtex(readFileSync(join(out, 'cite', '2014-04-14-holding-speech.bib'), 'utf8'));
    expect(bib.errors).toEqual([]);
    expect(bib.entries[0]!.fields.title).toBe('在控股集团帮扶解困和改革发展工作分析总结会上的讲话');
    const ris = new Cite(readFileSync(join(out, 'cite', '2017-08-04-jinduicheng-meeting.ris'), 'utf8'), {
      forceType: '@ris/file',
    });
    expect(ris.data[0]!.type).toBe('article-newspaper');
    expect(JSON.stringify(ris.data[0])).toContain(
      '金堆城獨立工礦區剝離辦社會職能綜合改革試點工作小組召開第一次全體會議',
    );
    const csl = JSON.parse(readFileSync(join(out, 'cite', '2014-04-14-holding-speech.json'), 'utf8'));
    expect(csl[0]).toMatchObject({ type: 'speech', issued: { 'date-parts': [[2014, 4, 14]] } });
    const all = parseBibtex(readFileSync(join(out, 'cite', 'enterprises', 'sasac.bib'), 'utf8'));
    expect(all.entries.map((entry) => entry.key)).toEqual(['2017-08-04-jinduicheng-meeting']);
    const page = readFileSync(join(out, 'en', 'documents', '2014-04-14-holding-speech', 'index.html'), 'utf8');
    expect(page).toContain('href="/soe/cite/2014-04-14-holding-speech.bib"');
    expect(page).toContain('盛俊泰. 2014. “在控股集团帮扶解困和改革发展工作分析总结会上的讲话.” Speech.');
  });

  test('feeds are well-formed Atom and list the right documents', () => {
    const parser = new XMLParser({ ignoreAttributes: false });
    const read = (path: string) => {
      const xml = readFileSync(join(out, path), 'utf8');
      // parse(xml, true) validates first and throws on malformed XML.
      return parser.parse(xml, true).feed;
    };
    const en = read('en/feed.xml');
    expect(en.entry.map((entry: { title: string }) => entry.title)).toEqual([
      'Jinduicheng divestiture pilot working group holds its first plenary meeting',
      "Speech at the Holding Group's review meeting on assistance, relief, reform and development",
    ]);
    expect(en.link[0]['@_href']).toBe('https://archive.test/soe/en/feed.xml');
    const enterprise = read('zh/enterprises/jinan-holding/feed.xml');
    expect([enterprise.entry].flat().map((entry: { title: string }) => entry.title)).toEqual([
      '在控股集团帮扶解困和改革发展工作分析总结会上的讲话',
    ]);
    expect(read('en/directives/three-supplies-one-service/feed.xml').entry.link['@_href']).toBe(
      'https://archive.test/soe/en/documents/2017-08-04-jinduicheng-meeting/',
    );
  });

  test('the sitemap lists every page with its other-language alternate', () => {
    const xml = readFileSync(join(out, 'sitemap.xml'), 'utf8');
    const urls = new XMLParser({ ignoreAttributes: false }).parse(xml, true).urlset.url;
    const speech = urls.find(
      (url: { loc: string }) => url.loc === 'https://archive.test/soe/en/documents/2014-04-14-holding-speech/',
    );
    expect(speech['xhtml:link'].map((link: Record<string, string>) => [link['@_hreflang'], link['@_href']])).toEqual([
      ['en', 'https://archive.test/soe/en/documents/2014-04-14-holding-speech/'],
      ['zh-Hans', 'https://archive.test/soe/zh/documents/2014-04-14-holding-speech/'],
    ]);
    const pages = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('index.html'));
    expect(urls).toHaveLength(pages.length);
  });

  test('writes a search index for each language', () => {
    for (const lang of ['zh', 'en']) {
      const manifest = JSON.parse(readFileSync(join(out, `search-${lang}`, 'index.json'), 'utf8'));
      // The fixture's two documents.
      expect(manifest.pages).toBe(2);
      expect(readdirSync(join(out, `search-${lang}`, manifest.folder, 'f'))).toHaveLength(2);
    }
    expect(log).toMatch(/Chinese index: 2 documents in 1 parts/);
    expect(log).toMatch(/English index: 2 documents in 1 parts/);
  });

  test('renders documents from the reading views the worker made ahead, not a second time', () => {
    // Both documents' views, each read by at least one of its pages (the other may reuse it).
    const read = Number(/reading views: the pages read (\d+) made ahead by the worker/.exec(log)?.[1]);
    expect(read).toBeGreaterThanOrEqual(2);
  });
});

describe('hostile content that passes the checker', () => {
  test('never reaches dist/ in a form that runs or clobbers', () => {
    const content = materialiseCase('hostile-but-valid');
    created.push(content);
    const out = join(temporary('dist-'), 'site');
    const result = runBuild(content, out);
    if (result.status !== 0) throw new Error(result.log);
    const pages = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.html'));
    const html = pages.map((path) => readFileSync(join(out, path), 'utf8')).join('\n');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(findActiveContent(html)).toEqual([]);
    const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(
      readFileSync(join(out, 'en/documents/2017-08-04-jinduicheng-meeting/index.html'), 'utf8'),
    )![1]!;
    expect(JSON.parse(jsonLd).headline).toBe('</script><script>alert(1)</script> &amp; <img src=x onerror=alert(2)>');
  });
});

/** Every file of a built site with its SHA-256, sorted by path. */
function listDigests(out: string): string[] {
  return readdirSync(out, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(out, path)).isFile())
    .sort()
    .map(
      (path) =>
        `${createHash('sha256')
          .update(readFileSync(join(out, path)))
          .digest('hex')}  ${path}`,
    );
}

describe('reproducible builds', () => {
  test('two builds of the same content are byte-identical', () => {
    const content = materialiseCase();
    created.push(content);
    const digests = [1, 2].map(() => {
      const out = join(temporary('dist-'), 'site');
      const result = runBuild(content, out);
      if (result.status !== 0) throw new Error(result.log);
      return listDigests(out);
    });
    expect(digests[0]!.length).toBeGreaterThan(50);
    expect(digests[1]).toEqual(digests[0]);
  });
});

describe('incremental builds', () => {
  test('after a text edit, render that document again and give the same site as a full build', () => {
    const content = materialiseCase();
    created.push(content);
    const out = join(temporary('dist-'), 'site');
    // Parts of one document each, so that the Chinese index keeps the unchanged one.
    const small = { ARCHIVE_INDEX_PART_CHARS: '100' };
    const first = runBuild(content, out, small);
    if (first.status !== 0) throw new Error(first.log);
    expect(first.log).toContain('full build: no earlier build of this output folder');
    const recordOf = (site: string) => readFileSync(join(site, RECORD), 'utf8');
    const firstRecord = recordOf(out);

    const again = runBuild(content, out, small);
    expect(again.status).toBe(0);
    expect(again.log).toContain('nothing changed since the last build');

    // A new paragraph naming an entity: the page, the entity's quotes, the data downloads (the
    // text's length) and the search index change.
    const file = join(content, 'documents', '2017-08-04-jinduicheng-meeting.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n增补一段：国务院国资委再次提出要求。\n`);
    const written = (path: string) => statSync(join(out, path)).mtimeMs;
    // Pages of metadata only, and entities the document does not cite, are not rendered again.
    const kept = ['zh/timeline/index.html', 'en/documents/index.html', 'zh/enterprises/jinan-holding/index.html'];
    const before = kept.map(written);
    const incremental = runBuild(content, out, small);
    if (incremental.status !== 0) throw new Error(incremental.log);
    expect(incremental.log).toMatch(/incremental build: the text of 1 of \d+ documents changed/);
    expect(kept.map(written)).toEqual(before);
    expect(readFileSync(join(out, 'en', 'enterprises', 'sasac', 'index.html'), 'utf8')).toContain('再次提出要求');
    // Only the edited document's part of the Chinese index is written again; its English entry
    // did not change, so the English index is joined from kept parts.
    expect(incremental.log).toMatch(/Chinese index: 2 documents in 2 parts, 1 of them kept from the last build/);
    expect(incremental.log).toMatch(
      /English index: 2 documents in 2 parts, 2 of them kept from the last build, \d+ buckets \(kept whole\)/,
    );
    expect(incremental.log).not.toMatch(/Chinese index[^;]*kept whole/);
    expect(
      readFileSync(join(out, 'zh', 'documents', '2017-08-04-jinduicheng-meeting', 'index.html'), 'utf8'),
    ).toContain('增补一段');
    // Its formatted citations come from the store: its frontmatter did not change.
    expect(incremental.log).toMatch(
      /formatted citations: the pages formatted 0 documents' and read 1 from the store \(the worker formatted 0 /,
    );

    expect(incremental.log).toMatch(/kept results: \d+ read from the last build, [1-9]\d* made/);
    // The site it replaced waits in the cache for the next build to delete while it renders;
    // nothing is left beside the output folder.
    const retired = join(retiredDir(project, out), 'site');
    expect(recordOf(retired)).toBe(firstRecord);
    expect(readdirSync(dirname(out))).toEqual(['site']);
    const incrementalRecord = recordOf(out);

    // A word replaced by one as long, in the text listing "four batches": its year's characters
    // stay as they were, so of the directive pages (which show every year's characters) only
    // that directive's are rendered again.
    const speech = join(content, 'documents', '2014-04-14-holding-speech.md');
    writeFileSync(speech, readFileSync(speech, 'utf8').replace('控股集团要抢抓机遇', '控股集团要紧抓机遇'));
    const directives = ['zh/directives/three-supplies-one-service/index.html', 'en/directives/four-batches/index.html'];
    const directivesBefore = directives.map(written);
    const sameLength = runBuild(content, out, small);
    if (sameLength.status !== 0) throw new Error(sameLength.log);
    const directivesAfter = directives.map(written);
    expect(directivesAfter[0], sameLength.log).toBe(directivesBefore[0]);
    expect(directivesAfter[1]).not.toBe(directivesBefore[1]);
    expect(readFileSync(join(out, 'data', 'texts.jsonl'), 'utf8')).toContain('紧抓机遇');
    expect(recordOf(retired)).toBe(incrementalRecord);

    // The comparison is built from scratch: --full uses nothing kept by earlier builds.
    const fresh = join(temporary('dist-'), 'site');
    const full = buildSite(content, { base: '/soe/', out: fresh, args: ['--full'], env: small });
    if (full.status !== 0) throw new Error(full.log);
    expect(listDigests(out)).toEqual(listDigests(fresh));

    // --full builds everything again, the search index's parts included.
    const forced = buildSite(content, { base: '/soe/', out, args: ['--full'] });
    expect(forced.status).toBe(0);
    expect(forced.log).toContain('full build: --full');
    expect(forced.log).not.toContain('kept from the last build');

    // A frontmatter change can move many pages (titles, neighbours, lists): everything is built.
    // Formatted citations kept damaged (cut short) are formatted again, the same; a file no page
    // uses is dropped.
    const page = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');
    const cited = page('en/documents/2017-08-04-jinduicheng-meeting');
    const stored = join(searchCacheDir(project, out), 'citations');
    const entries = readdirSync(stored);
    expect(entries).toHaveLength(2);
    for (const name of entries) writeFileSync(join(stored, name), readFileSync(join(stored, name)).subarray(0, 60));
    writeFileSync(join(stored, `${'0'.repeat(64)}.v8`), 'left by an earlier build');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title:/m, '# edited\ntitle:'));
    const metadata = runBuild(content, out);
    expect(metadata.status).toBe(0);
    expect(metadata.log).toContain('full build: frontmatter, entities or the set of files changed');
    expect(metadata.log).toMatch(
      /formatted citations: the pages formatted 2 documents' and read 0 from the store \(the worker formatted 0 [^)]*\), which dropped 1 /,
    );
    expect(readdirSync(stored).sort()).toEqual(entries.sort());
    expect(page('en/documents/2017-08-04-jinduicheng-meeting')).toBe(cited);
    // Six builds: on two shared cores each can take half a minute.
  }, 400_000);
});

describe('npm run build on broken content', () => {
  test('stops before Astro with the checker message and writes nothing', () => {
    const content = materialiseCase('dangling-references');
    created.push(content);
    const out = join(temporary('dist-'), 'site');
    const result = runBuild(content, out);
    expect(result.status).toBe(1);
    expect(result.log).toContain('speaker  unknown person "sheng-juntia"; did you mean "sheng-juntai"?');
    expect(result.log).toContain('build stopped: 4 errors');
    expect(existsSync(out)).toBe(false);
  });
});

describe('npm run check', () => {
  test('takes the content directory from --content and from ARCHIVE_CONTENT', () => {
    const content = materialiseCase('unknown-reference');
    created.push(content);
    const viaFlag = spawnSync('npm', ['run', '--silent', 'check', '--', '--content', content], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(viaFlag.status).toBe(1);
    expect(viaFlag.stderr).toContain(
      'enterprises[1]  unknown enterprise "jinan-holdng"; did you mean "jinan-holding"?',
    );
    const viaEnv = spawnSync('npm', ['run', '--silent', 'check'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...childEnv, ARCHIVE_CONTENT: content },
    });
    expect(viaEnv.status).toBe(1);
    expect(viaEnv.stdout).toContain('checked 2 documents (1 translations), 3 enterprises, 2 directives, 1 people');
  });

  test('runs on the Node the project pins, whatever the machine has', () => {
    const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
    expect(major > 22 || (major === 22 && minor >= 12)).toBe(true);
  });
});
