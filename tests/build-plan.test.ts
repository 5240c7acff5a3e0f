import { describe, expect, test } from 'vitest';
import { digest, planBuild, type BuildState } from '../src/lib/build-plan.ts';

const state = (documents: Record<string, string>, change: Partial<BuildState> = {}): BuildState => ({
  version: 1,
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
