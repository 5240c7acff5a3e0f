import type { EntityCatalogue } from '../archive-index.ts';
import type { Document } from '../../schema/index.ts';
import { pick } from '../bilingual.ts';
import { formatDate } from '../format-date.ts';
import type { CoreLabels, Lang } from '../lang.ts';
import { simplifyCharacters, toSimplified } from '../script-convert.ts';
import { listBlockTexts } from '../search-records.ts';
import { UNTRANSLATED_MARKER } from '../translation-blocks.ts';
import { pagePath } from '../urls.ts';
import type { SearchFragment } from './format.ts';
import { readTokens, type TokenSink } from './tokens.ts';

/** How much a token counts for, by where in the document it occurs. */
export const FIELD_WEIGHTS = { title: 5, about: 2, body: 1 };

/** One document as an index holds it (its tokens went to a sink). */
export interface SearchEntry {
  fragment: SearchFragment;
  /** Characters and Latin words read (what ranking weighs counts against). */
  length: number;
}

/**
 * Joins pieces of text: Chinese runs on, Latin words keep a space between them; in English
 * (`spaced`), pieces are always separated by a space.
 */
export function joinText(pieces: readonly string[], spaced = false): string {
  let text = '';
  for (const piece of pieces) {
    if (!piece) continue;
    const space = text !== '' && (spaced || (/[0-9A-Za-z]$/.test(text) && /^[0-9A-Za-z]/.test(piece)));
    text += space ? ` ${piece}` : piece;
  }
  return text;
}

/** A document's texts for one index, each already in the form the index reads. */
interface EntryTexts {
  title: string[];
  about: string[];
  blocks: string[];
}

/**
 * Reads a document's texts into `sink` (title and subtitle weighing most, then the summary,
 * meeting, speaker's role and the names of the entities it concerns, then each paragraph) and
 * makes its fragment: the texts joined, with where each paragraph starts.
 */
function buildEntry(
  doc: Document,
  lang: Lang,
  texts: EntryTexts,
  catalogue: EntityCatalogue,
  sink: TokenSink,
  t: CoreLabels,
): SearchEntry {
  const spaced = lang === 'en';
  let length = 0;
  for (const text of texts.title) length += readTokens(text, FIELD_WEIGHTS.title, sink);
  for (const text of texts.about) length += readTokens(text, FIELD_WEIGHTS.about, sink);
  let text = joinText([...texts.title, ...texts.about], spaced);
  const paras: number[] = [];
  for (const block of texts.blocks) {
    // An empty block (one a partial translation leaves out) keeps its ¶ number and holds nothing.
    if (!block) {
      paras.push(text.length);
      continue;
    }
    length += readTokens(block, FIELD_WEIGHTS.body, sink);
    text = joinText([text, block], spaced);
    paras.push(text.length - block.length);
  }
  const enterprises = doc.enterprises.flatMap((id) => catalogue.enterprises.get(id) ?? []);
  return {
    fragment: {
      url: pagePath(lang, 'documents', doc.id),
      title: pick(doc.title, lang),
      ...(lang === 'en' ? { original: doc.title.zh } : {}),
      date: formatDate({ date: doc.date, precision: doc.date_precision, basis: doc.date_basis }, lang),
      type: t(`type.${doc.type}`),
      enterprises: enterprises.map((entity) => pick(entity.name, lang)),
      paras,
      text,
    },
    length,
  };
}

/** The entities a document names: enterprises, directives, people and its speaker. */
function namedEntities(doc: Document, catalogue: EntityCatalogue) {
  const speaker = doc.speaker ? catalogue.people.get(doc.speaker) : undefined;
  return [
    ...doc.enterprises.flatMap((id) => catalogue.enterprises.get(id) ?? []),
    ...doc.directives.flatMap((id) => catalogue.directives.get(id) ?? []),
    ...doc.people.flatMap((id) => catalogue.people.get(id) ?? []),
    ...(speaker ? [speaker] : []),
  ];
}

const clean = (text: string | undefined) => (text ? text.replace(/\s+/g, ' ').trim() : '');

/**
 * A document's entry in the Chinese index, every text in simplified (queries are converted to
 * simplified too), the entities' Chinese names and aliases among what it is about, and the body
 * paragraph by paragraph.
 */
export function buildChineseEntry(
  doc: Document,
  body: string,
  catalogue: EntityCatalogue,
  sink: TokenSink,
  t: CoreLabels,
): SearchEntry {
  // Traditional texts through OpenCC, then every text through the character map that queries
  // go through too (`simplifyCharacters`), so that index and query agree character for character.
  const traditional = doc.script === 'zh-Hant';
  const simplify = (text: string | undefined) =>
    simplifyCharacters(traditional ? toSimplified(clean(text)) : clean(text));
  const keywords = [...new Set(namedEntities(doc, catalogue).flatMap((entity) => [entity.name.zh, ...entity.aliases]))];
  const texts = {
    title: [doc.title.zh, doc.subtitle?.zh].map(simplify),
    about: [doc.summary.zh, doc.meeting?.zh, doc.speaker_role?.zh, ...keywords].map(simplify),
    blocks: listBlockTexts(body).map(simplify),
  };
  return buildEntry(doc, 'zh', texts, catalogue, sink, t);
}

/**
 * A document's entry in the English index: its English title, summary and other fields, the
 * entities' English names and its translation, if any; not the Chinese a second time.
 */
export function buildEnglishEntry(
  doc: Document,
  translation: string | undefined,
  catalogue: EntityCatalogue,
  sink: TokenSink,
  t: CoreLabels,
): SearchEntry {
  const names = [...new Set(namedEntities(doc, catalogue).map((entity) => entity.name.en))];
  const texts = {
    title: [doc.title.en, doc.subtitle?.en].map(clean),
    about: [doc.summary.en, doc.meeting?.en, doc.speaker_role?.en, ...names].map(clean),
    // A partial translation's `[untranslated]` blocks are not English to find.
    blocks:
      translation === undefined
        ? []
        : listBlockTexts(translation).map((block) => (block === UNTRANSLATED_MARKER ? '' : clean(block))),
  };
  return buildEntry(doc, 'en', texts, catalogue, sink, t);
}
