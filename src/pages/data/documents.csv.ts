import type { APIContext } from 'astro';
import { stringify } from 'csv-stringify/sync';
import { loadArchive, loadTranslations } from '../../data/archive.ts';
import { DOCUMENT_COLUMNS, documentRow } from '../../lib/data-export.ts';
import { pagePath, withBase } from '../../lib/urls.ts';

/** `/data/documents.csv`: one row per document, every metadata field (RFC 4180, UTF-8 with BOM for spreadsheets). */
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
  const csv = stringify(rows, {
    header: true,
    bom: true,
    columns: DOCUMENT_COLUMNS.map((column) => column.name),
    cast: { boolean: (value) => (value ? 'true' : 'false') },
    record_delimiter: 'windows',
  });
  return new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
