// What an entity page that shows the entity's use over time is made from, as one digest, so that
// an incremental build renders it again only when that changes. Such a page (a directive's)
// shows, besides the entity's own metadata, the documents that list it or whose text names it
// (titles, dates, quoted sentences, paragraphs, counts), and for every year the characters of
// all that year's texts (its table's units, and the rate per 10,000 characters). So its digest
// is over those documents with their fingerprints (their text, translation and Git dates) and
// every year's characters, exactly as shown. Metadata is not in it: a change of any frontmatter
// or entity makes a full build, which renders every page.
import type { ArchiveIndex, EntityKey } from './archive-index.ts';
import { digest } from './digest.ts';

/** The characters of the archive's texts in each year, oldest year first, as `year:characters` lines. */
export function describeYearCharacters(documents: ArchiveIndex['documents']): string {
  const years = new Map<string, number>();
  for (const doc of documents) {
    const year = doc.date.slice(0, 4);
    years.set(year, (years.get(year) ?? 0) + doc.characters);
  }
  return [...years]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([year, characters]) => `${year}:${characters}`)
    .join('\n');
}

/**
 * For each of `keys`, the digest of what its usage page shows: the ids and `fingerprints` of
 * the documents that list it (`archive.citations`) or name it (`doc.mentions`), and every
 * year's characters. A document without a fingerprint counts as changed each time (its id
 * with an empty print makes no stable promise, so the caller renders such pages: see
 * `selectPagesByDigest`).
 */
export function digestUsagePages(
  archive: Pick<ArchiveIndex, 'documents' | 'citations'>,
  keys: readonly EntityKey[],
  fingerprints: Readonly<Record<string, string>>,
): Map<EntityKey, string | undefined> {
  const wanted = new Set(keys);
  const shown = new Map<EntityKey, Set<string>>(keys.map((key) => [key, new Set()]));
  for (const doc of archive.documents) {
    for (const [key, count] of Object.entries(doc.mentions) as [EntityKey, number | undefined][]) {
      if (count && wanted.has(key)) shown.get(key)!.add(doc.id);
    }
  }
  for (const key of keys)
    for (const citation of archive.citations.get(key) ?? []) shown.get(key)!.add(citation.document.id);
  const years = describeYearCharacters(archive.documents);
  const digests = new Map<EntityKey, string | undefined>();
  for (const key of keys) {
    const ids = [...shown.get(key)!].sort();
    // Unknown documents: no digest, so the page is rendered.
    if (ids.some((id) => fingerprints[id] === undefined)) {
      digests.set(key, undefined);
      continue;
    }
    digests.set(key, digest(['usage page 1', key, years, ...ids.flatMap((id) => [id, fingerprints[id]!])]));
  }
  return digests;
}
