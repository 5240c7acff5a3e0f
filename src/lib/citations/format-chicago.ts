import { formatDate } from '../format-date.ts';
import { escapeXml } from '../svg/escape-xml.ts';
import type { CitationInput } from './citation-input.ts';
import { genreLabel } from './genre-label.ts';

/** A run of citation text: Chinese runs carry their `lang`, a newspaper's name is italic. */
interface Run {
  text: string;
  lang?: string;
  italic?: boolean;
  link?: boolean;
}

/**
 * A Chicago (17th ed.) author-date reference-list entry in English, as plain text:
 *
 * `Sheng Juntai 盛俊泰. [2014]. "在控股集团…讲话" [Speech at …]. Speech, … meeting, [Jinan,
 * Shandong], [14 April 2014]. SOE Reform Archive. https://….`
 *
 * The rules of the Chicago Manual for works in Chinese, unpublished speeches and newspapers:
 * Chinese names keep their order, pinyin then characters; the original title is quoted, as the
 * title of a speech, an article or a web page is, with its translation in brackets after it. Facts
 * the archive supplied rather than read in the text (an inferred date or place) are bracketed, and
 * a year reached only by inference gets a question mark: `[2005?]`. An unnamed speaker's office
 * stands as a bracketed, supplied author; an unsigned news item is listed under its newspaper, or
 * under its title when the paper is unknown. The translated title keeps the archive's headline
 * capitalisation, since sentence-casing it by rule would lowercase proper names. Dates are written
 * day month year, an order Chicago allows and the archive uses everywhere. No access date is
 * needed, but one is given when the page knows it.
 */
export function formatChicago(input: CitationInput): string {
  return buildRuns(input)
    .map((run) => run.text)
    .join('');
}

/**
 * The same entry as `formatChicago` in HTML: text escaped, Chinese runs in `<span lang>`, a
 * newspaper's name in `<i>`, the URL a link. Titles are quoted, not italic, as Chicago sets the
 * titles of speeches, articles and web pages.
 */
export function formatChicagoHtml(input: CitationInput): string {
  return buildRuns(input)
    .map((run) => {
      let html = escapeXml(run.text);
      if (run.link) html = `<a href="${html}">${html}</a>`;
      if (run.lang) html = `<span lang="${run.lang}">${html}</span>`;
      return run.italic ? `<i>${html}</i>` : html;
    })
    .join('');
}

function buildRuns(input: CitationInput): Run[] {
  const zh = input.script;
  const news = input.type === 'news' ? input.publisher : undefined;
  const author = input.author;
  const authorRuns: Run[] | undefined =
    author?.kind === 'role'
      ? [{ text: `[${author.role.en || author.role.zh}]` }]
      : author
        ? bilingualName(author.name.en, author.name.zh, zh)
        : news && bilingualName(news.en, news.zh, zh, true);
  const year = formatYear(input);
  const title = titleRuns(input);
  const description = describe(input, authorRuns !== undefined && author === undefined);
  const elements: Run[][] = [
    ...(authorRuns ? [authorRuns, [{ text: year }]] : [title, [{ text: year }]]),
    ...(authorRuns ? [title] : []),
    ...(description.length > 0 ? [description] : []),
    [{ text: input.archive.en || input.archive.zh }],
    ...(input.accessed ? [[{ text: `Accessed ${formatDate({ date: input.accessed, precision: 'day' }, 'en')}` }]] : []),
    [{ text: input.permalink.en, link: true }],
  ];
  return elements.flatMap((runs, i) => [...(i > 0 ? [{ text: ' ' }] : []), ...endElement(runs)]);
}

/** `Sheng Juntai 盛俊泰`: pinyin or English, then the characters. */
function bilingualName(en: string, zh: string, lang: string, italic = false): Run[] {
  if (en.trim() === '' || en === zh) return [{ text: zh, lang }];
  return [{ text: en, italic }, { text: ' ' }, { text: zh, lang }];
}

function formatYear({ date }: CitationInput): string {
  const year = date.value.slice(0, 4);
  if (date.basis === 'stated') return year;
  return date.precision === 'year' ? `[${year}?]` : `[${year}]`;
}

/** `"二輕工作會議講話" [Speech at the Second Light Industry Work Conference]` */
function titleRuns({ title, script }: CitationInput): Run[] {
  // A double quote inside a quoted title becomes a single one, as quotations within quotations do.
  const original: Run = { text: title.zh.replace(/"/g, "'"), lang: script };
  if (!title.en) return [{ text: '"' }, original, { text: '"' }];
  return [{ text: '"' }, original, { text: `" [${title.en}]` }];
}

/** `Speech, <meeting>, [Jinan, Shandong], [14 April 2014]`, or for news the paper and the date. */
function describe(input: CitationInput, newspaperIsAuthor: boolean): Run[] {
  const { date, place } = input;
  const parts: Run[][] = [];
  if (input.type === 'news') {
    if (input.publisher && !newspaperIsAuthor) {
      parts.push(bilingualName(input.publisher.en, input.publisher.zh, input.script, true));
    } else if (!input.publisher) {
      parts.push([{ text: 'News report' }]);
    }
  } else {
    const genre = genreLabel(input.type);
    if (genre) parts.push([{ text: genre }]);
    if (input.meeting) parts.push([{ text: input.meeting.en || input.meeting.zh }]);
    if (place) parts.push([{ text: place.inferred ? `[${place.en}]` : place.en }]);
  }
  // The year already follows the author; a fuller date is repeated here, as Chicago does for news.
  if (date.precision !== 'year') {
    const written = formatDate({ date: date.value, precision: date.precision }, 'en');
    parts.push([{ text: date.basis === 'inferred' ? `[${written}]` : written }]);
  }
  return parts.flatMap((runs, i) => [...(i > 0 ? [{ text: ', ' }] : []), ...runs]);
}

/**
 * Closes an element with a period, inside a closing quotation mark as Chicago does, and not after
 * a question mark or a period that is already there (`Ltd.`). The period never joins a link.
 */
function endElement(runs: Run[]): Run[] {
  const last = runs.at(-1);
  const text = runs.map((run) => run.text).join('');
  if (!last || /[.?!。？！]"?$/.test(text)) return runs;
  if (last.text.endsWith('"') && !last.link)
    return [...runs.slice(0, -1), { ...last, text: `${last.text.slice(0, -1)}."` }];
  return [...runs, { text: '.' }];
}
