import type { APIContext } from 'astro';
import { loadArchive, loadGitHistory } from '../../../../data/archive.ts';
import { LANGUAGES, type Lang } from '../../../../i18n/index.ts';
import { pick } from '../../../../lib/bilingual.ts';
import { renderDocumentFeed } from '../../../../lib/document-feed.ts';
import { withBase } from '../../../../lib/urls.ts';

export async function getStaticPaths() {
  const archive = await loadArchive();
  return LANGUAGES.flatMap((lang) => [...archive.enterprises.keys()].map((id) => ({ params: { lang, id } })));
}

/** `/<lang>/enterprises/<id>/feed.xml`: the documents citing one entry, newest first. */
export async function GET({ params, site }: APIContext): Promise<Response> {
  const lang = params.lang as Lang;
  const id = params.id!;
  const archive = await loadArchive();
  const entity = archive.enterprises.get(id)!;
  const body = renderDocumentFeed({
    lang,
    documents: (archive.citations.get(`enterprises/${id}`) ?? []).map((citation) => citation.document),
    history: loadGitHistory(),
    root: new URL(withBase(import.meta.env.BASE_URL, '/'), site).href,
    self: `${lang}/enterprises/${id}/feed.xml`,
    alternate: `${lang}/enterprises/${id}/`,
    title: pick(entity.name, lang),
  });
  return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
}
