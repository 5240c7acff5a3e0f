import type { APIContext } from 'astro';
import { loadDocumentCsv } from '../../data/archive.ts';

/** `/data/documents-excel.csv`: documents.csv with a byte-order mark, which Excel needs to read it as UTF-8. */
export async function GET({ site }: APIContext): Promise<Response> {
  return new Response(`\uFEFF${await loadDocumentCsv(site!)}`, {
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
}
