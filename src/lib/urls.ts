import type { Lang } from './lang.ts';

/** Joins the site's base path and a path inside the site, with one slash between and a trailing slash. */
export function withBase(base: string, path: string): string {
  const joined = `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  return joined.endsWith('/') || /\.[a-z0-9]+$/i.test(joined) ? joined : `${joined}/`;
}

/** The kinds of page that exist once per language. */
export type PageKind = 'documents' | 'enterprises' | 'directives' | 'people';

/** The path of a page inside the site, without the base: `/en/documents/<id>/`. */
export function pagePath(lang: Lang, kind?: PageKind, id?: string): string {
  return `/${[lang, kind, id].filter(Boolean).join('/')}/`;
}

/**
 * The same page in another language: `pathname` is the page's URL path, `base` the site's base
 * path; paths differ only in the language segment after the base.
 */
export function switchLanguage(pathname: string, base: string, to: Lang): string {
  const prefix = base.replace(/\/+$/, '');
  const inside = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname;
  return withBase(base, inside.replace(/^\/(zh|en)(?=\/|$)/, `/${to}`));
}
