import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, test } from 'vitest';
import { claimView, createViewClaims } from '../src/build/reading-views.ts';
import type { ContentFile } from '../src/checker/check-content.ts';
import { loadContentFiles } from '../src/checker/load-content.ts';
import {
  fingerprintFile,
  keepPrints,
  takeKeptPrints,
  type FilePrint,
  type KeptPrint,
} from '../src/build/fingerprints.ts';
import { choosePagesByDigest, planBuild, type BuildState } from '../src/build/plan.ts';
import { RECORD, stageSite } from '../src/build/transaction.ts';
import { keepResult, openKeptResults, pruneKeptResults } from '../src/build/kept-results.ts';
import { digest } from '../src/lib/digest.ts';
import { describeYearCharacters, digestUsagePages } from '../src/lib/usage-digest.ts';
import type { ArchiveIndex, Citation, IndexedDocument } from '../src/lib/archive-index.ts';

const state = (documents: Record<string, string>, change: Partial<BuildState> = {}): BuildState => ({
  version: 2,
  code: 'code',
  metadata: 'metadata',
  documents,
  ...change,
});

describe('planBuild', () => {
  const before = state({ a: '1', b: '2', c: '3' });

  test('builds everything the first time, and when code, settings or metadata changed', () => {
    expect(planBuild(undefined, before)).toEqual({ kind: 'full', reason: 'no earlier build of this output folder' });
    expect(planBuild(before, state(before.documents, { code: 'other' }))).toMatchObject({ kind: 'full' });
    expect(planBuild(before, state(before.documents, { metadata: 'other' }))).toEqual({
      kind: 'full',
      reason: 'frontmatter, entities or the set of files changed',
    });
  });

  test('renders again only the documents whose text changed', () => {
    expect(planBuild(before, state({ a: '1', b: 'two', c: '3' }))).toEqual({
      kind: 'incremental',
      changed: ['b'],
      unchanged: 2,
    });
    expect(planBuild(before, before)).toEqual({ kind: 'incremental', changed: [], unchanged: 3 });
  });
});

describe('digest', () => {
  test('tells apart lists that concatenate to the same text', () => {
    expect(digest(['ab', 'c'])).not.toBe(digest(['a', 'bc']));
    expect(digest(['ab', 'c'])).toBe(digest(['ab', new TextEncoder().encode('c')]));
  });
});

describe('prints kept between builds', () => {
  const root = mkdtempSync(join(tmpdir(), 'prints-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'documents'));
  const original = '---\nid: a\n---\n国有企业改革\n';
  writeFileSync(join(root, 'documents', 'a.md'), original);
  writeFileSync(join(root, 'documents', 'b.md'), '---\nid: b\n---\n三供一业\n');

  const take = (kept: Map<string, KeptPrint>) => {
    const files = loadContentFiles(root);
    const prints = new Map<string, FilePrint>();
    takeKeptPrints(files, kept, prints);
    return { files, prints };
  };
  const printAll = (files: ContentFile[]) =>
    new Map(files.map((file) => [file.relative, fingerprintFile(file, readFileSync(file.path!))!]));

  test('a file whose stat is unchanged is not read again: its print and digest are kept', () => {
    const files = loadContentFiles(root);
    // Kept only for files that had settled before the build began.
    expect(keepPrints(files, printAll(files), Date.now()).size).toBe(0);
    const kept = keepPrints(files, printAll(files), Date.now() + 10_000);
    expect([...kept.keys()]).toEqual(['documents/a.md', 'documents/b.md']);

    const again = take(kept);
    expect(again.files.map((file) => file.digest)).toEqual(
      again.files.map((file) => digest([readFileSync(file.path!)])),
    );
    expect(again.prints).toEqual(printAll(again.files));

    // An edit of the same size is seen: its change time moved.
    writeFileSync(join(root, 'documents', 'a.md'), original.replace('改革', '改制'));
    const edited = take(kept);
    expect(edited.files.map((file) => file.digest !== undefined)).toEqual([false, true]);
    expect([...edited.prints.keys()]).toEqual(['documents/b.md']);
  });
});

describe('reading views shared by the worker and the pages', () => {
  test('each view is claimed once: by whichever side reaches it first', () => {
    const store = { dir: '/nowhere', keys: { a: '1', b: '2', c: '3' }, claims: createViewClaims(['a', 'b', 'c']) };
    expect(claimView(store, 'c', 'worker')).toBe(true);
    expect(claimView(store, 'c', 'page')).toBe(false); // the worker is making it: the page does not wait
    expect(claimView(store, 'a', 'page')).toBe(true);
    expect(claimView(store, 'a', 'page')).toBe(true); // the other language's page
    expect(claimView(store, 'a', 'worker')).toBe(false); // where the worker stops
    expect(claimView({ dir: '/nowhere', keys: {} }, 'a', 'worker')).toBe(true); // nothing shared
  });

  test('the claims are shared with a worker thread', async () => {
    const claims = createViewClaims(['a', 'b']);
    const worker = new Worker(
      `const { workerData, parentPort } = require('node:worker_threads');
       parentPort.postMessage(Atomics.compareExchange(workerData.owners, workerData.slots.b, 0, 1));`,
      { eval: true, workerData: claims },
    );
    const previous = await new Promise((resolve) => worker.once('message', resolve));
    await worker.terminate();
    expect(previous).toBe(0);
    expect(claimView({ dir: '/nowhere', keys: {}, claims }, 'b', 'page')).toBe(false);
  });
});

describe('results kept between builds', () => {
  const root = mkdtempSync(join(tmpdir(), 'kept-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('a result is made once per inputs, found again by a later build, and made again when damaged', () => {
    let made = 0;
    const count = (text: string) => () => {
      made += 1;
      return { characters: [...text].length };
    };
    mkdirSync(join(root, 'results'));
    const first = openKeptResults(join(root, 'results'), 'key');
    expect(keepResult(first, 'length', ['国有企业'], count('国有企业'))).toEqual({ characters: 4 });
    expect(keepResult(first, 'length', ['改革'], count('改革'))).toEqual({ characters: 2 });
    expect(made).toBe(2);

    // The next build: the same inputs are read, not made; new inputs are made.
    const second = openKeptResults(join(root, 'results'), 'key');
    expect(keepResult(second, 'length', ['国有企业'], count('国有企业'))).toEqual({ characters: 4 });
    expect(keepResult(second, 'length', ['国企改革'], count('国企改革'))).toEqual({ characters: 4 });
    expect([made, second.read, second.made]).toEqual([3, 1, 1]);
    // Another kind, or another build key, is another result.
    expect(keepResult(second, 'other', ['国有企业'], () => 'x')).toBe('x');
    expect(keepResult(openKeptResults(join(root, 'results'), 'other key'), 'length', ['改革'], () => 'y')).toBe('y');

    // What the second build did not use (改革, the other key's) is removed.
    pruneKeptResults(second);
    expect(readdirSync(join(root, 'results')).sort()).toEqual([...second.used].sort());

    // A damaged file is not trusted: the result is made again and kept.
    for (const name of readdirSync(join(root, 'results'))) writeFileSync(join(root, 'results', name), 'damaged');
    const third = openKeptResults(join(root, 'results'), 'key');
    expect(keepResult(third, 'length', ['国有企业'], count('国有企业'))).toEqual({ characters: 4 });
    expect(third.made).toBe(1);
    // Without a store (astro dev), simply made.
    expect(keepResult(undefined, 'length', ['改革'], () => 5)).toBe(5);
  });
});

describe('pages rendered again by a digest of what they show', () => {
  const doc = (id: string, date: string, characters: number, mentions: Record<string, number> = {}) =>
    ({ id, date, characters, mentions }) as unknown as IndexedDocument;
  const archive = (documents: IndexedDocument[], citations: Record<string, string[]> = {}) =>
    ({
      documents,
      citations: new Map(
        Object.entries(citations).map(([key, ids]) => [
          key,
          ids.map((id) => ({ document: documents.find((d) => d.id === id)!, contexts: [] }) as Citation),
        ]),
      ),
    }) as unknown as Pick<ArchiveIndex, 'documents' | 'citations'>;
  const keys = ['directives/a', 'directives/b', 'directives/c'] as const;
  const prints = { d1: 'p1', d2: 'p2', d3: 'p3' };
  const before = archive(
    [doc('d1', '2015-03-01', 100, { 'directives/a': 2 }), doc('d2', '2016-05', 50), doc('d3', '2016-07-01', 10)],
    { 'directives/b': ['d2'] },
  );

  test("each year's characters, oldest first", () => {
    expect(describeYearCharacters(before.documents)).toBe('2015:100\n2016:60');
  });

  test("a page changes with the documents that list or name it and with any year's characters", () => {
    const digests = digestUsagePages(before, keys, prints);
    // A document it does not show changes, the years' characters staying: none of its pages changes.
    const same = digestUsagePages(before, keys, { ...prints, d3: 'p3 edited' });
    expect(choosePagesByDigest(same, Object.fromEntries(digests) as Record<string, string>)).toEqual(new Set());
    // The document naming a changes: a's page only (b's lists d2, c shows none).
    const named = digestUsagePages(before, keys, { ...prints, d1: 'p1 edited' });
    expect(choosePagesByDigest(named, Object.fromEntries(digests) as Record<string, string>)).toEqual(
      new Set(['directives/a']),
    );
    // The document listing b changes: b's page.
    const listed = digestUsagePages(before, keys, { ...prints, d2: 'p2 edited' });
    expect(choosePagesByDigest(listed, Object.fromEntries(digests) as Record<string, string>)).toEqual(
      new Set(['directives/b']),
    );
    // A text elsewhere grows: 2016's characters (each page's table) change, so every page does.
    const longer = archive(
      [doc('d1', '2015-03-01', 100, { 'directives/a': 2 }), doc('d2', '2016-05', 50), doc('d3', '2016-07-01', 11)],
      { 'directives/b': ['d2'] },
    );
    expect(
      choosePagesByDigest(
        digestUsagePages(longer, keys, prints),
        Object.fromEntries(digests) as Record<string, string>,
      ),
    ).toEqual(new Set(keys));
  });

  test('without a last digest, or with a document of unknown print, a page is rendered', () => {
    const digests = digestUsagePages(before, keys, prints);
    expect(choosePagesByDigest(digests, undefined)).toEqual(new Set(keys));
    const unknown = digestUsagePages(before, keys, { d2: 'p2', d3: 'p3' });
    expect(unknown.get('directives/a')).toBeUndefined();
    expect(choosePagesByDigest(unknown, Object.fromEntries(digests) as Record<string, string>)).toEqual(
      new Set(['directives/a']),
    );
  });
});

describe('staging from the replaced site', () => {
  const tree = (root: string) =>
    readdirSync(root, { recursive: true, withFileTypes: true })
      .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1) + (entry.isDirectory() ? '/' : ''))
      .sort();
  const write = (path: string, text: string) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  };

  test('the replaced site becomes a hard-linked copy of the output folder, only what differs linked again', () => {
    const root = mkdtempSync(join(tmpdir(), 'soe-stage-'));
    const out = join(root, 'dist');
    const retired = join(root, 'retired');
    write(join(out, 'zh', 'index.html'), 'home');
    write(join(out, 'zh', 'documents', 'a', 'index.html'), 'a, as rendered now');
    write(join(out, 'data', 'texts.jsonl'), 'texts');
    write(join(out, 'feed.xml'), 'a file where the replaced site had a folder');
    mkdirSync(join(out, 'empty'), { recursive: true });
    write(join(out, RECORD), 'the output folder’s record');
    write(join(out, 'search-zh', 'new', 'b', '0'), 'the index, which the index phase replaces');
    // The replaced site: links to the same files where nothing changed, its own file where a
    // page was rendered again, a page since removed, a folder now a file, no `empty/`, a record.
    mkdirSync(join(retired, 'zh', 'documents', 'a'), { recursive: true });
    mkdirSync(join(retired, 'data'), { recursive: true });
    linkSync(join(out, 'zh', 'index.html'), join(retired, 'zh', 'index.html'));
    linkSync(join(out, 'data', 'texts.jsonl'), join(retired, 'data', 'texts.jsonl'));
    write(join(retired, 'zh', 'documents', 'a', 'index.html'), 'a, as rendered before');
    write(join(retired, 'zh', 'documents', 'gone', 'index.html'), 'a removed document');
    write(join(retired, 'feed.xml', 'inner'), 'folder');
    write(join(retired, RECORD), 'the replaced site’s record');
    write(join(retired, 'search-zh', 'old', 'b', '0'), 'the last index');
    write(join(retired, 'en', 'gone', 'index.html'), 'a folder the output folder has no more');
    const site = join(root, 'site');
    mkdirSync(site);
    const trash = join(root, 'trash');

    expect(stageSite(out, site, retired, trash)).toEqual({ files: 4, linked: 2 });
    expect(existsSync(retired)).toBe(false);
    // The index folders are not staged: the index phase puts the worker's in their place.
    expect(tree(site)).toEqual(tree(out).filter((path) => path !== RECORD && !path.startsWith('search-zh')));
    // What the staging folder does not keep of the top level waits in the trash, to be deleted off the build's way.
    expect(
      readdirSync(trash)
        .map((name) => name.replace(/-\d+-\d+$/, ''))
        .sort(),
    ).toEqual(['en', 'search-zh']);
    for (const path of tree(site).filter((path) => !path.endsWith('/'))) {
      expect(statSync(join(site, path)).ino, path).toBe(statSync(join(out, path)).ino);
    }
    rmSync(root, { recursive: true, force: true });
  });

  test('without a replaced site, every file is linked into the empty staging folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'soe-stage-'));
    const out = join(root, 'dist');
    write(join(out, 'zh', 'index.html'), 'home');
    write(join(out, RECORD), 'record');
    write(join(out, 'trends-zh', 'x', '0'), 'index');
    const site = join(root, 'site');
    mkdirSync(site);
    expect(stageSite(out, site, join(root, 'none'), join(root, 'trash'))).toEqual({ files: 1, linked: 1 });
    expect(tree(site)).toEqual(['zh/', 'zh/index.html']);
    rmSync(root, { recursive: true, force: true });
  });
});
