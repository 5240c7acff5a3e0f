// `npm run check [-- --content PATH]`: validates the whole content tree and exits 1 on any error.
import { existsSync } from 'node:fs';
import { checkContent } from '../checker/check-content.ts';
import { loadContentFiles } from '../checker/load-content.ts';
import { formatProblem } from '../checker/problem.ts';
import { resolveContentDir } from '../lib/content-dir.ts';

const root = resolveContentDir(process.argv.slice(2));
if (!existsSync(root)) {
  console.error(`content directory not found: ${root} (set ARCHIVE_CONTENT or pass --content PATH)`);
  process.exit(1);
}
const started = performance.now();
const result = checkContent(loadContentFiles(root));
for (const problem of result.problems) {
  (problem.severity === 'error' ? console.error : console.warn)(formatProblem(problem));
}
const { documents, translations, enterprises, directives, people } = result.counts;
const seconds = ((performance.now() - started) / 1000).toFixed(2);
console.log(
  `checked ${documents} documents (${translations} translations), ${enterprises} enterprises, ${directives} directives, ${people} people in ${seconds} s: ${result.errors} errors, ${result.warnings} warnings`,
);
process.exit(result.errors > 0 ? 1 : 0);
