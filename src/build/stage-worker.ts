// The staging folder of an incremental build, made on a thread of its own while Astro renders
// the changed pages into a folder apart (src/build/run.ts): the site the last build replaced
// (`retire`, src/build/transaction.ts), brought up to date and moved in, or where there is none,
// the output folder's files linked into an empty one (`stageSite`). Then, in any build, what is left of
// the replaced site is deleted. The two are reported apart: the pages move in once the staging
// folder is ready, while a deletion goes on beside the render and the indexes and is waited for
// only before this build retires its own replaced site to the same place.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { stageSite, type Staged } from './transaction.ts';

/** What the worker is given: the output folder, the (empty) staging folder, and the retired site. */
export interface StageJob {
  out: string;
  /** Undefined in a full build, which links nothing. */
  site?: string;
  retired: string;
}

/** What the worker reports: first the staging folder's files and how many it linked, then that the retired site is gone. */
export type StageMessage = { staged: Staged } | { swept: true };

if (parentPort && workerData) {
  const { out, site, retired } = workerData as StageJob;
  // Beside the retired site: what staging drops from it, deleted with it below (or, should this
  // build be stopped first, by the next one).
  const trash = join(dirname(retired), 'trash');
  parentPort.postMessage({
    staged: site ? stageSite(out, site, retired, trash) : { files: 0, linked: 0 },
  } satisfies StageMessage);
  rmSync(retired, { recursive: true, force: true });
  rmSync(trash, { recursive: true, force: true });
  parentPort.postMessage({ swept: true } satisfies StageMessage);
}
