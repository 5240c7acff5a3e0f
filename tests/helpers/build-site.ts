import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const project = join(import.meta.dirname, '..', '..');

// Vitest exports Vite's import.meta.env (BASE_URL, MODE, …) into process.env; a child Astro
// build would take them as its own, so children get the environment without them.
const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...cleanEnv } = process.env;

/** The environment for child processes of the tests. */
export const childEnv: NodeJS.ProcessEnv = cleanEnv;

/** Runs `npm run build` on a content tree into a fresh folder and returns the result. */
export function buildSite(
  content: string,
  options: { base?: string; out?: string; env?: Record<string, string>; args?: string[] } = {},
) {
  const out = options.out ?? join(mkdtempSync(join(tmpdir(), 'site-')), 'dist');
  const result = spawnSync(
    process.execPath,
    ['src/cli/build.ts', '--content', content, '--out', out, ...(options.args ?? [])],
    {
      cwd: project,
      encoding: 'utf8',
      env: { ...childEnv, ARCHIVE_SITE_URL: 'https://archive.test', ARCHIVE_BASE: options.base ?? '/', ...options.env },
    },
  );
  return { out, status: result.status, log: `${result.stdout}\n${result.stderr}` };
}
