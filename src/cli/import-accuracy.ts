// `npm run import:accuracy [-- --content PATH] [--verbose]`: re-imports the raw file of every
// curated document (content/sources/<id>.txt, .html or .docx) and prints, field by field, how
// close the draft comes to the document made by hand: the importer's golden test, as a table.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent } from '../checker/check-content.ts';
import { loadContentFiles } from '../checker/load-content.ts';
import { compareWithCurated, type FieldComparison } from '../importer/compare-golden.ts';
import { importFile } from '../importer/import-page.ts';
import { createEntityIndex } from '../importer/link.ts';
import { resolveContentDir } from '../lib/content-dir.ts';

const argv = process.argv.slice(2);
const root = resolveContentDir(argv);
const verbose = argv.includes('--verbose');
const { entries } = checkContent(loadContentFiles(root));
const index = createEntityIndex(entries);
const rows = new Map<string, number[]>();
const misses: string[] = [];

const sourcesDir = join(root, 'sources');
const sources = existsSync(sourcesDir) ? readdirSync(sourcesDir) : [];
for (const doc of entries.documents.filter((d) => d.status === 'published')) {
  const name = ['.txt', '.html', '.htm', '.docx'].map((ext) => `${doc.id}${ext}`).find((n) => sources.includes(n));
  if (name === undefined) continue;
  const rawPath = join(sourcesDir, name);
  const outcome = await importFile(readFileSync(rawPath), rawPath, { index });
  const curatedFile = readFileSync(join(root, 'documents', `${doc.id}.md`), 'utf8');
  for (const c of compareWithCurated(doc, curatedFile, outcome)) {
    rows.set(c.field, [...(rows.get(c.field) ?? []), c.score]);
    if (c.score < 1 && (verbose || !['paragraphs', 'id'].includes(c.field))) misses.push(describe(doc.id, c));
  }
}

function describe(id: string, c: FieldComparison): string {
  const cut = (s: string): string => (s.length > 70 ? `${s.slice(0, 70)}…` : s);
  return `  ${id}  ${c.field} (${c.score.toFixed(2)})\n      curated:  ${cut(c.expected)}\n      imported: ${cut(c.actual)}`;
}

const documents = rows.get('title')?.length ?? 0;
console.log(`importer vs curated documents (${documents} with a raw source)\n`);
console.log(`${'field'.padEnd(16)} ${'exact'.padStart(6)}  ${'mean score'.padStart(10)}`);
for (const [field, scores] of rows) {
  const exact = scores.filter((s) => s === 1).length;
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  console.log(`${field.padEnd(16)} ${`${exact}/${scores.length}`.padStart(6)}  ${mean.toFixed(2).padStart(10)}`);
}
console.log(
  '\nscores: 1 or 0 per field; paragraphs = share of curated blocks reproduced exactly; entity lists = F1; id = word overlap',
);
if (misses.length > 0) console.log(`\ndifferences:\n${misses.join('\n')}`);
