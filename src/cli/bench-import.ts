// `npm run bench:import [-- --files N]`: generates N varied raw pages (default 1,000) from the
// curated raw sources and the importer's test pages, some GBK or Big5, into a temporary folder,
// runs `import --dry-run --json` on all of them and prints one JSON line:
// { files, seconds, files_per_s, failures }.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthesisePages } from '../bench/synthesise-pages.ts';
import type { ImportReport } from '../importer/import-page.ts';

const argv = process.argv.slice(2);
const flag = argv.indexOf('--files');
const count = flag >= 0 ? Number(argv[flag + 1]) : 1000;
const root = join(import.meta.dirname, '..', '..');
const folders = [join(root, 'content', 'sources'), join(root, 'tests', 'fixtures', 'import')];
const bases = folders
  .flatMap((dir) => readdirSync(dir).map((name) => join(dir, name)))
  .filter((path) => path.endsWith('.txt') && !path.endsWith('no-body.txt'))
  .map((path) => readFileSync(path, 'utf8'));

const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
for (const page of synthesisePages(bases, count)) writeFileSync(join(dir, page.name), page.bytes);

const started = performance.now();
const result = spawnSync(process.execPath, [join(root, 'src', 'cli', 'import.ts'), '--dry-run', '--json', dir], {
  encoding: 'utf8',
  maxBuffer: 512 * 1024 * 1024,
});
const seconds = (performance.now() - started) / 1000;
rmSync(dir, { recursive: true, force: true });
const reports = JSON.parse(result.stdout) as ImportReport[];
const failures = reports.filter((r) => !r.ok);
console.log(
  JSON.stringify({
    files: reports.length,
    seconds: Number(seconds.toFixed(2)),
    files_per_s: Number((reports.length / seconds).toFixed(1)),
    failures: failures.length,
    encodings: Object.fromEntries(
      [...new Set(reports.map((r) => r.encoding))].map((e) => [
        String(e),
        reports.filter((r) => r.encoding === e).length,
      ]),
    ),
  }),
);
for (const failure of failures.slice(0, 5)) console.error(failure.error);
process.exitCode = failures.length > 0 ? 1 : 0;
