import type { APIContext } from 'astro';
import { loadDocumentRows } from '../../data/archive.ts';
import { formatDocumentCsv } from '../../lib/data-export.ts';

/** `/data/documents.csv`: one row per document, every metadata field (RFC 4180, UTF-8 without BOM: the data package's table). */
export async function GET({ site }: APIContext): Promise<Response> {
  const csv = formatDocumentCsv(await loadDocumentRows(site!), { bom: false });
  return new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
