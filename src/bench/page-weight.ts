// Page weights of a built site: what each HTML page costs a reader (gzipped, as hosts serve
// it), by kind of page, against the budgets the archive keeps.
import { gzipSync } from 'node:zlib';

/** The kinds of page a budget is set for. */
export type PageKind = 'document' | 'entity' | 'other';

/** The most a page of a kind may weigh, gzipped, in bytes. */
export const PAGE_BUDGETS: Record<PageKind, number> = {
  document: 300 * 1024,
  entity: 150 * 1024,
  other: 300 * 1024,
};

/** One page's weight. */
export interface PageWeight {
  /** Path in the site, `/`-separated: `zh/documents/x/index.html`. */
  path: string;
  kind: PageKind;
  bytes: number;
  gzip: number;
}

/** Which kind of page a site path is: a document page, an entity page, or anything else. */
export function classifyPage(path: string): PageKind {
  if (/^(zh|en)\/documents\/[^/]+\/index\.html$/.test(path) && !/^(zh|en)\/documents\/(by|index)\b/.test(path)) {
    return 'document';
  }
  if (/^(zh|en)\/(enterprises|directives|people)\/[^/]+\/index\.html$/.test(path)) return 'entity';
  return 'other';
}

/** Weighs one page: its bytes and its gzipped bytes (level 6, what hosts typically use). */
export function weighPage(path: string, html: string | Uint8Array): PageWeight {
  const bytes = typeof html === 'string' ? Buffer.from(html) : html;
  return { path, kind: classifyPage(path), bytes: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length };
}

/** The pages over their kind's budget, heaviest first. */
export function overBudget(weights: readonly PageWeight[]): PageWeight[] {
  return weights.filter((page) => page.gzip > PAGE_BUDGETS[page.kind]).sort((a, b) => b.gzip - a.gzip);
}

/** The heaviest page of each kind and language, by gzipped weight. */
export function heaviest(weights: readonly PageWeight[]): Record<string, PageWeight> {
  const found: Record<string, PageWeight> = {};
  for (const page of weights) {
    const first = page.path.split('/')[0]!;
    const key = `${page.kind}.${first === 'zh' || first === 'en' ? first : 'root'}`;
    if (!found[key] || page.gzip > found[key].gzip) found[key] = page;
  }
  return found;
}
