// The staging folder of an incremental build, hard-linked on a thread of its own while Astro
// renders the changed pages into a folder apart (src/build/run.ts): at 10,000 documents, linking
// the last build's 90,000 files took seconds of the rendering thread's time.
import { parentPort, workerData } from 'node:worker_threads';
import { linkSite } from './transaction.ts';

/** What the worker is given: the output folder and the (empty) staging folder. */
export interface StageJob {
  out: string;
  site: string;
}

if (parentPort && workerData) {
  const { out, site } = workerData as StageJob;
  parentPort.postMessage(linkSite(out, site));
}
