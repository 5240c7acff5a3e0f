import type { APIContext } from 'astro';
import { loadArchive, renderFeed, selectEntityPages } from '../../../../data/archive.ts';
import { LANGUAGES, type Lang } from '../../../../i18n/index.ts';

export async function getStaticPaths() {
  const archive = await loadArchive();
  const entities = await selectEntityPages('enterprises', archive.enterprises.values());
  return LANGUAGES.flatMap((lang) => entities.map(({ id }) => ({ params: { lang, id } })));
}

/** `/<lang>/enterprises/<id>/feed.xml`: the documents citing one entry, newest first. */
export function GET({ params, site }: APIContext): Promise<Response> {
  return renderFeed(params.lang as Lang, site!, { kind: 'enterprises', id: params.id! });
}
