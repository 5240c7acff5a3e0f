import type { APIContext } from 'astro';
import { loadDocumentRows } from '../../data/archive.ts';

/** `/data/documents.json`: every document's metadata, one object per document (same fields as the CSV). */
export async function GET({ site }: APIContext): Promise<Response> {
  return new Response(JSON.stringify(await loadDocumentRows(site!), null, 1), {
    headers: { 'content-type': 'application/json' },
  });
}
