// `npm run audit:citations [-- CONTENT] [--every N]`: formats the citation of every document of
// a content folder (default content/; every Nth with --every) in each CSL style twice, as the
// pages do (the style less its bibliography's <sort>: parseStyleForOneEntry) and with citeproc
// reading the style file unaltered, and reports every entry where the two differ (exit 1) and
// the CPU milliseconds per entry of each. The tests check a sample; this checks an archive.
import { checkContent } from '../checker/check-content.ts';
import { loadContentFiles } from '../checker/load-content.ts';
import { catalogueEntities } from '../lib/archive-index.ts';
import { documentCitationInput } from '../lib/citations/citation-files.ts';
import { CITATION_STYLE_FILES } from '../lib/citations/citation-styles.ts';
import { formatCslJson } from '../lib/citations/format-csl-json.ts';
import { createCslFormatter } from '../lib/citations/format-csl-style.ts';
import { readSiteAddress } from '../lib/site-config.ts';
import { readCitationStyleFiles } from '../build/citation-style-files.ts';

const args = process.argv.slice(2);
const everyAt = args.indexOf('--every');
const every = everyAt >= 0 ? Number(args[everyAt + 1]) : 1;
if (!Number.isInteger(every) || every < 1) throw new Error('--every takes a whole number of documents, 1 or more');
const content = args.find((arg, at) => !arg.startsWith('--') && at !== everyAt + 1) ?? 'content';

const { entries, errors } = checkContent(loadContentFiles(content));
if (errors > 0) throw new Error(`${content} has ${errors} errors: run npm run check -- --content ${content}`);
const catalogue = catalogueEntities(entries);
const address = readSiteAddress();
const texts = readCitationStyleFiles();
const styles = CITATION_STYLE_FILES.map(({ id }) => {
  const files = { style: texts.styles[id], locales: texts.locales };
  return { id, fast: createCslFormatter(files), asWritten: createCslFormatter(files, { asWritten: true }) };
});

/** CPU milliseconds this thread spends in `run`, added to `sum[key]`. */
function timed<T>(sum: Record<string, number>, key: string, run: () => T): T {
  const started = process.threadCpuUsage();
  const result = run();
  const spent = process.threadCpuUsage(started);
  sum[key] = (sum[key] ?? 0) + (spent.user + spent.system) / 1000;
  return result;
}

const fastMs: Record<string, number> = {};
const asWrittenMs: Record<string, number> = {};
let compared = 0;
let differences = 0;
for (const [at, doc] of entries.documents.entries()) {
  if (at % every !== 0) continue;
  const item = formatCslJson(documentCitationInput(doc, catalogue, address));
  for (const { id, fast, asWritten } of styles) {
    // The first entry of each style loads citeproc's engine: not counted.
    const expected = compared === 0 ? asWritten(item) : timed(asWrittenMs, id, () => asWritten(item));
    const got = compared === 0 ? fast(item) : timed(fastMs, id, () => fast(item));
    if (got !== expected) {
      differences += 1;
      console.log(`DIFFERENT ${doc.id} ${id}\n  as written: ${expected}\n  as formatted: ${got}`);
    }
  }
  compared += 1;
}
console.log(`${compared} documents of ${content}, ${styles.length} styles: ${differences} entries differ`);
for (const { id } of styles) {
  const per = (sum: Record<string, number>) => ((sum[id] ?? 0) / Math.max(1, compared - 1)).toFixed(2);
  console.log(`${id.padEnd(8)} CPU ms per entry: ${per(fastMs)} as formatted, ${per(asWrittenMs)} as written`);
}
process.exitCode = differences > 0 ? 1 : 0;
