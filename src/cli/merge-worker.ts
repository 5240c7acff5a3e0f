// The merge of the English index's parts (src/cli/merge-search-parts.ts) in a thread of its
// own, so that the index worker's thread goes on with the Chinese index meanwhile.
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { mergeEnglishIndex } from './merge-search-parts.ts';

/** A merge to run: the English index's parts, of these sizes, in `site`. */
export interface MergeTask {
  site: string;
  sizes: number[];
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
  mergeEnglishIndex(task.site, task.sizes);
  parentPort.postMessage('merged');
}
