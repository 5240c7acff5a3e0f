import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'src', 'cli', 'import.ts');
const PAGE = join(import.meta.dirname, '..', 'fixtures', 'import', 'notice.txt');

function importInto(content: string, ...flags: string[]) {
  return spawnSync(process.execPath, [CLI, '--content', content, '--json', ...flags, PAGE], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

describe('npm run import -- --force next to a symbolic link', () => {
  test('never writes through a link to a file outside content/, and says so', () => {
    const content = mkdtempSync(join(tmpdir(), 'import-link-'));
    cpSync(join(ROOT, 'tests', 'fixtures', 'archive'), content, { recursive: true });
    // First import, to learn the draft's file name.
    const first = importInto(content);
    expect(first.status).toBe(0);
    const id = (JSON.parse(first.stdout) as { id: string }[])[0]!.id;
    expect(readdirSync(join(content, 'documents'))).toContain(`${id}.md`);
    // Someone replaces the draft by a link to a file outside the content folder.
    const outside = join(mkdtempSync(join(tmpdir(), 'outside-')), 'precious.txt');
    writeFileSync(outside, 'not the archive\u2019s to overwrite\n');
    const target = join(content, 'documents', `${id}.md`);
    rmSync(target);
    symlinkSync(outside, target);
    const forced = importInto(content, '--force');
    expect(forced.status).toBe(1);
    expect(forced.stdout + forced.stderr).toMatch(/symbolic link: the importer never writes through one/);
    expect(readFileSync(outside, 'utf8')).toBe('not the archive\u2019s to overwrite\n');
  });
});
