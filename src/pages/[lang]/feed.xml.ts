import type { APIContext } from 'astro';
import { loadArchive, loadGitHistory } from '../../data/archive.ts';
import { LANGUAGES, useTranslations, type Lang } from '../../i18n/index.ts';
import { renderDocumentFeed } from '../../lib/document-feed.ts';
import { withBase } from '../../lib/urls.ts';

export function getStaticPaths() {
  return LANGUAGES.map((lang) => ({ params: { lang } }));
}

/** `/<lang>/feed.xml`: the newest documents of the archive. */
export async function GET({ params, site }: APIContext): Promise<Response> {
  const lang = params.lang as Lang;
  const archive = await loadArchive();
  const body = renderDocumentFeed({
    lang,
    documents: archive.documents,
    history: loadGitHistory(),
    root: new URL(withBase(import.meta.env.BASE_URL, '/'), site).href,
    self: `${lang}/feed.xml`,
    alternate: `${lang}/`,
    title: useTranslations(lang)('home.newest'),
  });
  return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
}
