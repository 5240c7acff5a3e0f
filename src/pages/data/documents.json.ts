import type { APIContext } from 'astro';
import { loadArchive, loadTranslations } from '../../data/archive.ts';
import { documentRow } from '../../lib/data-export.ts';
import { pagePath, withBase } from '../../lib/urls.ts';

/** `/data/documents.json`: every document's metadata, one object per document (same fields as the CSV). */
export async function GET({ site }: APIContext): Promise<Response> {
  const [archive, translations] = await Promise.all([loadArchive(), loadTranslations()]);
  const url = (path: string) => new URL(withBase(import.meta.env.BASE_URL, path), site).href;
  const rows = archive.documents.map((doc) =>
    documentRow(doc, {
      urlZh: url(pagePath('zh', 'documents', doc.id)),
      urlEn: url(pagePath('en', 'documents', doc.id)),
      translated: translations.has(doc.id),
    }),
  );
  return new Response(JSON.stringify(rows, null, 1), { headers: { 'content-type': 'application/json' } });
}
