// `npm run change-report -- --base REF [--pages FILE] [--content PATH]`: what this branch changes
// in the archive since REF (a pull request's base), as a Markdown job summary on stdout: the
// documents, translations, entities and sources added, changed and deleted, and what the checker
// finds, the changed files' problems first. `--pages FILE` writes the site pages the change
// touches, one path per line (with ARCHIVE_BASE), for the reviewer of the built site.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { formatChangeSummary, parseNameStatus, touchedPages, type DocumentLinks } from '../checker/change-report.ts';
import { checkContent } from '../checker/check-content.ts';
import { loadContentFiles } from '../checker/load-content.ts';
import { resolveContentDir } from '../lib/content-dir.ts';
import { readSiteAddress } from '../lib/site-config.ts';
import { withBase } from '../lib/urls.ts';
import { failWithUsage, readCommandLine } from './command-line.ts';

const USAGE = 'usage: npm run change-report -- --base REF [--pages FILE] [--content PATH]';
const options = readCommandLine(USAGE, {
  options: { base: { type: 'string' }, pages: { type: 'string' }, content: { type: 'string' } },
  allowPositionals: false,
});
if (!options.base) failWithUsage(USAGE, '--base is required: the commit or branch the change is compared with');

const root = resolveContentDir(options.content === undefined ? [] : ['--content', options.content]);
if (!existsSync(root)) failWithUsage(USAGE, `content directory not found: ${root}`);

const git = (...args: string[]): string =>
  execFileSync('git', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
let top: string;
let diff: string;
try {
  top = git('rev-parse', '--show-toplevel').trim();
  // Three dots: what the branch changed since it left the base, not what the base did meanwhile.
  diff = git('diff', '--name-status', '-z', '-M', `${options.base}...HEAD`, '--', root);
} catch (error) {
  console.error(
    `cannot compare with ${options.base}: ${(error as Error).message.split('\n')[0]} (fetch the base first, e.g. git fetch origin main, and check out with full history)`,
  );
  process.exit(1);
}
const prefix = `${relative(top, root).split(sep).join('/')}/`;
const changes = parseNameStatus(diff, prefix);

const result = checkContent(loadContentFiles(root));
const links = new Map<string, DocumentLinks>(result.entries.documents.map((doc) => [doc.id, doc]));
const display = `${relative(process.cwd(), root).split(sep).join('/') || '.'}/`;
const changedFiles = new Set(changes.map((change) => `${display}${change.path}`));
process.stdout.write(formatChangeSummary(changes, result.problems, changedFiles));

if (options.pages) {
  const { base } = readSiteAddress();
  const pages = touchedPages(changes, links).map((path) => withBase(base, path));
  writeFileSync(options.pages, pages.length > 0 ? `${pages.join('\n')}\n` : '');
  console.error(`${pages.length} touched pages listed in ${options.pages}`);
}
