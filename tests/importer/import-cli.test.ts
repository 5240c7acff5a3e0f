import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, test } from 'vitest';
import type { ImportReport } from '../../src/importer/import-page.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');
const CLI = join(ROOT, 'src', 'cli', 'import.ts');

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run import -- --dry-run --json on a batch with bad files', () => {
  let dir: string;
  let reports: ImportReport[];
  let status: number | null;
  let stderr: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'import-batch-'));
    writeFileSync(join(dir, '01-empty.txt'), '');
    writeFileSync(join(dir, '02-binary.txt'), Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 131) % 256)));
    // Ten megabytes of real text: a page this size is several texts or not one at all.
    const seed = readFileSync(
      join(ROOT, 'content', 'sources', '2014-04-14-jinan-holding-assistance-and-reform-speech.txt'),
      'utf8',
    );
    writeFileSync(
      join(dir, '03-ten-megabytes.txt'),
      seed.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(seed))),
    );
    writeFileSync(
      join(dir, '04-gbk.txt'),
      iconv.encode(readFileSync(join(FIXTURES, 'news-report.txt'), 'utf8'), 'gbk'),
    );
    writeFileSync(
      join(dir, '05-big5.txt'),
      iconv.encode(readFileSync(join(FIXTURES, 'traditional.txt'), 'utf8'), 'big5'),
    );
    cpSync(join(FIXTURES, 'no-body.txt'), join(dir, '06-no-body.txt'));
    cpSync(join(FIXTURES, 'notice.txt'), join(dir, '07-notice.txt'));
    const result = run(['--dry-run', '--json', dir]);
    ({ status, stderr } = result);
    reports = JSON.parse(result.stdout) as ImportReport[];
  });

  test('prints one object per file with every field of the interface, and exits 1', () => {
    expect(status).toBe(1);
    expect(reports).toHaveLength(7);
    for (const report of reports) {
      expect(Object.keys(report)).toEqual(
        expect.arrayContaining([
          'file',
          'ok',
          'encoding',
          'id',
          'title',
          'subtitle',
          'type',
          'date',
          'date_precision',
          'date_basis',
          'speaker',
          'script',
          'region',
          'source_url',
          'redacted',
          'enterprises',
          'directives',
          'candidates',
          'body_first_line',
          'body_last_line',
          'warnings',
          'error',
        ]),
      );
    }
  });

  test('says why each bad file failed, naming it, and goes on with the batch', () => {
    const byName = Object.fromEntries(reports.map((r) => [r.file.split('/').at(-1), r]));
    expect(byName['01-empty.txt']).toMatchObject({
      ok: false,
      error: expect.stringMatching(/01-empty\.txt: the file is empty/),
    });
    expect(byName['02-binary.txt']).toMatchObject({
      ok: false,
      error: expect.stringMatching(/02-binary\.txt: it looks binary/),
    });
    expect(byName['03-ten-megabytes.txt']).toMatchObject({
      ok: false,
      error: expect.stringMatching(/is 10\.0 MB, over the 2 MB limit/),
    });
    expect(byName['06-no-body.txt']).toMatchObject({ ok: false, error: expect.stringMatching(/no text found/) });
    expect(byName['04-gbk.txt']).toMatchObject({
      ok: true,
      encoding: 'gb18030',
      title: '全市国有企业改革推进会召开',
      type: 'news',
      date: '2019-03-12',
    });
    expect(byName['05-big5.txt']).toMatchObject({
      ok: true,
      encoding: 'big5',
      script: 'zh-Hant',
      title: '在全省國有企業改革座談會上的講話',
    });
    expect(byName['07-notice.txt']).toMatchObject({
      ok: true,
      type: 'notice',
      date: '2019-05-20',
      date_basis: 'stated',
    });
    expect(stderr).toMatch(/\[7\/7\] ok {3}.*07-notice\.txt → 2019-05-20-/);
  });
});

describe('npm run import arguments', () => {
  test('refuses an unknown option and a call without files, with the usage', () => {
    // A scratch content folder: were the typo ignored, nothing would be written into content/.
    const scratch = mkdtempSync(join(tmpdir(), 'import-typo-'));
    const typo = run(['--content', scratch, '--dryrun', join(FIXTURES, 'notice.txt')]);
    expect(typo.status).toBe(1);
    expect(typo.stderr).toMatch(/^unknown option --dryrun\nusage: npm run import/);
    expect(readdirSync(scratch)).toEqual([]);
    const none = run(['--dry-run']);
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/^usage: npm run import/);
  });

  test('reports a missing file and goes on', () => {
    const result = run(['--dry-run', '--json', join(FIXTURES, 'missing.txt'), join(FIXTURES, 'notice.txt')]);
    const reports = JSON.parse(result.stdout) as ImportReport[];
    expect(result.status).toBe(1);
    expect(reports.map((r) => r.ok)).toEqual([false, true]);
    expect(reports[0]?.error).toMatch(/missing\.txt: no such file: check the path/);
  });
});

describe('npm run import writing drafts', () => {
  test('writes the draft and the raw page, which pass the checker; refuses to overwrite; --force keeps a backup', () => {
    const content = mkdtempSync(join(tmpdir(), 'import-content-'));
    cpSync(join(ROOT, 'tests', 'fixtures', 'archive'), content, { recursive: true });
    const page = join(FIXTURES, 'work-report.txt');

    const first = run(['--content', content, page]);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(
      /work-report\.txt\s+utf-8\s+在2016年全市国资国企工作会议上的报告\s+2016-02-26\s+report/,
    );
    expect(first.stderr).toMatch(/checker: 0 errors, 0 warnings on them/);
    const id = '2016-02-26-guozi-guoqi-report';
    expect(readFileSync(join(content, 'sources', `${id}.txt`))).toEqual(readFileSync(page));
    expect(readFileSync(join(content, 'documents', `${id}.md`), 'utf8')).toMatch(
      /^---\nid: 2016-02-26-guozi-guoqi-report\nstatus: draft\ntype: report\n/,
    );
    const check = spawnSync(process.execPath, [join(ROOT, 'src', 'cli', 'check.ts'), '--content', content], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(check.status).toBe(0);

    const again = run(['--content', content, page]);
    expect(again.status).toBe(1);
    expect(again.stdout).toMatch(new RegExp(`${id}\\.md and .*${id}\\.txt already exist: nothing written`));

    const forced = run(['--content', content, '--force', page]);
    expect(forced.status).toBe(0);
    expect(forced.stderr).toMatch(new RegExp(`replaced .*${id}\\.md; the old file is kept as .*${id}\\.md\\.bak-`));
    expect(readdirSync(join(content, 'documents')).filter((n) => n.includes('.bak-'))).toHaveLength(1);
    expect(existsSync(join(content, 'documents', `${id}.md`))).toBe(true);
  });
});
