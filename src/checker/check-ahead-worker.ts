// Half of the results `checkAhead` makes (src/checker/check-ahead.ts), on a thread of its own.
import { parentPort, workerData } from 'node:worker_threads';
import { createMentionMatcher } from '../lib/find-mentions.ts';
import type { AheadJob } from './check-ahead.ts';
import { makeFacts } from './check-content.ts';

if (parentPort && workerData) {
  const { jobs, aliases, salt, known } = workerData as AheadJob;
  const matcher = createMentionMatcher(aliases);
  const keys = new Set(known);
  const made = [];
  for (const job of jobs) {
    const { key, facts } = makeFacts(job, salt, matcher, keys);
    if (facts) made.push([key, facts]);
  }
  parentPort.postMessage(made);
}
