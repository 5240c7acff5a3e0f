import type { BrowserContext } from 'playwright-core';

/** What a browser context fetched, in KiB, by the kind of file `kindOf` names from its URL. */
export interface ResponseBytes {
  /** Waits for the sizes of the responses finished so far (they arrive asynchronously). */
  settle: () => Promise<unknown>;
  kb: () => number;
  byKind: () => Record<string, number>;
  reset: () => void;
}

/**
 * Counts the encoded bytes (body and headers) of every response a context receives from now on,
 * pages and workers, leaving out the HTML and CSS, which every benchmark page loads alike.
 */
export function countResponseBytes(context: BrowserContext, kindOf: (url: string) => string): ResponseBytes {
  let bytes = new Map<string, number>();
  const pending: Promise<void>[] = [];
  context.on('requestfinished', (request) => {
    if (request.resourceType() === 'document' || request.resourceType() === 'stylesheet') return;
    pending.push(
      request.sizes().then((sizes) => {
        const kind = kindOf(request.url());
        bytes.set(kind, (bytes.get(kind) ?? 0) + sizes.responseBodySize + sizes.responseHeadersSize);
      }),
    );
  });
  const kb = (value: number) => Math.round(value / 102.4) / 10;
  return {
    settle: () => Promise.all(pending),
    kb: () => kb([...bytes.values()].reduce((sum, value) => sum + value, 0)),
    byKind: () => Object.fromEntries([...bytes].sort().map(([kind, value]) => [kind, kb(value)])),
    reset: () => {
      bytes = new Map();
    },
  };
}
