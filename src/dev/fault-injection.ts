// Fault injection for `npm run build`, shared by tests/build-faults.test.ts (a small slice) and
// `npm run audit:faults` (src/cli/audit-faults.ts, every fault point): builds run as child
// processes, stopped by a signal when they report a phase (src/build/run.ts), and their output
// compared file by file with a fresh full build's.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { join, relative } from 'node:path';

/** How a build ended, and everything it printed. */
export interface BuildOutcome {
  status: number | null;
  signal: NodeJS.Signals | null;
  log: string;
  /** Whether the signal was sent (the build reached the point). */
  interrupted: boolean;
}

export interface BuildRun {
  project: string;
  content: string;
  out: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
  /** Sends `signal` when a line of the build's output matches `at` (e.g. /^phase: render/). */
  stop?: { at: RegExp; signal: NodeJS.Signals };
  /** Called once the build reports `at` (for starting a second build meanwhile). */
  during?: { at: RegExp; run: () => Promise<void> };
}

/** Runs `npm run build` as a child process and waits for it to end. */
export function runBuild(run: BuildRun): Promise<BuildOutcome> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['src/cli/build.ts', '--content', run.content, '--out', run.out, ...(run.args ?? [])],
      { cwd: run.project, env: run.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let log = '';
    let pending = '';
    let interrupted = false;
    let during: Promise<void> = Promise.resolve();
    let triggered = false;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (log += chunk));
    child.stdout.on('data', (chunk: string) => {
      log += chunk;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        if (run.stop && !interrupted && run.stop.at.test(line)) {
          interrupted = true;
          child.kill(run.stop.signal);
        }
        if (run.during && !triggered && run.during.at.test(line)) {
          triggered = true;
          during = run.during.run();
        }
      }
    });
    child.once('error', fail);
    child.once('close', (status, signal) => {
      during.then(() => done({ status, signal, log, interrupted }), fail);
    });
  });
}

/** Every file under `dir` by its path, with a digest of its bytes. */
export function digestTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return files;
}

/** The paths that differ between two trees (missing on either side, or with other bytes). */
export function compareTrees(actual: ReadonlyMap<string, string>, expected: ReadonlyMap<string, string>): string[] {
  const differences: string[] = [];
  for (const [path, sum] of expected) {
    if (!actual.has(path)) differences.push(`missing ${path}`);
    else if (actual.get(path) !== sum) differences.push(`different ${path}`);
  }
  for (const path of actual.keys()) if (!expected.has(path)) differences.push(`extra ${path}`);
  return differences.sort();
}

/** The ways a cache file is damaged. */
export const DAMAGES = ['truncated', 'emptied', 'deleted', 'invalid'] as const;
export type Damage = (typeof DAMAGES)[number];

/**
 * Damages a file in place (as a deploy tool or a full disk would: the same inode, so hard links
 * to it see the damage too), or deletes it.
 */
export function damageFile(path: string, damage: Damage): void {
  if (damage === 'deleted') return rmSync(path, { force: true });
  const bytes = readFileSync(path);
  if (damage === 'emptied') return truncateSync(path, 0);
  if (damage === 'truncated') return truncateSync(path, Math.floor(bytes.length / 2));
  // invalid: the same length, other bytes (what a plausible but wrong file looks like)
  const other = Buffer.alloc(bytes.length, 0x7b);
  const fd = openSync(path, 'r+');
  writeSync(fd, other, 0, other.length, 0);
  closeSync(fd);
}
