// The trends index writer (src/build/write-trends-index.ts) on the fixture archive: parts kept
// in a cache, joined into the site; after an edit, one part made again and the same bytes as a
// build without the cache; a damaged part or kept file is made again, never published.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { checkContent, contentBytes, type CheckedEntry } from '../src/checker/check-content.ts';
import { loadContentFiles } from '../src/checker/load-content.ts';
import { catalogueEntities, selectDocuments } from '../src/lib/archive-index.ts';
import { digest } from '../src/lib/digest.ts';
import { writeTrendsIndex, type TrendsJob } from '../src/build/write-trends-index.ts';
import { readTokenCounts, TREND_FILES, type TrendManifest } from '../src/lib/trends/trend-index.ts';
import { bucketOf } from '../src/lib/search-index/format.ts';

const work = mkdtempSync(join(tmpdir(), 'trends-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const content = join(work, 'content');
cpSync(join(import.meta.dirname, 'fixtures', 'search-archive'), content, { recursive: true });

function load() {
  const result = checkContent(loadContentFiles(content));
  if (result.errors > 0) throw new Error(JSON.stringify(result.problems));
  return { entries: result.entries, documents: selectDocuments(result.entries.documents) };
}

/** Every file under `dir` and its bytes. */
function tree(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [relative(dir, path), readFileSync(path).toString('base64')];
      }),
  );
}

/** Writes the Chinese trends index into a fresh `site`, with the cache in `cacheDir` if given. */
async function write(site: string, cacheDir?: string) {
  const { entries, documents } = load();
  rmSync(site, { recursive: true, force: true });
  const sums = new Map(documents.map((doc) => [doc.id, digest([contentBytes(doc.file)])]));
  const job: TrendsJob = {
    site,
    lang: 'zh',
    documents,
    translations: entries.translations,
    catalogue: catalogueEntities(entries),
    // Small parts: several of them in a fixture of seven documents.
    partBudget: 3_000,
    cache: cacheDir
      ? {
          dir: cacheDir,
          salt: 'test',
          key: (part: readonly CheckedEntry[], buckets: number) =>
            `trends-${digest([String(buckets), ...part.flatMap((doc) => [doc.id, sums.get(doc.id)!])])}`,
        }
      : undefined,
  };
  return writeTrendsIndex(job);
}

describe('the trends index writer', () => {
  const cache = join(work, 'cache');
  const site = join(work, 'site');
  const plain = join(work, 'plain');

  test('a build from the cache after one edit makes one part again and the bytes of a build without it', async () => {
    const first = await write(site, cache);
    expect(first.parts).toBe(first.documents);
    expect(first.tokenised).toBe(first.documents);
    const again = await write(site, cache);
    expect(again.tokenised).toBe(0);
    expect(again.joined).toBe(0);

    // A document without a translation, whose blocks need no counterpart.
    const names = readdirSync(join(content, 'documents'));
    const file = names.find((name) => !name.endsWith('.en.md') && !names.includes(name.replace(/\.md$/, '.en.md')))!;
    writeFileSync(
      join(content, 'documents', file),
      `${readFileSync(join(content, 'documents', file), 'utf8')}\n新增的句子：混合所有制改革。\n`,
    );
    const edited = await write(site, cache);
    expect(edited.tokenised).toBeGreaterThan(0);
    expect(edited.tokenised).toBe(1); // each fixture document is a part of its own here
    await write(plain);
    expect(tree(join(site, 'trends-zh'))).toEqual(tree(join(plain, 'trends-zh')));

    // The sentence is counted.
    const root = join(site, 'trends-zh');
    const manifest = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8')) as TrendManifest;
    const token = '混 合';
    const bucket = gunzipSync(
      readFileSync(join(root, manifest.folder, TREND_FILES.counts(bucketOf(token, manifest.buckets)))),
    );
    expect(readTokenCounts(bucket, token).pages.length).toBeGreaterThan(0);
  });

  test('a damaged part or published file is made again, not published', async () => {
    const part = readdirSync(cache).find((name) => /^trends-[0-9a-f]+$/.test(name))!;
    // The same length, other bytes: only the digest tells.
    const bytes = readFileSync(join(cache, part));
    writeFileSync(join(cache, part), Buffer.alloc(bytes.length, 0x7b));
    const root = join(site, 'trends-zh');
    const { folder } = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8')) as TrendManifest;
    const published = join(root, folder, TREND_FILES.counts(0));
    truncateSync(published, 0); // a hard link to the kept joined index's file
    const repaired = await write(site, cache);
    expect(repaired.tokenised).toBeGreaterThan(0);
    expect(tree(join(site, 'trends-zh'))).toEqual(tree(join(plain, 'trends-zh')));
  });
});
