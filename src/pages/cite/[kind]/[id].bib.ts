import type { APIContext } from 'astro';
import { loadArchive, loadCitationInput } from '../../../data/archive.ts';
import { formatBibtex } from '../../../lib/citations/format-bibtex.ts';

export async function getStaticPaths() {
  const archive = await loadArchive();
  return (['enterprises', 'directives'] as const).flatMap((kind) =>
    [...archive[kind].keys()].map((id) => ({ params: { kind, id } })),
  );
}

/** `/cite/<enterprises|directives>/<id>.bib`: the citations of every document citing one entry, newest first. */
export async function GET({ params, site }: APIContext): Promise<Response> {
  const archive = await loadArchive();
  const citations = archive.citations.get(`${params.kind as 'enterprises' | 'directives'}/${params.id!}`) ?? [];
  const entries = await Promise.all(
    citations.map(async ({ document }) => formatBibtex(await loadCitationInput(document, site!))),
  );
  return new Response(entries.join('\\n'), { headers: { 'content-type': 'application/x-bibtex; charset=utf-8' } });
}
