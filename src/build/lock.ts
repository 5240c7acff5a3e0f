// One build at a time per output folder: a build holds `<out>.lock` (created exclusively, with
// its process id) from before it reads anything until it has replaced the folder. A second build
// is refused with a message saying which process holds it; a lock whose process is gone (a build
// killed outright) is taken over.
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';

/** Why a lock could not be taken. */
export class LockRefused extends Error {}

/** The start time of a process (Linux: field 22 of /proc/<pid>/stat), to tell a reused id apart. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function isAlive(pid: number, start: string | undefined): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const now = processStart(pid);
  return start === undefined || now === undefined || now === start;
}

/** Takes the lock at `path` for this process, or throws `LockRefused` naming the holder. */
export function takeLock(path: string, what: string): () => void {
  const mine = JSON.stringify({ pid: process.pid, start: processStart(process.pid) });
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, mine);
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(path, 'utf8') === mine) rmSync(path, { force: true });
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let text = '';
    let holder: { pid?: unknown; start?: unknown } | undefined;
    try {
      text = readFileSync(path, 'utf8');
      holder = JSON.parse(text) as typeof holder;
    } catch {
      holder = undefined; // being written, or damaged: looked at again below
    }
    const pid = typeof holder?.pid === 'number' ? holder.pid : undefined;
    if (pid !== undefined && isAlive(pid, typeof holder?.start === 'string' ? holder.start : undefined)) {
      throw new LockRefused(
        `another build (process ${pid}) is writing ${what}; wait for it to finish. If no build is running, delete ${path} and build again.`,
      );
    }
    if (pid === undefined && attempt === 0) {
      // Possibly a lock being written this instant: look once more after a moment.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      continue;
    }
    // The process that held it is gone (killed before it could let go): take it over. It is
    // moved aside first and looked at, so that a lock another build took meanwhile is put back.
    const aside = `${path}.${process.pid}`;
    try {
      renameSync(path, aside);
    } catch {
      continue; // someone else moved it: try again
    }
    if (readFileSync(aside, 'utf8') !== text) {
      try {
        linkSync(aside, path);
      } catch {
        // taken again meanwhile: the next attempt sees it
      }
    }
    rmSync(aside, { force: true });
  }
  throw new LockRefused(
    `could not take the lock ${path} for ${what}; delete it if no build is running, and build again.`,
  );
}
