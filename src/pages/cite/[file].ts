import type { APIContext } from 'astro';
import { loadArchive, loadCitationInput } from '../../data/archive.ts';
import type { IndexedDocument } from '../../lib/archive-index.ts';
import { CITATION_FORMATS, type CitationFormat } from '../../lib/citations/citation-files.ts';

export async function getStaticPaths() {
  const archive = await loadArchive();
  return archive.documents.flatMap((doc) =>
    (Object.keys(CITATION_FORMATS) as CitationFormat[]).map((format) => ({
      params: { file: `${doc.id}.${format}` },
      props: { doc, format },
    })),
  );
}

/** `/cite/<id>.bib|.ris|.json`: the citation of one document, for reference managers. */
export async function GET({
  props,
  site,
}: APIContext<{ doc: IndexedDocument; format: CitationFormat }>): Promise<Response> {
  const { render, type } = CITATION_FORMATS[props.format];
  return new Response(render([await loadCitationInput(props.doc, site!)]), { headers: { 'content-type': type } });
}
