import type { APIContext } from 'astro';
import { loadArchive, selectMetadataPages } from '../../data/archive.ts';
import { LANGUAGES, useTranslations, type Lang } from '../../i18n/index.ts';
import { countSearchFacets } from '../../lib/search-records.ts';

export function getStaticPaths() {
  return selectMetadataPages(LANGUAGES.map((lang) => ({ params: { lang } })));
}

/** `/search/facets-<lang>.json`: each filter value's number of documents, for the search page before a search. */
export async function GET({ params }: APIContext): Promise<Response> {
  const archive = await loadArchive();
  const counts = countSearchFacets(
    archive.documents,
    params.lang as Lang,
    archive,
    useTranslations(params.lang as Lang),
  );
  return new Response(JSON.stringify(counts), { headers: { 'content-type': 'application/json' } });
}
