import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkContent } from '../src/checker/check-content.ts';
import { catalogueEntities, selectDocuments } from '../src/lib/archive-index.ts';
import { documentCitationInput } from '../src/lib/citations/citation-files.ts';
import { CITATION_STYLE_FILES } from '../src/lib/citations/citation-styles.ts';
import { formatCitationStyles } from '../src/lib/citations/csl-styles.ts';
import { formatCslJson } from '../src/lib/citations/format-csl-json.ts';
import {
  pruneStoredCitations,
  readStoredCitations,
  storedCitationsFile,
  type CitationStore,
} from '../src/build/citation-store.ts';
import { formatCitationsAhead } from '../src/build/index-worker.ts';
import { claimDocument, createViewClaims } from '../src/build/reading-views.ts';
import { BASE_ARCHIVE, readTree, toContentFiles } from './helpers/content-tree.ts';

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

const { entries } = checkContent(toContentFiles(readTree(BASE_ARCHIVE)));
const catalogue = catalogueEntities(entries);
// In the order of Astro's document pages.
const documents = selectDocuments(entries.documents);
const address = { site: 'https://archive.test', base: '/soe/' };
const STYLES = CITATION_STYLE_FILES.map(({ id }) => id);
const itemOf = (index: number) => formatCslJson(documentCitationInput(documents[index]!, catalogue, address));

function openStore(): CitationStore {
  const dir = mkdtempSync(join(tmpdir(), 'citations-'));
  created.push(dir);
  return { dir, key: 'build key', claims: createViewClaims(documents.map((doc) => doc.id)) };
}

describe('formatted citations kept between builds', () => {
  test('the worker formats the documents the pages have not reached, from the last back to their claim', async () => {
    expect(documents.length).toBeGreaterThanOrEqual(2);
    const store = openStore();
    // The pages have reached the first document.
    expect(claimDocument(store.claims, documents[0]!.id, 'page')).toBe(true);
    expect(await formatCitationsAhead(store, documents, catalogue, address)).toBe(documents.length - 1);
    const stored = (index: number) =>
      readStoredCitations(storedCitationsFile(store, JSON.stringify(itemOf(index))).path, STYLES);
    expect(stored(0)).toBeUndefined();
    for (let index = 1; index < documents.length; index += 1) {
      // The same entries as a page formats.
      expect(stored(index)).toEqual(formatCitationStyles(itemOf(index)));
    }
    // A page coming to a document the worker has claimed does not claim it.
    expect(claimDocument(store.claims, documents[1]!.id, 'page')).toBe(false);
    // Nothing left to format.
    expect(await formatCitationsAhead(store, documents, catalogue, address)).toBe(0);
  });

  test('a cut, altered or foreign file is not trusted; the files no page used are removed', async () => {
    const store = openStore();
    await formatCitationsAhead(store, documents, catalogue, address);
    const files = documents.map((_doc, index) => storedCitationsFile(store, JSON.stringify(itemOf(index))));
    expect(readStoredCitations(files[0]!.path, STYLES)).toBeDefined();
    // Another build key, another file.
    expect(storedCitationsFile({ ...store, key: 'other code' }, JSON.stringify(itemOf(0))).path).not.toBe(
      files[0]!.path,
    );
    const bytes = readFileSync(files[0]!.path);
    writeFileSync(files[0]!.path, bytes.subarray(0, bytes.length - 1));
    expect(readStoredCitations(files[0]!.path, STYLES)).toBeUndefined();
    bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 0xff;
    writeFileSync(files[0]!.path, bytes);
    expect(readStoredCitations(files[0]!.path, STYLES)).toBeUndefined();
    // Written by the same code but lacking a style the pages show.
    expect(readStoredCitations(files[1]!.path, [...STYLES, 'harvard'])).toBeUndefined();

    store.used = new Set([files[1]!.name]);
    writeFileSync(join(store.dir, 'entry.v8.123-0.partial'), 'left by a killed build');
    expect(pruneStoredCitations(store)).toBe(documents.length);
    expect(readdirSync(store.dir)).toEqual([files[1]!.name]);
  });
});
