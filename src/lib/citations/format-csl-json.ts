import type { DocumentType } from '../../schema/document.ts';
import type { CitationInput } from './citation-input.ts';
import { genreLabel } from './genre-label.ts';
import { listNotes } from './list-notes.ts';
import { splitChineseName } from './split-chinese-name.ts';

/** A CSL-JSON name: family and given for a person, `literal` for an office or organisation. */
export type CslName = { family: string; given: string } | { literal: string };

/** A CSL-JSON date: only the known parts (`[[2005]]`), `circa` for a year inferred from the content. */
export interface CslDate {
  'date-parts': [number[]];
  circa?: boolean;
}

/** The CSL-JSON (CSL 1.0.2 `csl-data.json`) item this archive produces. */
export interface CslItem {
  id: string;
  type: 'speech' | 'article-newspaper' | 'report' | 'document' | 'legislation';
  title: string;
  author?: CslName[];
  issued: CslDate;
  'available-date'?: CslDate;
  accessed?: CslDate;
  genre?: string;
  'event-title'?: string;
  'event-place'?: string;
  'publisher-place'?: string;
  publisher?: string;
  'container-title'?: string;
  URL: string;
  source: string;
  language: 'zh-Hans' | 'zh-Hant';
  keyword?: string;
  note: string;
}

const TYPES: Record<DocumentType, CslItem['type']> = {
  speech: 'speech',
  exchange: 'speech',
  report: 'report',
  news: 'article-newspaper',
  notice: 'document',
  law: 'legislation',
  other: 'document',
};

/**
 * A CSL-JSON item for a document, for Zotero and other reference managers.
 *
 * `title` is the original Chinese title, because that is what the item is called and what
 * `language` describes; CSL 1.0.2 has no field for a translated title (`original-title` means the
 * title of the original of a translation, the wrong way round here), so the English title goes
 * into `note` as `Translated title: …`, which Zotero keeps in Extra. A named speaker is
 * `{ family: '盛', given: '俊泰' }` (CSL names hold one script; the pinyin is in `note`).
 */
export function formatCslJson(input: CitationInput): CslItem {
  const isNews = input.type === 'news';
  const author = input.author;
  // The place is where the meeting was, when there was one, else where the text was issued.
  const placeField = input.meeting ? 'event-place' : 'publisher-place';
  return {
    id: input.id,
    type: TYPES[input.type],
    title: input.title.zh,
    ...(author && {
      author: [
        author.kind === 'person'
          ? toPersonName(author.name.zh)
          : { literal: author.kind === 'role' ? author.role.zh : author.name.zh },
      ],
    }),
    issued: {
      ...toDate(input.date.value),
      ...(input.date.basis === 'inferred' && input.date.precision === 'year' && { circa: true }),
    },
    ...(input.posted && { 'available-date': toDate(input.posted.value) }),
    ...(input.accessed && { accessed: toDate(input.accessed) }),
    ...(genreLabel(input.type) && { genre: genreLabel(input.type) }),
    ...(input.meeting && { 'event-title': input.meeting.zh }),
    ...(input.place && { [placeField]: input.place.zh }),
    ...(input.publisher && (isNews ? { 'container-title': input.publisher.zh } : { publisher: input.publisher.zh })),
    URL: input.permalink.zh,
    source: input.archive.zh,
    language: input.script,
    ...(input.keywords.length > 0 && { keyword: input.keywords.join(', ') }),
    note: listNotes(input).join('\n'),
  };
}

function toDate(date: string): CslDate {
  return { 'date-parts': [date.split('-').map(Number)] };
}

function toPersonName(name: string): CslName {
  const [family, given] = splitChineseName(name);
  return family && given ? { family, given } : { literal: name };
}
