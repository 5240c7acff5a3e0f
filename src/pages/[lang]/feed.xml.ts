import type { APIContext } from 'astro';
import { renderFeed } from '../../data/archive.ts';
import { LANGUAGES, type Lang } from '../../i18n/index.ts';

export function getStaticPaths() {
  return LANGUAGES.map((lang) => ({ params: { lang } }));
}

/** `/<lang>/feed.xml`: the newest documents of the archive. */
export function GET({ params, site }: APIContext): Promise<Response> {
  return renderFeed(params.lang as Lang, site!);
}
