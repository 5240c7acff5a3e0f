// `npm run import:devset [-- --dir PATH] [--verbose]`: imports every page of the development set
// (tests/fixtures/importer-dev/, real pages kept as found, with the truth annotated by hand in
// truth.json) and prints the importer's accuracy per field, then every miss.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent } from '../checker/check-content.ts';
import { loadContentFiles } from '../checker/load-content.ts';
import { importPage } from '../importer/import-page.ts';
import { createEntityIndex } from '../importer/link.ts';
import { isUnsupportedDate, judgePage, type DevCheck, type DevTruth } from '../importer/score-devset.ts';
import { resolveContentDir } from '../lib/content-dir.ts';

const argv = process.argv.slice(2);
const dirFlag = argv.indexOf('--dir');
const dir =
  dirFlag >= 0 ? argv[dirFlag + 1]! : join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'importer-dev');
const truths = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as DevTruth[];
const index = createEntityIndex(checkContent(loadContentFiles(resolveContentDir(argv))).entries);

const checks: DevCheck[] = [];
const unsupported: string[] = [];
for (const truth of truths) {
  const { report } = importPage(readFileSync(join(dir, truth.file)), truth.file, { index });
  checks.push(...judgePage(truth, report));
  if (isUnsupportedDate(truth, report))
    unsupported.push(`  ${truth.file}: ${report.date} (${report.date_basis}); truth: ${truth.date ?? 'no date'}`);
}

const FIELDS: [DevCheck['field'], string][] = [
  ['title', 'title (pages that show one)'],
  ['type', 'type'],
  ['stated_date', 'stated dates'],
  ['inferred_date', 'inferred dates'],
  ['no_date', 'no date where none is given'],
  ['first_line', 'first body line'],
  ['speaker', 'speaker'],
  ['refused', 'refused / imported as it should'],
];
console.log(`importer on the development set: ${truths.length} real pages (${dir})\n`);
for (const [field, label] of FIELDS) {
  const mine = checks.filter((c) => c.field === field);
  if (mine.length === 0) continue;
  const ok = mine.filter((c) => c.ok).length;
  console.log(
    `${label.padEnd(34)} ${`${ok}/${mine.length}`.padStart(7)}  ${((100 * ok) / mine.length).toFixed(0).padStart(3)}%`,
  );
}
console.log(`${'dates the text does not support'.padEnd(34)} ${String(unsupported.length).padStart(7)}`);
const misses = checks.filter((c) => !c.ok);
if (misses.length > 0) {
  console.log('\nmisses:');
  const cut = (s: string): string => (s.length > 60 ? `${s.slice(0, 60)}…` : s);
  for (const m of misses)
    console.log(`  ${m.file}  ${m.field}\n      truth:    ${cut(m.expected)}\n      imported: ${cut(m.actual)}`);
}
if (unsupported.length > 0) console.log(`\nunsupported dates:\n${unsupported.join('\n')}`);
