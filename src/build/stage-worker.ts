// The staging folder of an incremental build, hard-linked on a thread of its own while Astro
// renders the changed pages into a folder apart (src/build/run.ts): at 10,000 documents, linking
// the last build's 90,000 files took seconds of the rendering thread's time. Then, in any build,
// the site the last build replaced (`retire`, src/build/transaction.ts) is deleted here too. The
// two are reported apart: the pages move in once the link is done, while the deletion (some 10 s
// of file-system work at 10,000 documents) goes on beside the render and the indexes, and is
// waited for only before this build retires its own replaced site to the same place.
import { rmSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { linkSite } from './transaction.ts';

/** What the worker is given: the output folder, the (empty) staging folder, and the retired site to delete. */
export interface StageJob {
  out: string;
  /** Undefined in a full build, which links nothing. */
  site?: string;
  retired: string;
}

/** What the worker reports: first how many files it linked, then that the retired site is gone. */
export type StageMessage = { linked: number } | { swept: true };

if (parentPort && workerData) {
  const { out, site, retired } = workerData as StageJob;
  parentPort.postMessage({ linked: site ? linkSite(out, site) : 0 } satisfies StageMessage);
  rmSync(retired, { recursive: true, force: true });
  parentPort.postMessage({ swept: true } satisfies StageMessage);
}
