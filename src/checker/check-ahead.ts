// The check of a large content tree on two threads. The results `checkContent` keeps per file
// (src/checker/check-content.ts, `CheckCache`: each document and translation checked on its
// own, which is most of the work) are made ahead, half of them on a worker thread
// (check-ahead-worker.ts), so that the check itself finds them kept and does only what spans
// files. It runs as before when most results are kept already. A result is keyed by everything
// it depends on, so one made here can only be used where the check would have made the same.
import { Worker } from 'node:worker_threads';
import { createMentionMatcher } from '../lib/find-mentions.ts';
import { listFactsJobs, makeFacts, type ContentFile, type FactsJob, type FileFacts } from './check-content.ts';
import { classifyContentPath } from './collections.ts';

/** What the worker is given: its share of the jobs, the entities' names, the cache's salt and the keys it holds. */
export interface AheadJob {
  jobs: FactsJob[];
  aliases: ReturnType<typeof listFactsJobs>['aliases'];
  salt: string;
  known: string[];
}

/**
 * Files whose results may be missing below which nothing is made ahead: a worker takes about a
 * second to start, and a rebuild after an edit checks a few files.
 */
export const AHEAD_FROM = 64;

/**
 * Adds to `previous` (the `CheckCache.previous` the check will be given, under `salt`) the
 * results the check would make for `files` and not find there, half of them made on a worker
 * thread; returns how many it made. Only when they may be many: `AHEAD_FROM` files or more whose
 * digest is not known, or an entity file among them (the entities' names are part of every
 * document's key).
 */
export async function checkAhead(
  files: readonly ContentFile[],
  salt: string,
  previous: Map<string, FileFacts>,
  { from = AHEAD_FROM }: { from?: number } = {},
): Promise<number> {
  const unknown = files.filter((file) => file.digest === undefined && file.refused === undefined);
  const entityChanged = unknown.some((file) => {
    const kind = classifyContentPath(file.relative);
    return kind.kind === 'entry' && kind.collection !== 'documents';
  });
  if (unknown.length < from && !entityChanged) return 0;
  const { aliases, jobs } = listFactsJobs(files);
  const known = new Set(previous.keys());
  // Every other job to the worker: neighbours in a folder are alike in size.
  const mine = jobs.filter((_, i) => i % 2 === 0);
  const theirs = jobs.filter((_, i) => i % 2 === 1);
  const worker = new Worker(new URL('./check-ahead-worker.ts', import.meta.url), {
    workerData: { jobs: theirs, aliases, salt, known: [...known] } satisfies AheadJob,
  });
  const made = new Promise<[string, FileFacts][]>((done, fail) => {
    worker.once('message', done);
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`the checker's worker stopped (exit code ${code})`)));
  });
  // Not waited for until this thread's half is done: a failure then is the check's.
  made.catch(() => undefined);
  const matcher = createMentionMatcher(aliases);
  let count = 0;
  for (const job of mine) {
    const { key, facts } = makeFacts(job, salt, matcher, known);
    if (facts) {
      previous.set(key, facts);
      count += 1;
    }
  }
  const theirsMade = await made;
  for (const [key, facts] of theirsMade) previous.set(key, facts);
  return count + theirsMade.length;
}
