import type { APIContext } from 'astro';
import { loadArchive, loadCitationInput } from '../../data/archive.ts';
import { formatBibtex } from '../../lib/citations/format-bibtex.ts';

export async function getStaticPaths() {
  const archive = await loadArchive();
  return archive.documents.map((doc) => ({ params: { id: doc.id }, props: { doc } }));
}

/** `/cite/<id>.bib`: the citation of one document, for reference managers. */
export async function GET({ props, site }: APIContext): Promise<Response> {
  const input = await loadCitationInput(props.doc, site!);
  return new Response(formatBibtex(input), { headers: { 'content-type': 'application/x-bibtex; charset=utf-8' } });
}
