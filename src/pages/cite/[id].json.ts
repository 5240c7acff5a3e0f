import type { APIContext } from 'astro';
import { loadArchive, loadCitationInput } from '../../data/archive.ts';
import { formatCslJson } from '../../lib/citations/format-csl-json.ts';

export async function getStaticPaths() {
  const archive = await loadArchive();
  return archive.documents.map((doc) => ({ params: { id: doc.id }, props: { doc } }));
}

/** `/cite/<id>.json`: the citation of one document, for reference managers. */
export async function GET({ props, site }: APIContext): Promise<Response> {
  const input = await loadCitationInput(props.doc, site!);
  return new Response(JSON.stringify([formatCslJson(input)], null, 1), {
    headers: { 'content-type': 'application/vnd.citationstyles.csl+json' },
  });
}
