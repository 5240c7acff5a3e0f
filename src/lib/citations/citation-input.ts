import type { Bilingual } from '../../schema/common.ts';
import type { Document, DocumentType } from '../../schema/document.ts';
import type { Person } from '../../schema/entities.ts';
import { stripGloss } from './strip-gloss.ts';

/** Who a citation names as author. */
export type CitationAuthor =
  /** A named speaker: `zh` in characters, `en` in pinyin, family name first (盛俊泰 / Sheng Juntai). */
  | { kind: 'person'; name: Bilingual }
  /** An unnamed speaker known only by office (樂清市二輕總公司負責人). */
  | { kind: 'role'; role: Bilingual }
  /** The organisation that published the text, standing in as corporate author. */
  | { kind: 'organisation'; name: Bilingual };

/**
 * Everything a citation formatter needs, as plain data: the formatters read nothing else, so they
 * stay pure and can be tested on hand-made inputs.
 */
export interface CitationInput {
  /** The document id: BibTeX key, CSL id and last segment of the permalink. */
  id: string;
  type: DocumentType;
  /** The title in the script of the source, and its English translation (empty in drafts). */
  title: Bilingual;
  script: 'zh-Hans' | 'zh-Hant';
  /** The date of the speech or meeting, with how much of it is known and how it was reached. */
  date: { value: string; precision: 'day' | 'month' | 'year'; basis: 'stated' | 'inferred' };
  /** When the source put the text out: its publication date, else the date it was uploaded. */
  posted?: { value: string; kind: 'published' | 'uploaded' };
  /** The speaker, else the unnamed speaker's office, else (not for news) the publisher. */
  author?: CitationAuthor;
  /** Who published the source: an organisation, or for news the newspaper. */
  publisher?: Bilingual;
  /** The meeting at which the text was delivered, without editorial glosses. */
  meeting?: Bilingual;
  /** Where the text belongs: 山东省济南市 / Jinan, Shandong; `inferred` when the text does not say. */
  place?: { zh: string; en: string; inferred: boolean };
  /** The site the archive took the text from, its address, and the day it was retrieved. */
  source: { site: Bilingual; url?: string; retrieved?: string };
  /** The archive's own name: 国企改革文献库 / SOE Reform Archive. */
  archive: Bilingual;
  /** Absolute URLs of the document's page in each language. */
  permalink: { zh: string; en: string };
  /** The day the reader consulted the permalink, YYYY-MM-DD, when the page knows it. */
  accessed?: string;
  /** Subject keywords, e.g. the names of the directives the text cites. */
  keywords: string[];
}

/** What the page knows that the document's frontmatter does not. */
export interface CitationContext {
  /** The archive's name in both languages. */
  archive: Bilingual;
  /** Absolute URLs of the document's page in each language. */
  permalink: { zh: string; en: string };
  /** The person `doc.speaker` names, looked up in content/people. */
  speaker?: Person;
  /** The day the reader consulted the page, YYYY-MM-DD; leave it out in static HTML. */
  accessed?: string;
  /** Subject keywords for RIS, BibTeX and CSL-JSON. */
  keywords?: string[];
}

/**
 * Gathers the facts a citation needs from a document and its context. Editorial glosses in
 * `speaker_role`, `meeting` and `source.site` ("(the text does not name the speaker)") are cut,
 * since a citation wants the name, not the explanation.
 */
export function buildCitationInput(doc: Document, context: CitationContext): CitationInput {
  if (context.speaker && context.speaker.id !== doc.speaker) {
    throw new Error(
      `citation for ${doc.id}: context.speaker is "${context.speaker.id}" but the document's speaker is ` +
        `${doc.speaker ? `"${doc.speaker}"` : 'not set'}; pass the person doc.speaker names`,
    );
  }
  const region = doc.region;
  const postedValue = doc.published ?? doc.uploaded;
  return {
    id: doc.id,
    type: doc.type,
    title: doc.title,
    script: doc.script,
    date: { value: doc.date, precision: doc.date_precision, basis: doc.date_basis },
    posted: postedValue ? { value: postedValue, kind: doc.published ? 'published' : 'uploaded' } : undefined,
    author: chooseAuthor(doc, context.speaker),
    publisher: doc.source.publisher,
    meeting: doc.meeting && glossless(doc.meeting),
    place: region && {
      zh: [region.province, region.city, region.district].map((part) => part?.zh ?? '').join(''),
      en: [region.district, region.city, region.province]
        .flatMap((part) => (part ? [part.en || part.zh] : []))
        .join(', '),
      inferred: region.basis === 'inferred',
    },
    source: { site: glossless(doc.source.site), url: doc.source.url, retrieved: doc.source.retrieved },
    archive: context.archive,
    permalink: context.permalink,
    accessed: context.accessed,
    keywords: context.keywords ?? [],
  };
}

function chooseAuthor(doc: Document, speaker: Person | undefined): CitationAuthor | undefined {
  if (speaker) return { kind: 'person', name: speaker.name };
  if (doc.speaker_role) return { kind: 'role', role: glossless(doc.speaker_role) };
  // A newspaper is the container of a news item, not its author; formats that want it as author
  // (Chicago for unsigned news) say so themselves.
  if (doc.source.publisher && doc.type !== 'news') return { kind: 'organisation', name: doc.source.publisher };
  return undefined;
}

function glossless(text: Bilingual): Bilingual {
  return { zh: stripGloss(text.zh), en: stripGloss(text.en) };
}
