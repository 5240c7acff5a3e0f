// `npm run audit:faults [-- --work DIR] [--only interrupts|damage|concurrent]`: the fault-injection
// audit of `npm run build` (src/dev/fault-audit.ts) over the fixture archive. Stops builds at
// every phase they report, by SIGINT and by SIGKILL, with the edit kept and undone, for a first
// build and an incremental one; damages every kind of file builds keep in four ways; runs two
// builds into one folder at once. Prints each divergence and one JSON line of counts; exits 1 if
// anything diverged. Takes about half an hour on two shared cores.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DAMAGES, FaultBench, STOP_POINTS, type FaultResult } from '../dev/fault-audit.ts';
import { readCommandLine } from './command-line.ts';

const USAGE = 'usage: npm run audit:faults [-- --work DIR] [--only interrupts|damage|concurrent]';
const values = readCommandLine(USAGE, {
  options: { work: { type: 'string' }, only: { type: 'string' } },
});
const project = resolve(import.meta.dirname, '..', '..');
const work = values.work ? resolve(values.work) : mkdtempSync(join(tmpdir(), 'soe-audit-faults-'));
const { BASE_URL: _base, ...env } = process.env;
const bench = new FaultBench(project, work, join(project, 'tests', 'fixtures', 'archive'), {
  ...env,
  ARCHIVE_SITE_URL: 'https://archive.test',
  ARCHIVE_BASE: '/soe/',
});
const log = (message: string) => console.error(`audit: ${message}`);
const results: FaultResult[] = [];
const record = (result: FaultResult) => {
  results.push(result);
  log(`${result.reached ? (result.divergences.length ? 'DIVERGED' : 'ok') : 'not reached'}: ${result.fault}`);
  for (const divergence of result.divergences) log(`  ${divergence}`);
};

log(`work folder ${work}; reference builds…`);
await bench.prepare();
const only = values.only;
if (!only || only === 'interrupts') {
  for (const full of [false, true]) {
    for (const at of STOP_POINTS) {
      for (const signal of ['SIGINT', 'SIGKILL'] as const) {
        for (const undo of [false, true]) record(await bench.interrupt(at, signal, undo, full));
      }
    }
  }
}
if (!only || only === 'damage') {
  for (const { kind } of bench.cacheFiles()) {
    for (const damage of DAMAGES) record(await bench.damage(kind, damage));
  }
}
if (!only || only === 'concurrent') for (let n = 0; n < 3; n += 1) record(await bench.concurrent());

const reached = results.filter((result) => result.reached);
const diverged = reached.filter((result) => result.divergences.length > 0);
console.log(
  JSON.stringify({
    fault_points: results.length,
    reached: reached.length,
    not_reached: results.length - reached.length,
    divergences: diverged.length,
  }),
);
process.exit(diverged.length > 0 ? 1 : 0);
