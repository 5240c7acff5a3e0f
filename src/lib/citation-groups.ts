import type { Citation } from './archive-index.ts';
import type { MentionContext } from './keyword-in-context.ts';

/** How many quoted mentions an entity page shows per document; the rest are a link away. */
export const CONTEXTS_SHOWN = 3;

/** Up to this many citing documents, an entity page lists them in one run, undivided. */
export const UNGROUPED_MAX = 10;

/** One citing document as an entity page lists it. */
export interface ListedCitation {
  document: Citation['document'];
  /** The first mentions, at most `CONTEXTS_SHOWN`. */
  shown: MentionContext[];
  /** How many more mentions the document has, and the paragraph of the first of them. */
  more?: { count: number; paragraph?: number };
}

/** A run of citing documents from one decade or year (or all of them, `period` undefined). */
export interface CitationGroup {
  /** `decade` 1990 for 1990–1999, `year` 1997; undefined when the list is not divided. */
  period?: { kind: 'decade' | 'year'; start: number };
  citations: ListedCitation[];
}

const yearOf = (citation: Citation): number => Number(citation.document.date.slice(0, 4));

/**
 * Divides an entity's citing documents (newest first, as the archive index keeps them) for its
 * page: a short list stays one run; a longer one is divided by decade when it spans more than
 * ten years, else by year; each document shows its first few mentions and counts the rest.
 */
export function groupCitations(citations: readonly Citation[], shown = CONTEXTS_SHOWN): CitationGroup[] {
  const listed = (citation: Citation): ListedCitation => {
    const item: ListedCitation = { document: citation.document, shown: citation.contexts.slice(0, shown) };
    const rest = citation.contexts.length - shown;
    if (rest > 0) item.more = { count: rest, paragraph: citation.contexts[shown]!.paragraph };
    return item;
  };
  if (citations.length <= UNGROUPED_MAX) return citations.length ? [{ citations: citations.map(listed) }] : [];
  const years = citations.map(yearOf);
  const kind = Math.max(...years) - Math.min(...years) >= 10 ? 'decade' : 'year';
  const groups: CitationGroup[] = [];
  citations.forEach((citation, i) => {
    const start = kind === 'decade' ? Math.floor(years[i]! / 10) * 10 : years[i]!;
    const last = groups.at(-1);
    if (last?.period?.start === start) last.citations.push(listed(citation));
    else groups.push({ period: { kind, start }, citations: [listed(citation)] });
  });
  return groups;
}
