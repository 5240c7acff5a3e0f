// `npm run check [-- --content PATH] [--format text|github]`: validates the whole content tree
// and exits 1 on any error. `--format github` prints each problem as a GitHub Actions workflow
// command, which a pull request shows as an annotation on the file's line.
import { existsSync } from 'node:fs';
import { checkAhead } from '../checker/check-ahead.ts';
import { checkContent, type FileFacts } from '../checker/check-content.ts';
import { formatGithubAnnotation } from '../checker/github-annotations.ts';
import { loadContentFiles } from '../checker/load-content.ts';
import { formatProblem } from '../checker/problem.ts';
import { resolveContentDir } from '../lib/content-dir.ts';
import { failWithUsage, readCommandLine } from './command-line.ts';

const USAGE = 'usage: npm run check -- [--content PATH] [--format text|github]';
const FORMATS = ['text', 'github'] as const;

const options = readCommandLine(USAGE, {
  options: { content: { type: 'string' }, format: { type: 'string', default: 'text' } },
  allowPositionals: false,
});
const format = options.format as (typeof FORMATS)[number];
if (!FORMATS.includes(format)) failWithUsage(USAGE, `unknown --format "${options.format}": use text or github`);

const root = resolveContentDir(options.content === undefined ? [] : ['--content', options.content]);
if (!existsSync(root)) {
  console.error(`content directory not found: ${root} (set ARCHIVE_CONTENT or pass --content PATH)`);
  process.exit(1);
}
const started = performance.now();
const files = loadContentFiles(root);
// A large tree is checked on both cores (src/checker/check-ahead.ts); the results live for this run only.
const ahead = new Map<string, FileFacts>();
await checkAhead(files, 'npm run check', ahead);
const result = checkContent(files, { cache: { salt: 'npm run check', previous: ahead, next: new Map() } });
for (const problem of result.problems) {
  if (format === 'github') console.log(formatGithubAnnotation(problem));
  else (problem.severity === 'error' ? console.error : console.warn)(formatProblem(problem));
}
const { documents, translations, enterprises, directives, people } = result.counts;
const seconds = ((performance.now() - started) / 1000).toFixed(2);
console.log(
  `checked ${documents} documents (${translations} translations), ${enterprises} enterprises, ${directives} directives, ${people} people in ${seconds} s: ${result.errors} errors, ${result.warnings} warnings`,
);
process.exit(result.errors > 0 ? 1 : 0);
