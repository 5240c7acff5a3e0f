import { escapeXmlText as x } from './xml.ts';

/** One entry of a feed: a document. */
export interface FeedEntry {
  /** A permanent id: the document's absolute URL. */
  id: string;
  title: string;
  /** The page to link to. */
  link: string;
  /** RFC 3339 date-time: when the entry last changed. */
  updated: string;
  /** RFC 3339 date-time: when it was first published in the archive. */
  published?: string;
  summary: string;
  /** The `xml:lang` of title and summary. */
  lang: string;
  categories: string[];
}

/** An Atom feed (RFC 4287). */
export interface Feed {
  id: string;
  title: string;
  subtitle?: string;
  /** The feed's own address. */
  self: string;
  /** The page the feed belongs to. */
  alternate: string;
  lang: string;
  updated: string;
  author: string;
  entries: FeedEntry[];
}

/** Renders an Atom feed; every text and attribute is escaped. */
export function renderAtomFeed(feed: Feed): string {
  const entries = feed.entries.map(
    (entry) => `  <entry xml:lang="${x(entry.lang)}">
    <id>${x(entry.id)}</id>
    <title>${x(entry.title)}</title>
    <link rel="alternate" type="text/html" href="${x(entry.link)}"/>
    <updated>${x(entry.updated)}</updated>${entry.published ? `\n    <published>${x(entry.published)}</published>` : ''}
    <summary>${x(entry.summary)}</summary>${entry.categories.map((term) => `\n    <category term="${x(term)}"/>`).join('')}
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(feed.lang)}">
  <id>${x(feed.id)}</id>
  <title>${x(feed.title)}</title>${feed.subtitle ? `\n  <subtitle>${x(feed.subtitle)}</subtitle>` : ''}
  <link rel="self" type="application/atom+xml" href="${x(feed.self)}"/>
  <link rel="alternate" type="text/html" href="${x(feed.alternate)}"/>
  <updated>${x(feed.updated)}</updated>
  <author><name>${x(feed.author)}</name></author>
${entries.join('\n')}
</feed>
`;
}
