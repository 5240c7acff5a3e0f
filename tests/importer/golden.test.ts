import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/checker/check-content.ts';
import { loadContentFiles } from '../../src/checker/load-content.ts';
import { compareWithCurated } from '../../src/importer/compare-golden.ts';
import { importPage } from '../../src/importer/import-page.ts';
import { createEntityIndex } from '../../src/importer/link.ts';

const CONTENT = join(import.meta.dirname, '..', '..', 'content');
const files = loadContentFiles(CONTENT);
const { entries } = checkContent(files);
const index = createEntityIndex(entries);
const curated = entries.documents.filter((doc) => files.some((f) => f.relative === `sources/${doc.id}.txt`));

describe('the five seeds in, drafts out, compared with the curated documents', () => {
  test('there are five curated documents with a raw source', () => {
    expect(curated.map((d) => d.id)).toHaveLength(5);
  });

  test.each(curated.map((doc) => [doc.id, doc] as const))('%s', (id, doc) => {
    const raw = readFileSync(join(CONTENT, 'sources', `${id}.txt`));
    const outcome = importPage(raw, `${id}.txt`, { index });
    const scores = Object.fromEntries(
      compareWithCurated(doc, readFileSync(join(CONTENT, 'documents', `${id}.md`), 'utf8'), outcome).map((c) => [
        c.field,
        c.score,
      ]),
    );
    for (const field of [
      'title',
      'date',
      'date_precision',
      'date_basis',
      'type',
      'speaker',
      'script',
      'body_first_line',
      'body_last_line',
    ]) {
      expect.soft(scores[field], field).toBe(1);
    }
    expect.soft(scores.paragraphs, 'paragraphs').toBe(1);
    expect.soft(scores.people, 'people').toBe(1);
    // The curated lists also hold entities the text never names (inferred from the context).
    expect.soft(scores.enterprises, 'enterprises').toBeGreaterThanOrEqual(0.8);
    expect.soft(scores.directives, 'directives').toBeGreaterThanOrEqual(0.8);
  });

  test('every draft passes the checker beside the content tree, its raw page kept under sources/', () => {
    const drafts = curated.flatMap((doc) => {
      const raw = readFileSync(join(CONTENT, 'sources', `${doc.id}.txt`));
      const { draft } = importPage(raw, `${doc.id}.txt`, { index, retrieved: '2026-01-01' });
      return draft
        ? [
            {
              relative: `documents/${draft.id}.md`,
              display: `documents/${draft.id}.md`,
              bytes: new TextEncoder().encode(draft.markdown),
            },
            { relative: `sources/${draft.id}.txt`, display: `sources/${draft.id}.txt`, bytes: new Uint8Array(raw) },
          ]
        : [];
    });
    expect(drafts).toHaveLength(10);
    const result = checkContent([...files, ...drafts]);
    expect(result.problems.filter((p) => drafts.some((d) => p.file === d.display))).toEqual([]);
    expect(result.errors).toBe(0);
  });
});
