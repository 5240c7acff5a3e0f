import { escapeXmlText as x } from './xml.ts';

/**
 * A sitemap of every page, with `hreflang` alternates for pages that exist in both languages.
 * `paths` are the pages' paths inside the site (`zh/documents/x/`), `origin` the site's public
 * address with its base path (`https://example.org/archive/`).
 */
export function renderSitemap(paths: readonly string[], origin: string): string {
  const all = new Set(paths);
  const counterpart = (path: string) =>
    path.startsWith('zh/') ? `en/${path.slice(3)}` : path.startsWith('en/') ? `zh/${path.slice(3)}` : undefined;
  const url = (path: string) => new URL(path, origin).href;
  const entries = [...all].sort().map((path) => {
    const other = counterpart(path);
    const alternates =
      other && all.has(other)
        ? [path, other]
            .sort()
            .map(
              (item) =>
                `\n    <xhtml:link rel="alternate" hreflang="${item.startsWith('zh/') ? 'zh-Hans' : 'en'}" href="${x(url(item))}"/>`,
            )
            .join('')
        : '';
    return `  <url>\n    <loc>${x(url(path))}</loc>${alternates}\n  </url>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${entries.join('\n')}
</urlset>
`;
}
