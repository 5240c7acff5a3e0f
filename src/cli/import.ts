// `npm run import -- [--dry-run] [--json] [--force] [--content PATH] [--manifest FILE] <files or folders…>`:
// turns raw pages (text in any encoding, saved .html pages, Word .docx files) into draft
// documents (content/documents/<id>.md) and keeps each raw file as content/sources/<id>.<ext>.
// Exits 1 when any file could not be imported.
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { checkContent } from '../checker/check-content.ts';
import { loadContentFiles } from '../checker/load-content.ts';
import { formatProblem } from '../checker/problem.ts';
import { failureReport, importFile, type ImportOutcome, type ImportReport } from '../importer/import-page.ts';
import { findProvenance, parseManifest, type Manifest } from '../importer/manifest.ts';
import { sourceExtension } from '../importer/read-binary.ts';
import { createEntityIndex } from '../importer/link.ts';
import { formatSummaryTable } from '../importer/summary-table.ts';
import { resolveContentDir } from '../lib/content-dir.ts';

const USAGE = `usage: npm run import -- [--dry-run] [--json] [--force] [--content PATH] [--manifest FILE] <files or folders…>
  --dry-run   write nothing; show what each file would become
  --json      print one JSON array (one object per file) on stdout, nothing else
  --force     replace an existing draft or source, keeping a backup of the old file first
  --content   the content directory (default: content/, or ARCHIVE_CONTENT)
  --manifest  a JSON list of {file, sha256, repository, commit, taken_from, source_url?} records:
              a file it lists (by its path relative to the manifest's folder) gets source.repository
              and source.url from it, and is refused if its SHA-256 differs`;

const argv = process.argv.slice(2);
const flags = new Set(argv.filter((arg) => /^--(?:dry-run|json|force|help)$/.test(arg)));
const contentFlag = argv.indexOf('--content');
const manifestFlag = argv.indexOf('--manifest');
const isValue = (i: number): boolean =>
  (contentFlag >= 0 && i === contentFlag + 1) || (manifestFlag >= 0 && i === manifestFlag + 1);
const inputs = argv.filter((arg, i) => !arg.startsWith('--') && !isValue(i));
const unknown = argv.filter(
  (arg, i) =>
    arg.startsWith('--') &&
    !flags.has(arg) &&
    !['--content', '--manifest'].includes(arg) &&
    !arg.startsWith('--content=') &&
    !isValue(i),
);
if (unknown.length > 0) {
  console.error(`unknown option ${unknown.join(', ')}\n${USAGE}`);
  process.exit(1);
}
if (flags.has('--help') || inputs.length === 0) {
  console.error(USAGE);
  process.exit(inputs.length === 0 && !flags.has('--help') ? 1 : 0);
}
const dryRun = flags.has('--dry-run');
const json = flags.has('--json');
const force = flags.has('--force');
const root = resolveContentDir(argv);
let manifest: Manifest | undefined;
if (manifestFlag >= 0) {
  const manifestFile = argv[manifestFlag + 1];
  if (!manifestFile || manifestFile.startsWith('--')) {
    console.error(`--manifest needs a file\n${USAGE}`);
    process.exit(1);
  }
  try {
    manifest = parseManifest(readFileSync(manifestFile, 'utf8'), manifestFile);
  } catch (error) {
    console.error(`the manifest cannot be used: ${(error as Error).message}`);
    process.exit(1);
  }
}

/** Every regular, non-hidden file named on the command line or inside a folder named there. */
function listInputs(paths: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (path: string): void => {
    if (!existsSync(path)) {
      files.push(path); // reported as missing below, in its place in the batch
      return;
    }
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!name.startsWith('.')) walk(join(path, name));
    } else files.push(path);
  };
  paths.forEach(walk);
  return files;
}

const timestamp = (): string => new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, 'Z');

const shown = (path: string): string => relative(process.cwd(), path) || path;

/** What stands at `path` itself, not following a symbolic link: nothing, a link, or a file. */
function entryAt(path: string): 'none' | 'link' | 'file' {
  try {
    return lstatSync(path).isSymbolicLink() ? 'link' : 'file';
  } catch {
    return 'none';
  }
}

/**
 * Writes each file, never over an existing one: without --force nothing is written if any of
 * them exists; with --force the old file is first copied to `<file>.bak-<time>` and the new one
 * renamed into place. A symbolic link (even one pointing nowhere) is never written through,
 * with or without --force: it could lead to a file outside content/.
 */
function writeAll(targets: readonly { path: string; content: string | Uint8Array }[]): string[] {
  const links = targets.filter((t) => entryAt(t.path) === 'link');
  if (links.length > 0) {
    throw new Error(
      `${links.map((t) => shown(t.path)).join(' and ')} ${links.length === 1 ? 'is a symbolic link' : 'are symbolic links'}: the importer never writes through one (it could overwrite a file outside content/); nothing written. Remove the link, or import into another --content folder`,
    );
  }
  const existing = targets.filter((t) => entryAt(t.path) !== 'none');
  if (existing.length > 0 && !force) {
    throw new Error(
      `${existing.map((t) => shown(t.path)).join(' and ')} already exist${existing.length === 1 ? 's' : ''}: nothing written (review the existing draft, or re-run with --force, which keeps a backup)`,
    );
  }
  const notes: string[] = [];
  for (const { path, content } of targets) {
    if (entryAt(path) === 'file') {
      const backup = `${path}.bak-${timestamp()}`;
      copyFileSync(path, backup);
      notes.push(`replaced ${shown(path)}; the old file is kept as ${shown(backup)}`);
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, content, { flag: 'wx' });
      renameSync(temporary, path);
    } else {
      writeFileSync(path, content, { flag: 'wx' });
    }
  }
  return notes;
}

const checked = checkContent(loadContentFiles(root));
const index = createEntityIndex(checked.entries);
const files = listInputs(inputs);
const reports: ImportReport[] = [];
const written: string[] = [];
const idsThisRun = new Set<string>();

for (const [i, file] of files.entries()) {
  let outcome: ImportOutcome;
  if (!existsSync(file) || !statSync(file).isFile()) {
    outcome = { report: failureReport(file, `${file}: no such file: check the path`) };
  } else {
    const bytes = readFileSync(file);
    const retrieved = statSync(file).mtime.toISOString().slice(0, 10);
    let provenance: ReturnType<typeof findProvenance>;
    let mismatch: string | undefined;
    try {
      provenance = manifest && findProvenance(manifest, file, bytes);
    } catch (error) {
      mismatch = `${file}: ${(error as Error).message}`;
    }
    try {
      outcome = mismatch
        ? { report: failureReport(file, mismatch) }
        : await importFile(bytes, file, { index, retrieved, ...(provenance ? { provenance } : {}) });
    } catch (error) {
      // A bug must not stop the batch: the file is reported, the others go on.
      outcome = {
        report: failureReport(file, `${file}: the importer failed (${String(error)}); please report it with this file`),
      };
    }
    const extension = sourceExtension(file, bytes);
    if (outcome.draft && !dryRun) {
      try {
        const { id, markdown } = outcome.draft;
        if (idsThisRun.has(id))
          throw new Error(
            `${file}: another file of this batch already became ${id}; import it on its own and choose another id`,
          );
        mkdirSync(join(root, 'documents'), { recursive: true });
        mkdirSync(join(root, 'sources'), { recursive: true });
        const notes = writeAll([
          { path: join(root, 'documents', `${id}.md`), content: markdown },
          { path: join(root, 'sources', `${id}${extension}`), content: bytes },
        ]);
        idsThisRun.add(id);
        written.push(id);
        for (const note of notes) console.error(note);
      } catch (error) {
        outcome = { report: { ...outcome.report, ok: false, error: (error as Error).message } };
      }
    }
  }
  reports.push(outcome.report);
  if (files.length > 1 || !json) {
    const r = outcome.report;
    console.error(`[${i + 1}/${files.length}] ${r.ok ? `ok   ${file} → ${r.id}` : `FAIL ${r.error}`}`);
  }
}

if (json) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
else console.log(formatSummaryTable(reports));

if (written.length > 0) {
  // The drafts must pass the checker like any file: show what it says about them.
  const after = checkContent(loadContentFiles(root));
  const mine = after.problems.filter((p) => written.some((id) => p.file.includes(id)));
  for (const problem of mine) console.error(formatProblem(problem));
  console.error(
    `wrote ${written.length} draft(s) to ${shown(join(root, 'documents'))}; checker: ${mine.filter((p) => p.severity === 'error').length} errors, ${mine.filter((p) => p.severity === 'warning').length} warnings on them`,
  );
}
// exitCode, not exit(): a large JSON array on a pipe must be flushed before Node ends.
process.exitCode = reports.some((r) => !r.ok) ? 1 : 0;
