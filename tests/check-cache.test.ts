import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterAll, describe, expect, test } from 'vitest';
import { checkAhead } from '../src/checker/check-ahead.ts';
import { digest } from '../src/lib/digest.ts';
import { checkContent, type CheckCache, type FileFacts } from '../src/checker/check-content.ts';
import { readResultCache, resultCachePath, writeResultCache } from '../src/build/store.ts';
import { BASE_ARCHIVE, CASES, readCase, readTree, toContentFiles } from './helpers/content-tree.ts';

const cases = readdirSync(CASES).sort();
const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** A cache holding what earlier runs kept, as it comes back from disk (a deep copy). */
function primed(salt: string, runs: Map<string, Uint8Array>[]): CheckCache {
  const kept = new Map<string, unknown>();
  for (const tree of runs) {
    const cache: CheckCache = { salt, previous: new Map(), next: new Map() };
    checkContent(toContentFiles(tree), { cache });
    for (const [key, facts] of cache.next) kept.set(key, facts);
  }
  return { salt, previous: deserialize(serialize(kept)) as CheckCache['previous'], next: new Map() };
}

describe('the checker cache', () => {
  // Every case's results kept at once: a result used for the wrong file or context would show.
  const everything = primed('code', [readTree(BASE_ARCHIVE), ...cases.map((name) => readCase(name))]);

  test.each(cases)('gives the same report as no cache: %s', (name) => {
    const files = toContentFiles(readCase(name));
    const fresh = checkContent(files);
    const cache: CheckCache = { ...everything, next: new Map() };
    expect(checkContent(files, { cache })).toEqual(fresh);
    // Each collection file's result came from the cache, so none was checked again.
    expect([...cache.next.values()].every((facts) => [...everything.previous.values()].includes(facts))).toBe(true);
  });

  test('checks a document again when the names it may mention change', () => {
    const tree = readTree(BASE_ARCHIVE);
    const cache = primed('code', [tree]);
    const path = 'directives/four-batches.md';
    const text = new TextDecoder().decode(tree.get(path));
    // The meeting's 統一思想 names no entity; as a name of a directive it does not list, it is a mention to report.
    const renamed = new Map(tree).set(
      path,
      new TextEncoder().encode(text.replace(/^kind:/m, 'aliases:\n  - 統一思想\nkind:')),
    );
    const fresh = checkContent(toContentFiles(renamed));
    expect(fresh.problems.some((problem) => problem.message.includes('統一思想'))).toBe(true);
    expect(checkContent(toContentFiles(renamed), { cache })).toEqual(fresh);
  });

  test('reads no document or translation whose digest is known and whose result is kept', () => {
    const tree = readTree(BASE_ARCHIVE);
    const cache = primed('code', [tree]);
    const read: string[] = [];
    const digests = new Map<string, string>();
    checkContent(toContentFiles(tree), {
      onRead: (file, _bytes, digest) => digests.set(file.relative, digest),
    });
    // The files' bytes are gone: only their digests are left, as a build keeps them.
    const files = toContentFiles(tree).map(({ bytes: _bytes, ...file }) => ({
      ...file,
      path: join('/nonexistent', file.relative),
      digest: digests.get(file.relative),
    }));
    const texts = files.filter((file) => file.relative.startsWith('documents/'));
    const entities = files.filter((file) => !file.relative.startsWith('documents/'));
    const withBytes = [...entities.map((file) => ({ ...file, bytes: tree.get(file.relative) })), ...texts];
    const report = checkContent(withBytes, {
      cache: { ...cache, next: new Map() },
      onRead: (file) => read.push(file.relative),
    });
    expect(texts.length).toBeGreaterThanOrEqual(3); // two documents and a translation
    expect(read.some((path) => path.startsWith('documents/'))).toBe(false);
    const fresh = checkContent(toContentFiles(tree));
    expect(report.problems).toEqual(fresh.problems);
    const metadata = (result: typeof report) => result.entries.documents.map(({ file: _file, ...data }) => data);
    expect(metadata(report)).toEqual(metadata(fresh));
    // A digest that is not the kept one (the file changed) means reading the file.
    const changed = withBytes.map((file) => (file === texts[0] ? { ...file, digest: 'another' } : file));
    expect(() => checkContent(changed, { cache: { ...cache, next: new Map() } })).toThrow(/nonexistent/);
  });

  test('uses nothing kept by other checker code', () => {
    const files = toContentFiles(readCase('warnings'));
    const cache: CheckCache = { ...everything, salt: 'other code', next: new Map() };
    checkContent(files, { cache });
    expect([...cache.next.values()].some((facts) => [...everything.previous.values()].includes(facts))).toBe(false);
  });

  test('is kept on disk, and a damaged or foreign file is ignored', () => {
    const project = mkdtempSync(join(tmpdir(), 'check-cache-'));
    created.push(project);
    const path = resultCachePath(project, 'check', '/archive/content');
    expect(path).not.toBe(resultCachePath(project, 'check', '/another/content'));
    expect(readResultCache(path, 'code').size).toBe(0);
    const { previous } = primed('code', [readTree(BASE_ARCHIVE)]);
    writeResultCache(path, 'code', previous);
    expect(readResultCache(path, 'code')).toEqual(previous);
    expect(readResultCache(path, 'other code').size).toBe(0);

    const bytes = readFileSync(path);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(path, bytes);
    expect(readResultCache(path, 'code').size).toBe(0);
    writeFileSync(path, bytes.subarray(0, 20));
    expect(readResultCache(path, 'code').size).toBe(0);
  });
});

describe('results made ahead on two threads (checkAhead)', () => {
  test.each(cases)('give the report the check gives alone, and leave it nothing to make: %s', async (name) => {
    const files = toContentFiles(readCase(name));
    const fresh = checkContent(files);
    const previous = new Map<string, FileFacts>();
    const made = await checkAhead(files, 'code', previous, { from: 0 });
    expect(made).toBe(previous.size);
    const cache: CheckCache = { salt: 'code', previous, next: new Map() };
    expect(checkContent(files, { cache })).toEqual(fresh);
    // Every document and translation's result was made ahead (some on the worker): the check used them all.
    expect(cache.next.size).toBe(fresh.counts.documents + fresh.counts.translations);
    expect([...cache.next.values()].every((facts) => [...previous.values()].includes(facts))).toBe(true);
  });

  test('makes nothing after one edit; everything after an entity changed (its names are in every key)', async () => {
    const tree = readTree(BASE_ARCHIVE);
    // As a build finds the files its last run read: their digests known, but the edited one's.
    const known = (changed: string) =>
      toContentFiles(tree).map((file) =>
        file.relative === changed ? file : { ...file, digest: digest([file.bytes!]) },
      );
    const edited = [...tree.keys()].find((path) => path.startsWith('documents/'))!;
    const previous = new Map<string, FileFacts>();
    expect(await checkAhead(known(edited), 'code', previous)).toBe(0);
    expect(previous.size).toBe(0);
    const entity = [...tree.keys()].find((path) => path.startsWith('enterprises/'))!;
    const files = known(entity);
    const made = await checkAhead(files, 'code', previous);
    const fresh = checkContent(files);
    expect(made).toBe(fresh.counts.documents + fresh.counts.translations);
  });
});
