import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { materialiseCase } from '../helpers/content-tree.ts';

// The checker runs between a save's first look at the file and its write (half a second in a
// large archive). This stands in for another program writing the file during that time: the
// checker, once the save calls it, runs `duringCheck` first.
const race = vi.hoisted(() => ({ duringCheck: undefined as (() => void) | undefined }));
vi.mock('../../src/checker/check-content.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/checker/check-content.ts')>();
  return {
    ...original,
    checkContent: (...args: Parameters<typeof original.checkContent>) => {
      const hook = race.duringCheck;
      race.duringCheck = undefined;
      hook?.();
      return original.checkContent(...args);
    },
  };
});

const { getEntry, saveEntry, createFromCandidate } = await import('../../src/editor/editor-api.ts');

let root: string;
beforeEach(() => {
  root = materialiseCase();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('a save while another program writes the file', () => {
  test('a line appended during the check is kept and the save is refused', () => {
    const path = join(root, 'documents', '2014-04-14-holding-speech.md');
    const opened = getEntry(root, 'documents', '2014-04-14-holding-speech').body as {
      data: Record<string, unknown>;
      body: string;
      hash: string;
    };
    race.duringCheck = () => appendFileSync(path, '\n追加的一行。\n');
    const answer = saveEntry(root, {
      collection: 'documents',
      id: '2014-04-14-holding-speech',
      data: { ...opened.data, notes: { zh: '新的说明。', en: 'A new note.' } },
      body: opened.body,
      hash: opened.hash,
    });
    expect(answer.status).toBe(409);
    expect((answer.body as { error: string }).error).toMatch(/changed on disk while it was being checked/);
    const after = readFileSync(path, 'utf8');
    expect(after.endsWith('追加的一行。\n')).toBe(true);
    expect(after).not.toContain('新的说明');
  });

  test('a file created under a new entry\u2019s name during the check is not replaced', () => {
    const path = join(root, 'directives', 'new-campaign.md');
    race.duringCheck = () => writeFileSync(path, 'written by someone else\n');
    const answer = saveEntry(root, {
      collection: 'directives',
      id: 'new-campaign',
      data: {
        id: 'new-campaign',
        name: { zh: '新运动', en: 'New campaign' },
        kind: 'campaign',
        description: { zh: '说明。', en: 'A description.' },
      },
    });
    expect(answer.status).toBe(409);
    expect(readFileSync(path, 'utf8')).toBe('written by someone else\n');
  });

  test('a draft changed during the check of a new entity from its candidate: nothing is written', () => {
    writeFileSync(
      join(root, 'documents', '2015-draft.md'),
      readFileSync(join(import.meta.dirname, '..', 'fixtures', 'editor', '2015-draft.md')),
    );
    const draftPath = join(root, 'documents', '2015-draft.md');
    const opened = getEntry(root, 'documents', '2015-draft').body as {
      data: { review: { candidates: { name: string }[] } };
      hash: string;
    };
    const candidate = opened.data.review.candidates[0]!.name;
    race.duringCheck = () => appendFileSync(draftPath, '\n另一个程序写的。\n');
    const answer = createFromCandidate(root, {
      collection: 'enterprises',
      id: 'candidate-enterprise',
      data: {
        id: 'candidate-enterprise',
        name: { zh: candidate, en: 'Candidate' },
        kind: 'company',
        description: { zh: '说明。', en: 'A description.' },
      },
      document: '2015-draft',
      hash: opened.hash,
      candidate,
    });
    expect(answer.status).toBe(409);
    expect(readFileSync(draftPath, 'utf8')).toContain('另一个程序写的。');
    expect(() => readFileSync(join(root, 'enterprises', 'candidate-enterprise.md'))).toThrow();
  });
});
