import type { APIContext } from 'astro';
import { loadArchive, loadCitationInput } from '../../data/archive.ts';
import { formatRis } from '../../lib/citations/format-ris.ts';

export async function getStaticPaths() {
  const archive = await loadArchive();
  return archive.documents.map((doc) => ({ params: { id: doc.id }, props: { doc } }));
}

/** `/cite/<id>.ris`: the citation of one document, for reference managers. */
export async function GET({ props, site }: APIContext): Promise<Response> {
  const input = await loadCitationInput(props.doc, site!);
  return new Response(formatRis(input), {
    headers: { 'content-type': 'application/x-research-info-systems; charset=utf-8' },
  });
}
