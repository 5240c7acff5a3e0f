import type { APIContext } from 'astro';
import { loadArchive, loadCitationInput } from '../../../data/archive.ts';
import { CITATION_FORMATS, type CitationFormat } from '../../../lib/citations/citation-files.ts';

const FORMATS: CitationFormat[] = ['bib', 'ris'];

export async function getStaticPaths() {
  const archive = await loadArchive();
  return (['enterprises', 'directives'] as const).flatMap((kind) =>
    [...archive[kind].keys()].flatMap((id) =>
      FORMATS.map((format) => ({ params: { kind, file: `${id}.${format}` }, props: { id, format } })),
    ),
  );
}

/** `/cite/<enterprises|directives>/<id>.bib|.ris`: the citations of every document citing one entry, newest first. */
export async function GET({
  params,
  props,
  site,
}: APIContext<{ id: string; format: CitationFormat }>): Promise<Response> {
  const archive = await loadArchive();
  const citations = archive.citations.get(`${params.kind as 'enterprises' | 'directives'}/${props.id}`) ?? [];
  const inputs = await Promise.all(citations.map(({ document }) => loadCitationInput(document, site!)));
  const { render, type } = CITATION_FORMATS[props.format];
  return new Response(render(inputs), { headers: { 'content-type': type } });
}
