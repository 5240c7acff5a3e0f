import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { materialiseCase } from './helpers/content-tree.ts';

const project = join(import.meta.dirname, '..');
const created: string[] = [];

// Vitest exports Vite's import.meta.env (BASE_URL, MODE, …) into process.env; a child Astro build
// would take them as its own, so children get the environment without them.
const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...childEnv } = process.env;

function runBuild(content: string, out: string) {
  return spawnSync(process.execPath, ['src/cli/build.ts', '--content', content, '--out', out], {
    cwd: project,
    encoding: 'utf8',
    env: { ...childEnv, ARCHIVE_SITE_URL: 'https://archive.test', ARCHIVE_BASE: '/soe/' },
  });
}

function temporary(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

describe('npm run build on a fixture archive', () => {
  let out = '';
  let log = '';
  beforeAll(() => {
    const content = materialiseCase();
    created.push(content);
    out = join(temporary('dist-'), 'site');
    const result = runBuild(content, out);
    log = `${result.stdout}\n${result.stderr}`;
    if (result.status !== 0) throw new Error(`build failed:\n${log}`);
  });

  const page = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');

  test('builds every page in both languages with the right lang and alternates', () => {
    const zh = page('zh/documents/2014-04-14-holding-speech');
    const en = page('en/documents/2014-04-14-holding-speech');
    expect(zh).toContain('<html lang="zh-Hans"');
    expect(en).toContain('<html lang="en"');
    expect(en).toContain('hreflang="zh-Hans" href="https://archive.test/soe/zh/documents/2014-04-14-holding-speech/"');
    for (const path of [
      'zh',
      'en',
      'en/enterprises/jinan-holding',
      'zh/directives/four-batches',
      'en/people/sheng-juntai',
    ]) {
      expect(existsSync(join(out, path, 'index.html')), path).toBe(true);
    }
  });

  test('shows the original, its run-in heads in bold, and the aligned translation', () => {
    const en = page('en/documents/2014-04-14-holding-speech');
    expect(en).toContain('<strong>1、认真总结前一阶段经验，树立不达目标不罢休的精神。</strong>');
    expect(en).toContain('Each enterprise should follow the "four batches" approach');
    expect(en).toContain('14 April 2014');
    const traditional = page('zh/documents/2017-08-04-jinduicheng-meeting');
    expect(traditional).toContain('lang="zh-Hant"');
    expect(traditional).toContain('陝西省金堆城礦區');
  });

  test('links every page under the configured base path', () => {
    const home = page('en');
    expect(home).toContain('href="/soe/en/documents/2014-04-14-holding-speech/"');
    expect(home).not.toMatch(/href="\/(zh|en)\//);
  });

  test('cross-links entities and the documents citing them', () => {
    const enterprise = page('en/enterprises/jinduicheng-molybdenum');
    expect(enterprise).toContain('href="/soe/en/documents/2017-08-04-jinduicheng-meeting/"');
    expect(enterprise).toContain('href="/soe/en/enterprises/sasac/"');
  });

  test('writes a Pagefind index for each language', () => {
    const entry = JSON.parse(readFileSync(join(out, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'zh-hans']);
    expect(log).toMatch(/search index: \d+ pages/);
  });
});

describe('npm run build on broken content', () => {
  test('stops before Astro with the checker message and writes nothing', () => {
    const content = materialiseCase('dangling-references');
    created.push(content);
    const out = join(temporary('dist-'), 'site');
    const result = runBuild(content, out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('speaker  unknown person "sheng-juntia"; did you mean "sheng-juntai"?');
    expect(result.stderr).toContain('build stopped: 4 errors');
    expect(existsSync(out)).toBe(false);
  });
});

describe('npm run check', () => {
  test('takes the content directory from --content and from ARCHIVE_CONTENT', () => {
    const content = materialiseCase('unknown-reference');
    created.push(content);
    const viaFlag = spawnSync('npm', ['run', '--silent', 'check', '--', '--content', content], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(viaFlag.status).toBe(1);
    expect(viaFlag.stderr).toContain(
      'enterprises[1]  unknown enterprise "jinan-holdng"; did you mean "jinan-holding"?',
    );
    const viaEnv = spawnSync('npm', ['run', '--silent', 'check'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...childEnv, ARCHIVE_CONTENT: content },
    });
    expect(viaEnv.status).toBe(1);
    expect(viaEnv.stdout).toContain('checked 2 documents (1 translations), 3 enterprises, 2 directives, 1 people');
  });

  test('runs on the Node the project pins, whatever the machine has', () => {
    const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
    expect(major > 22 || (major === 22 && minor >= 12)).toBe(true);
  });
});
