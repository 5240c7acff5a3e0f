import type { APIContext } from 'astro';
import { loadDocumentCsv } from '../../data/archive.ts';

/** `/data/documents.csv`: one row per document, every metadata field (RFC 4180, UTF-8 without BOM: the data package's table). */
export async function GET({ site }: APIContext): Promise<Response> {
  return new Response(await loadDocumentCsv(site!), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
