import type { DocumentType } from '../../schema/document.ts';
import type { CitationInput } from './citation-input.ts';
import { genreLabel } from './genre-label.ts';
import { joinBilingual } from './join-bilingual.ts';
import { listNotes } from './list-notes.ts';
import { splitChineseName } from './split-chinese-name.ts';

const TYPES: Record<DocumentType, string> = {
  speech: 'GEN',
  exchange: 'GEN',
  report: 'RPRT',
  news: 'NEWS',
  notice: 'GEN',
  law: 'STAT',
  other: 'GEN',
};

/**
 * An RIS record for a document, lines ending in CRLF as the format requires. `TI` is the original
 * title and `TT` its translation; `AU` is `盛, 俊泰` for a named speaker (family, given), else the
 * speaker's office or the publisher as one name; speeches are `GEN` with `M3  - Speech`, news
 * `NEWS` with the newspaper in `T2`, reports `RPRT`. `DA` keeps unknown parts empty (`2005///`).
 */
export function formatRis(input: CitationInput): string {
  const type = TYPES[input.type];
  const isNews = input.type === 'news';
  const lines: [string, string | undefined][] = [
    ['TY', type],
    ['TI', input.title.zh],
    ['TT', input.title.en],
    ['AU', input.author && formatAuthor(input.author)],
    ['PY', input.date.value.slice(0, 4)],
    ['DA', formatDate(input.date.value)],
    ['M3', type === 'GEN' ? genreLabel(input.type) : undefined],
    ['T2', isNews ? input.publisher?.zh : undefined],
    ['PB', isNews ? undefined : input.publisher?.zh],
    ['CY', input.place?.zh],
    ['LA', input.script],
    ['DP', input.archive.zh],
    ['UR', input.permalink.zh],
    ['Y2', input.accessed && formatDate(input.accessed)],
    ...input.keywords.map((keyword): [string, string] => ['KW', keyword]),
    ...(input.meeting ? [['N1', `Meeting: ${joinBilingual(input.meeting)}`] as [string, string]] : []),
    ...listNotes(input).map((note): [string, string] => ['N1', note]),
  ];
  const record = lines.flatMap(([tag, value]) => {
    const text = value?.replace(/\s+/g, ' ').trim();
    return text ? [`${tag}  - ${text}`] : [];
  });
  return [...record, 'ER  - ', ''].join('\r\n');
}

/** RIS dates are `YYYY/MM/DD/other`, with unknown parts left empty. */
function formatDate(date: string): string {
  const [year, month = '', day = ''] = date.split('-');
  return `${year}/${month}/${day}/`;
}

function formatAuthor(author: NonNullable<CitationInput['author']>): string {
  if (author.kind === 'role') return author.role.zh;
  if (author.kind === 'organisation') return author.name.zh;
  return splitChineseName(author.name.zh).join(', ');
}
