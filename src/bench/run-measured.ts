// Runs a command as a child process and measures what a user waits for and what the machine
// must hold: wall time, and the peak of the memory summed over the child's whole process tree.
import { spawn } from 'node:child_process';
import { sampleTreeRssKb } from './proc-tree.ts';

export interface Measured {
  /** Wall time from spawn to exit, in seconds. */
  wall_s: number;
  /** The largest sum of VmRSS over the process tree seen by any sample, in MiB. */
  peak_rss_mb: number;
  /** How many samples were taken. */
  samples: number;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** How often to sample the tree, in milliseconds. */
  intervalMs?: number;
  /** Where the child's output goes: the bench keeps stdout for its JSON, so both go to stderr. */
  label?: string;
}

/**
 * Spawns `command args`, samples the memory of its process tree every `intervalMs` until it
 * exits, and rejects if it fails. Processes that live less than one interval can be missed.
 */
export function runMeasured(command: string, args: readonly string[], options: RunOptions = {}): Promise<Measured> {
  const intervalMs = options.intervalMs ?? 100;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const prefix = options.label ? `[${options.label}] ` : '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding('utf8');
      let pending = '';
      stream.on('data', (chunk: string) => {
        const lines = (pending + chunk).split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) process.stderr.write(`${prefix}${line}\n`);
      });
      stream.on('end', () => {
        if (pending) process.stderr.write(`${prefix}${pending}\n`);
      });
    }
    let peakKb = 0;
    let samples = 0;
    const sample = () => {
      if (child.pid === undefined || child.exitCode !== null) return;
      peakKb = Math.max(peakKb, sampleTreeRssKb(child.pid));
      samples += 1;
    };
    const timer = setInterval(sample, intervalMs);
    sample();
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearInterval(timer);
      const wall_s = Math.round(performance.now() - started) / 1000;
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}) after ${wall_s} s`));
        return;
      }
      resolve({ wall_s, peak_rss_mb: Math.round(peakKb / 1024), samples });
    });
  });
}
