// Peak memory of a whole process tree, read from Linux's /proc: a build is several processes
// (Node, Astro's workers, esbuild, Pagefind's native binary), and each counts.
import { readdirSync, readFileSync } from 'node:fs';

/** The pid and parent pid of one process, from the text of `/proc/<pid>/stat`. */
export function parseStat(text: string): { pid: number; ppid: number } | undefined {
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  const pid = Number.parseInt(text, 10);
  const ppid = Number(text.slice(close + 2).split(' ')[1]);
  return Number.isInteger(pid) && Number.isInteger(ppid) ? { pid, ppid } : undefined;
}

/** The resident set size in kB from the text of `/proc/<pid>/status`; 0 for a zombie (no VmRSS line). */
export function parseVmRssKb(text: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(text);
  return match ? Number(match[1]) : 0;
}

/** `root` and every process descending from it, following parent pids. */
export function listDescendants(root: number, parents: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) {
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i += 1) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** Reads a /proc file; undefined when the process has exited meanwhile. */
function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The parent of every live process. */
export function readParents(proc = '/proc'): Map<number, number> {
  const parents = new Map<number, number>();
  for (const name of readdirSync(proc)) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProc(`${proc}/${name}/stat`);
    const parsed = stat === undefined ? undefined : parseStat(stat);
    if (parsed) parents.set(parsed.pid, parsed.ppid);
  }
  return parents;
}

/** The summed VmRSS, in kB, of `root` and all its descendants right now. */
export function sampleTreeRssKb(root: number, proc = '/proc'): number {
  let total = 0;
  for (const pid of listDescendants(root, readParents(proc))) {
    const status = readProc(`${proc}/${pid}/status`);
    if (status !== undefined) total += parseVmRssKb(status);
  }
  return total;
}
