import type { APIContext } from 'astro';
import { stringify } from 'csv-stringify/sync';
import { loadDocumentRows } from '../../data/archive.ts';
import { DOCUMENT_COLUMNS } from '../../lib/data-export.ts';

/** `/data/documents.csv`: one row per document, every metadata field (RFC 4180, UTF-8 with BOM for spreadsheets). */
export async function GET({ site }: APIContext): Promise<Response> {
  const rows = await loadDocumentRows(site!);
  const csv = stringify(rows, {
    header: true,
    bom: true,
    columns: DOCUMENT_COLUMNS.map((column) => column.name),
    cast: { boolean: (value) => (value ? 'true' : 'false') },
    record_delimiter: 'windows',
  });
  return new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
