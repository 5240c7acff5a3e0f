// A small slice of the fault-injection audit (`npm run audit:faults` runs every fault point):
// after each fault, the next build gives exactly the bytes of a fresh --full build.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkContent } from '../src/checker/check-content.ts';
import { loadContentFiles } from '../src/checker/load-content.ts';
import { FaultBench } from '../src/dev/fault-audit.ts';
import { runBuild } from '../src/dev/fault-injection.ts';
import { childEnv } from './helpers/build-site.ts';

const project = join(import.meta.dirname, '..');
const env = { ...childEnv, ARCHIVE_SITE_URL: 'https://archive.test', ARCHIVE_BASE: '/soe/' };

describe('the build command line', () => {
  const build = (args: string[], extra: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['src/cli/build.ts', ...args], {
      cwd: project,
      encoding: 'utf8',
      env: { ...env, ...extra },
    });

  test('refuses an unknown flag with a suggestion instead of building', () => {
    const result = build(['--ful']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown option --ful; did you mean --full?');
    expect(result.stdout).not.toContain('phase:');
  });

  test('refuses an unknown or malformed setting, naming it', () => {
    const result = build([], { ARCHIVE_DRAFT: '1', ARCHIVE_INDEX_PART_CHARS: 'many' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown setting ARCHIVE_DRAFT in the environment; did you mean ARCHIVE_DRAFTS?');
    expect(result.stderr).toContain('ARCHIVE_INDEX_PART_CHARS="many" must be a whole number');
  });
});

describe('builds under faults', () => {
  const work = mkdtempSync(join(tmpdir(), 'build-faults-'));
  const bench = new FaultBench(project, work, join(project, 'tests', 'fixtures', 'archive'), env);
  beforeAll(() => bench.prepare(), 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('a build killed after rendering, then the edit undone: the old text is published again', async () => {
    // Issue 18, fault 2: the next build used to say nothing changed and keep the undone text.
    const result = await bench.interrupt(/^rendered \d+ pages again/, 'SIGKILL', true);
    expect(result.reached).toBe(true);
    expect(result.divergences).toEqual([]);
  }, 300_000);

  test('a build killed while it replaces the output folder leaves a site the next build completes', async () => {
    const result = await bench.interrupt(/^phase: commit/, 'SIGKILL', false);
    expect(result.reached).toBe(true);
    expect(result.divergences).toEqual([]);
  }, 300_000);

  test('a published search file emptied in place is not published again from the cache', async () => {
    // Issue 18, fault 4: the cache's files are hard links to the site's.
    const result = await bench.damage('published search fragment', 'emptied');
    expect(result.reached).toBe(true);
    expect(result.divergences).toEqual([]);
  }, 300_000);

  test('a published trends file changed in place is not published again from the cache', async () => {
    // The kept joined trends index's files are hard links to the site's too.
    const result = await bench.damage('published trends bucket', 'invalid');
    expect(result.reached).toBe(true);
    expect(result.divergences).toEqual([]);
  }, 300_000);

  test('a kept result (a texts.jsonl line, a translation coverage) damaged in place is made again', async () => {
    const result = await bench.damage('kept result', 'invalid');
    expect(result.reached).toBe(true);
    expect(result.divergences).toEqual([]);
  }, 300_000);

  test('a second build into the same folder is refused while the first goes on', async () => {
    const result = await bench.concurrent();
    expect(result.divergences).toEqual([]);
  }, 300_000);

  test('the lock of a build that was killed is taken over', async () => {
    bench.reset();
    writeFileSync(`${bench.out}.lock`, JSON.stringify({ pid: 2 ** 22 + 7, start: '1' }));
    const result = await runBuild({ project, content: bench.content, out: bench.out, env });
    expect(result.status).toBe(0);
    expect(result.log).toContain('nothing changed');
    expect(bench.leftovers()).toEqual([]);
  }, 300_000);
});

describe('symbolic links in the content folder', () => {
  test('a loop, a dangling link, a link out of the tree and one to / are errors naming the file; / is not walked', () => {
    const root = mkdtempSync(join(tmpdir(), 'links-'));
    try {
      const content = join(root, 'content');
      cpSync(join(project, 'tests', 'fixtures', 'archive'), content, { recursive: true });
      writeFileSync(
        join(root, 'outside.md'),
        readFileSync(join(content, 'documents', '2017-08-04-jinduicheng-meeting.md')),
      );
      symlinkSync('b.md', join(content, 'documents', 'a.md'));
      symlinkSync('a.md', join(content, 'documents', 'b.md'));
      symlinkSync('missing.md', join(content, 'documents', 'gone.md'));
      symlinkSync(join(root, 'outside.md'), join(content, 'documents', 'outside.md'));
      symlinkSync('/', join(content, 'documents', 'root'));
      symlinkSync('2017-08-04-jinduicheng-meeting.md', join(content, 'documents', 'inside.md'));
      const files = loadContentFiles(content, root);
      // Nothing under / was listed: only the tree's own files and the links themselves.
      expect(files.every((file) => file.path!.startsWith(content))).toBe(true);
      const errors = checkContent(files)
        .problems.filter((problem) => problem.severity === 'error')
        .map((problem) => `${problem.file}: ${problem.message}`);
      expect(errors).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^content\/documents\/a\.md: a symbolic link that leads back to itself/),
          expect.stringMatching(/^content\/documents\/b\.md: a symbolic link that leads back to itself/),
          expect.stringMatching(/^content\/documents\/gone\.md: a symbolic link to a file that does not exist/),
          expect.stringMatching(
            /^content\/documents\/outside\.md: a symbolic link to .*outside\.md, outside the content folder/,
          ),
          expect.stringMatching(/^content\/documents\/root: a symbolic link to \/, outside the content folder/),
        ]),
      );
      // A link to a file inside the tree is read like the file (here: a duplicate of its id).
      expect(errors.some((error) => error.startsWith('content/documents/inside.md: a symbolic link'))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
