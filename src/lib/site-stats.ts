/** Figures about a built site, for notes and benchmarks. */
export interface SiteStats {
  pages: number;
  documentPages: number;
  /** Median size of a document page, in KB. */
  documentPageKbMedian: number;
  /** Median size of a document page without its text rows (original, conversion, translation), in KB. */
  documentPageChromeKbMedian: number;
  /** Total size of the stylesheets, in KB. */
  cssKb: number;
  /** Pages other than the root language chooser and the search pages that run any script (JSON-LD data blocks do not run). */
  contentPagesWithScripts: string[];
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;

/** Removes the reading rows (`<div class="rows">…</div>`, the document's text) from a page. */
export function stripReadingRows(html: string): string {
  const start = html.indexOf('<div class="rows">');
  if (start === -1) return html;
  const end = html.indexOf('</section>', start);
  return html.slice(0, start) + html.slice(end);
}

/** Computes the figures from the built pages (path relative to the site → contents) and stylesheets. */
export function computeSiteStats(pages: Map<string, string>, stylesheets: Map<string, number>): SiteStats {
  const documents = [...pages].filter(([path]) => /^(zh|en)\/documents\/[^/]+\/index\.html$/.test(path));
  const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
  return {
    pages: pages.size,
    documentPages: documents.length,
    documentPageKbMedian: kb(median(documents.map(([, html]) => bytes(html)))),
    documentPageChromeKbMedian: kb(median(documents.map(([, html]) => bytes(stripReadingRows(html))))),
    cssKb: kb([...stylesheets.values()].reduce((sum, size) => sum + size, 0)),
    contentPagesWithScripts: [...pages]
      .filter(
        ([path, html]) =>
          path !== 'index.html' &&
          !/^(zh|en)\/search\//.test(path) &&
          /<script\b(?![^>]*application\/ld\+json)/.test(html),
      )
      .map(([path]) => path),
  };
}
