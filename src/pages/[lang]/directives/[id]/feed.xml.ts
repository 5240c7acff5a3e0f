import type { APIContext } from 'astro';
import { loadArchive, loadGitHistory } from '../../../../data/archive.ts';
import { LANGUAGES, type Lang } from '../../../../i18n/index.ts';
import { pick } from '../../../../lib/bilingual.ts';
import { renderDocumentFeed } from '../../../../lib/document-feed.ts';
import { withBase } from '../../../../lib/urls.ts';

export async function getStaticPaths() {
  const archive = await loadArchive();
  return LANGUAGES.flatMap((lang) => [...archive.directives.keys()].map((id) => ({ params: { lang, id } })));
}

/** `/<lang>/directives/<id>/feed.xml`: the documents citing one entry, newest first. */
export async function GET({ params, site }: APIContext): Promise<Response> {
  const lang = params.lang as Lang;
  const id = params.id!;
  const archive = await loadArchive();
  const entity = archive.directives.get(id)!;
  const body = renderDocumentFeed({
    lang,
    documents: (archive.citations.get(`directives/${id}`) ?? []).map((citation) => citation.document),
    history: loadGitHistory(),
    root: new URL(withBase(import.meta.env.BASE_URL, '/'), site).href,
    self: `${lang}/directives/${id}/feed.xml`,
    alternate: `${lang}/directives/${id}/`,
    title: pick(entity.name, lang),
  });
  return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
}
