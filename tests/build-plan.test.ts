import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { planBuild, type BuildState } from '../src/build/plan.ts';
import { digest } from '../src/lib/digest.ts';

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
