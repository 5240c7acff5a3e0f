import type { APIContext } from 'astro';
import { loadDocumentRows } from '../../data/archive.ts';
import { formatDocumentCsv } from '../../lib/data-export.ts';

/** `/data/documents-excel.csv`: documents.csv with a byte-order mark, which Excel needs to read it as UTF-8. */
export async function GET({ site }: APIContext): Promise<Response> {
  const csv = formatDocumentCsv(await loadDocumentRows(site!), { bom: true });
  return new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
