import type { EntityCatalogue } from '../archive-index.ts';
import type { Document } from '../../schema/index.ts';
import { formatDate } from '../format-date.ts';
import { useTranslations } from '../../i18n/index.ts';
import { simplifyCharacters, toSimplified } from '../script-convert.ts';
import { listBlockTexts } from '../search-records.ts';
import { pagePath } from '../urls.ts';
import type { ChineseFragment } from './format.ts';
import { TokenCounts } from './tokens.ts';

/** How much a token counts for, by where in the document it occurs. */
export const FIELD_WEIGHTS = { title: 5, about: 2, body: 1 };

/** One document as the Chinese index holds it. */
export interface ChineseEntry {
  fragment: ChineseFragment;
  /** Token → weighted count. */
  counts: TokenCounts;
  /** Characters and Latin words read (what ranking weighs counts against). */
  length: number;
}

/** Joins pieces of Chinese text: Chinese runs on, Latin words keep a space between them. */
export function joinText(pieces: readonly string[]): string {
  let text = '';
  for (const piece of pieces) {
    if (!piece) continue;
    text += /[0-9A-Za-z]$/.test(text) && /^[0-9A-Za-z]/.test(piece) ? ` ${piece}` : piece;
  }
  return text;
}

/**
 * A document's entry in the Chinese index, every text in simplified (queries are converted to
 * simplified too): its title and subtitle weigh most, then the summary, meeting, speaker's role
 * and the names and aliases of the entities it concerns, then each paragraph of the body.
 */
export function buildChineseEntry(doc: Document, body: string, catalogue: EntityCatalogue): ChineseEntry {
  const t = useTranslations('zh');
  const enterprises = doc.enterprises.flatMap((id) => catalogue.enterprises.get(id) ?? []);
  const directives = doc.directives.flatMap((id) => catalogue.directives.get(id) ?? []);
  const speaker = doc.speaker ? catalogue.people.get(doc.speaker) : undefined;
  const people = doc.people.flatMap((id) => catalogue.people.get(id) ?? []);
  const named = [...enterprises, ...directives, ...people, ...(speaker ? [speaker] : [])];
  const keywords = [...new Set(named.flatMap((entity) => [entity.name.zh, ...entity.aliases]))];

  // Traditional texts through OpenCC, then every text through the character map that queries
  // go through too (`simplifyCharacters`), so that index and query agree character for character.
  const traditional = doc.script === 'zh-Hant';
  const simplify = (text: string | undefined) => {
    const clean = text ? text.replace(/\s+/g, ' ').trim() : '';
    return simplifyCharacters(traditional ? toSimplified(clean) : clean);
  };
  const title = [doc.title.zh, doc.subtitle?.zh].map(simplify);
  const about = [doc.summary.zh, doc.meeting?.zh, doc.speaker_role?.zh, ...keywords].map(simplify);
  const blocks = listBlockTexts(body).map(simplify);

  const counts = new TokenCounts();
  let length = 0;
  for (const text of title) length += counts.add(text, FIELD_WEIGHTS.title);
  for (const text of about) length += counts.add(text, FIELD_WEIGHTS.about);
  let text = joinText([...title, ...about]);
  const paras: number[] = [];
  for (const block of blocks) {
    length += counts.add(block, FIELD_WEIGHTS.body);
    text = joinText([text, block]);
    paras.push(text.length - block.length);
  }
  return {
    fragment: {
      url: pagePath('zh', 'documents', doc.id),
      title: doc.title.zh,
      date: formatDate({ date: doc.date, precision: doc.date_precision, basis: doc.date_basis }, 'zh'),
      type: t(`type.${doc.type}`),
      enterprises: enterprises.map((entity) => entity.name.zh),
      paras,
      text,
    },
    counts,
    length,
  };
}
