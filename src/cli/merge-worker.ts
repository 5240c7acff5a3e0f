// One merge of search index parts (src/cli/merge-search-shards.ts) in a thread of its own, so
// that the shards of a large index merge on every core once Astro and Pagefind are done.
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { mergeEnglishIndex, mergeSearchShard } from './merge-search-shards.ts';

/** A merge to run: a Chinese search shard's parts, or the English index's. */
export type MergeTask =
  | { kind: 'zh'; site: string; shard: number; shards: number; sizes: number[] }
  | { kind: 'en'; site: string; sizes: number[] };

function runMerge(task: MergeTask): void {
  if (task.kind === 'zh') mergeSearchShard(task.site, task.shard, task.shards, task.sizes);
  else mergeEnglishIndex(task.site, task.sizes);
}

/** Runs a merge in a new thread; settles when its files are written. */
export function mergeInThread(task: MergeTask): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { mergeTask: task } });
    worker.once('message', () => resolve());
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`merge stopped (exit code ${code})`))));
  });
}

// Only in a thread started by mergeInThread (the index worker imports this module too).
const task = (workerData as { mergeTask?: MergeTask } | null)?.mergeTask;
if (parentPort && task) {
  runMerge(task);
  parentPort.postMessage('merged');
}
