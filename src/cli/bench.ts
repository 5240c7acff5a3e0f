// `npm run bench -- --docs N [--seed S] [--work DIR] [--keep] [--peer] [--skip-ours] [--skip-rebuild]`: generates the
// synthetic archive of N documents, builds it in full (site and search index, both languages) as
// `npm run build` does, changes one document and builds again, and prints one JSON line of
// figures. --peer also builds the same archive as a naive bilingual Hugo site indexed by
// Pagefind with its defaults, measured the same way, and prints a second line. Progress and the
// builds' own output go to stderr; stdout holds only the JSON lines.
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeHugoSite } from '../bench/hugo-site.ts';
import { runMeasured } from '../bench/run-measured.ts';
import { measureSite } from '../bench/site-figures.ts';
import { failWithUsage, readCommandLine } from './command-line.ts';

const USAGE =
  'usage: npm run bench -- --docs N [--seed S] [--work DIR] [--keep] [--peer] [--skip-ours] [--skip-rebuild]';
const ROOT = resolve(import.meta.dirname, '..', '..');
/** Appended to one document's body before the rebuild: plain text that names no entity. */
const EDIT = '\n本段为基准测试重建时追加的一句话。\n';

function fail(message: string): never {
  return failWithUsage(USAGE, message);
}

const values = readCommandLine(USAGE, {
  options: {
    docs: { type: 'string' },
    seed: { type: 'string', default: '1' },
    work: { type: 'string' },
    keep: { type: 'boolean', default: false },
    peer: { type: 'boolean', default: false },
    'skip-ours': { type: 'boolean', default: false },
    // At 100,000 documents a full build takes the better part of an hour: measure it once.
    'skip-rebuild': { type: 'boolean', default: false },
  },
});
const docs = Number(values.docs);
if (!Number.isInteger(docs) || docs < 1) fail(`--docs must be a whole number of at least 1, got ${values.docs}`);
if (values['skip-ours'] && !values.peer) fail('--skip-ours leaves nothing to measure without --peer');
const log = (message: string) => console.error(`bench: ${message}`);
const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;

const work = values.work ? resolve(values.work) : mkdtempSync(join(tmpdir(), `soe-bench-${docs}-`));
mkdirSync(work, { recursive: true });
const content = join(work, 'content');

/** Runs a project script with this Node, its output on stderr; stops the bench if it fails. */
function runScript(script: string, args: string[]): void {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error(`${script} failed`);
}

/** Our build as an editor runs it (`npm run build`), in the project, measured; returns its figures. */
async function measureOurs(docIds: string[]) {
  const out = join(work, 'dist');
  const timingsFile = join(work, 'timings.json');
  const build = () =>
    runMeasured(process.execPath, ['src/cli/build.ts', '--content', content, '--out', out, '--timings', timingsFile], {
      cwd: ROOT,
      label: 'build',
    });
  // A full build starts cold: Astro keeps its content store in its cache folder between builds,
  // and our builds keep their state and search index parts in node_modules/.cache/soe-archive.
  rmSync(join(ROOT, 'node_modules', '.astro'), { recursive: true, force: true });
  rmSync(join(ROOT, 'node_modules', '.cache', 'soe-archive'), { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  log(`full build of ${docs} documents → ${out}`);
  const full = await build();
  const readTimings = () =>
    JSON.parse(readFileSync(timingsFile, 'utf8')) as {
      check_s: number;
      site_s: number;
      site_cpu_s?: number;
      index_s: number;
      index_cpu_s?: number;
    };
  const timings = readTimings();
  const site = measureSite(out, docIds);

  let rebuild: { wall_s: number } | undefined;
  let rebuildSiteCpu: number | undefined;
  let rebuildAdd: { wall_s: number } | undefined;
  if (!values['skip-rebuild']) {
    const edited = join(content, 'documents', `${docIds[Math.floor(docIds.length / 2)]}.md`);
    const original = readFileSync(edited, 'utf8');
    // Measured as an editor meets it, after an earlier rebuild: every build deletes the site the
    // one before it replaced (src/build/stage-worker.ts), and the full build above replaced none.
    log(`rebuild after appending a sentence to ${edited}, not measured: it leaves a replaced site`);
    appendFileSync(edited, EDIT);
    try {
      await build();
      log(`rebuild after appending another sentence to ${edited}`);
      appendFileSync(edited, EDIT);
      rebuild = await build();
      rebuildSiteCpu = readTimings().site_cpu_s;
    } finally {
      // The peer must build the same archive as the full build did.
      writeFileSync(edited, original);
    }
    // An editor's commonest change: a new document, here a copy of the first one under an id
    // of its own, which takes its place among the oldest pages (every later page number moves).
    const first = docIds[0]!;
    const addedId = `${first}-added`;
    const added = join(content, 'documents', `${addedId}.md`);
    log(`rebuild after adding ${added}`);
    writeFileSync(
      added,
      readFileSync(join(content, 'documents', `${first}.md`), 'utf8').replace(`id: ${first}\n`, `id: ${addedId}\n`),
    );
    try {
      rebuildAdd = await build();
    } finally {
      rmSync(added, { force: true });
    }
  }
  return {
    tool: 'soe-archive',
    docs: docIds.length,
    pages: site.pages,
    build_s: timings.site_s,
    index_s: timings.index_s,
    total_s: full.wall_s,
    peak_rss_mb: full.peak_rss_mb,
    dist_mb: site.dist_mb,
    index_mb: site.index_mb,
    doc_page_kb_median: site.doc_page_kb_median,
    rebuild_one_s: rebuild?.wall_s ?? null,
    rebuild_add_s: rebuildAdd?.wall_s ?? null,
    check_s: timings.check_s,
    // CPU time of the thread that runs Astro (from --timings): steadier than wall time on a shared machine.
    site_cpu_s: timings.site_cpu_s ?? null,
    // CPU time of the index worker's thread, which runs beside Astro's.
    index_cpu_s: timings.index_cpu_s ?? null,
    rebuild_site_cpu_s: rebuildSiteCpu ?? null,
    node: process.version,
    cpu_cores: availableParallelism(),
  };
}

/** The naive Hugo + Pagefind site of the same archive, measured the same way. */
async function measurePeer(docIds: string[]) {
  const install = spawnSync('bash', [join(ROOT, 'scripts', 'install-hugo.sh')], { stdio: ['inherit', 2, 2] });
  if (install.status !== 0) throw new Error('Hugo is missing and could not be installed: run scripts/install-hugo.sh');
  const version = spawnSync('hugo', ['version'], { encoding: 'utf8' }).stdout.trim();
  const site = join(work, 'hugo');
  rmSync(site, { recursive: true, force: true });
  const converted = performance.now();
  const count = writeHugoSite(content, site);
  log(`converted ${count} documents to a Hugo site in ${round((performance.now() - converted) / 1000)} s → ${site}`);
  log(`hugo (${version})`);
  const hugo = await runMeasured('hugo', [], { cwd: site, label: 'hugo' });
  log('pagefind --site public (defaults)');
  const pagefind = await runMeasured(join(ROOT, 'node_modules', '.bin', 'pagefind'), ['--site', 'public'], {
    cwd: site,
    label: 'pagefind',
  });
  const figures = measureSite(join(site, 'public'), docIds);
  return {
    tool: 'hugo+pagefind',
    docs: docIds.length,
    pages: figures.pages,
    build_s: hugo.wall_s,
    index_s: pagefind.wall_s,
    total_s: round(hugo.wall_s + pagefind.wall_s),
    peak_rss_mb: Math.max(hugo.peak_rss_mb, pagefind.peak_rss_mb),
    dist_mb: figures.dist_mb,
    index_mb: figures.index_mb,
    doc_page_kb_median: figures.doc_page_kb_median,
    hugo: version.split(' ')[1] ?? version,
  };
}

try {
  log(`work folder ${work}`);
  runScript('src/cli/corpus.ts', ['--docs', String(docs), '--seed', values.seed, '--out', content, '--force']);
  const docIds = readdirSync(join(content, 'documents'))
    .filter((name) => name.endsWith('.md') && !name.endsWith('.en.md'))
    .map((name) => name.slice(0, -'.md'.length))
    .sort();
  const ours = values['skip-ours'] ? undefined : await measureOurs(docIds);
  if (ours) console.log(JSON.stringify(ours));
  if (values.peer) {
    const peer = await measurePeer(docIds);
    const ratios = ours
      ? {
          ours_over_peer_total: round(ours.total_s / peer.total_s, 3),
          ours_over_peer_peak_rss: round(ours.peak_rss_mb / peer.peak_rss_mb, 3),
        }
      : {};
    console.log(JSON.stringify({ ...peer, ...ratios }));
  }
} catch (error) {
  console.error(`bench failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  if (values.keep || values.work) log(`kept ${work}`);
  else if (existsSync(work)) rmSync(work, { recursive: true, force: true });
}
