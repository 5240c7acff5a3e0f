import { toString } from 'mdast-util-to-string';
import type { EntityCatalogue } from './archive-index.ts';
import type { CoreLabels, Lang } from './lang.ts';
import type { Document } from '../schema/index.ts';
import { pick } from './bilingual.ts';
import { NATIONAL } from './document-facets.ts';
import { parseMarkdown } from './markdown-blocks.ts';
import { toSimplified } from './script-convert.ts';

/** The plain text of each top-level block of a Markdown body (the ¶ numbering of the site). */
export function listBlockTexts(markdown: string): string[] {
  return parseMarkdown(markdown).children.map((node) => toString(node).trim());
}

/**
 * A document's values of the search page's filters in one language (empty filters left out);
 * `t` names types and scripts in that language.
 */
export function searchFilters(
  doc: Document,
  lang: Lang,
  catalogue: EntityCatalogue,
  t: CoreLabels,
): Record<string, string[]> {
  const name = (entity: { name: { zh: string; en: string } }) => pick(entity.name, lang);
  const speaker = doc.speaker ? catalogue.people.get(doc.speaker) : undefined;
  const filters: Record<string, string[]> = {
    type: [t(`type.${doc.type}`)],
    year: [doc.date.split('-')[0] ?? ''],
    enterprise: doc.enterprises.flatMap((id) => catalogue.enterprises.get(id) ?? []).map(name),
    directive: doc.directives.flatMap((id) => catalogue.directives.get(id) ?? []).map(name),
    speaker: speaker ? [name(speaker)] : [],
    // A traditional document's Chinese metadata is in traditional: one facet value per place.
    region: doc.region
      ? [lang === 'zh' ? toSimplified(doc.region.province.zh) : doc.region.province.en]
      : doc.national
        ? [NATIONAL[lang]]
        : [],
    script: [t(`script.${doc.script}`)],
  };
  return Object.fromEntries(Object.entries(filters).filter(([, values]) => values.length > 0));
}

/**
 * How many documents have each value of each filter: what the search page shows before a
 * search, computed at build time so that the page need not load every filter file of the
 * index for it (about 185 KB at 10,000 documents).
 */
export function countSearchFacets(
  documents: readonly Document[],
  lang: Lang,
  catalogue: EntityCatalogue,
  t: CoreLabels,
): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const doc of documents) {
    for (const [filter, values] of Object.entries(searchFilters(doc, lang, catalogue, t))) {
      const own = (counts[filter] ??= {});
      for (const value of new Set(values)) own[value] = (own[value] ?? 0) + 1;
    }
  }
  return counts;
}
