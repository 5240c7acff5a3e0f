import type { IndexedDocument } from './archive-index.ts';
import { renderAtomFeed, type FeedEntry } from './atom-feed.ts';
import { pick } from './bilingual.ts';
import type { CoreLabels, Lang } from './lang.ts';
import type { FileHistory } from './git-history.ts';
import { pagePath } from './urls.ts';

/** How many documents a feed lists. */
export const FEED_SIZE = 50;

/**
 * A partial date as an RFC 3339 date-time: the start of that day in China Standard Time, where
 * the texts were published (missing parts as the first: `2005` is 2005-01-01).
 */
export function toDateTime(date: string): string {
  const [year, month = '01', day = '01'] = date.split('-');
  return `${year}-${month}-${day}T00:00:00+08:00`;
}

/**
 * An Atom feed of documents in one language: newest additions first when Git history is
 * available (a feed is about what is new in the archive), by document date otherwise. Each
 * entry's `published` is when its source put the text out (its publication date, else the day
 * it was uploaded, else the text's own date), which feed readers show, and `updated` when the
 * archive last changed its file (Git): texts added in one commit share that instant, but no two
 * texts of different days share a `published`.
 */
export function renderDocumentFeed(options: {
  lang: Lang;
  documents: readonly IndexedDocument[];
  history: ReadonlyMap<string, FileHistory>;
  /** Absolute URL of the site's root, base path included, ending with a slash. */
  root: string;
  /** Path of the feed and of its page inside the site, e.g. `en/feed.xml`, `en/`. */
  self: string;
  alternate: string;
  title: string;
  /** The words for document types and the site's title in `lang`. */
  t: CoreLabels;
}): string {
  const { lang, root, t } = options;
  const absolute = (path: string) => new URL(path.replace(/^\//, ''), root).href;
  const dated = options.documents.map((doc) => {
    const history = options.history.get(`documents/${doc.id}.md`);
    const own = toDateTime(doc.published ?? doc.uploaded ?? doc.date);
    return { doc, own, added: history?.added ?? own, updated: history?.updated ?? own };
  });
  dated.sort(
    (a, b) =>
      b.added.localeCompare(a.added) || b.doc.date.localeCompare(a.doc.date) || a.doc.id.localeCompare(b.doc.id),
  );
  const entries: FeedEntry[] = dated.slice(0, FEED_SIZE).map(({ doc, own, updated }) => ({
    id: absolute(pagePath('en', 'documents', doc.id)),
    title: pick(doc.title, lang),
    link: absolute(pagePath(lang, 'documents', doc.id)),
    // Atom wants `updated` no earlier than `published`.
    updated: Date.parse(updated) < Date.parse(own) ? own : updated,
    published: own,
    summary: pick(doc.summary, lang),
    lang: lang === 'en' && doc.title.en ? 'en' : doc.script,
    categories: [t(`type.${doc.type}`)],
  }));
  const updated = entries.reduce(
    (latest, entry) => (entry.updated > latest ? entry.updated : latest),
    '1970-01-01T00:00:00Z',
  );
  return renderAtomFeed({
    id: absolute(options.self),
    title: `${options.title} · ${t('site.title')}`,
    self: absolute(options.self),
    alternate: absolute(options.alternate),
    lang: lang === 'en' ? 'en' : 'zh-Hans',
    updated,
    author: t('site.title'),
    entries,
  });
}
