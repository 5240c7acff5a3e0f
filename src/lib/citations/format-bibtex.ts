import type { CitationInput } from './citation-input.ts';
import { genreLabel } from './genre-label.ts';
import { joinBilingual } from './join-bilingual.ts';
import { listNotes } from './list-notes.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '#': '\\#',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // In LaTeX's default OT1 font encoding these three print as ¡, ¿ and an em dash.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
};

/**
 * A biblatex `@misc` entry for a document, readable by BibTeX too. The title is the original
 * Chinese; the author is the speaker as `{盛俊泰 (Sheng Juntai)}`, else the speaker's office or the
 * publisher, braced as a corporate name; `date` is EDTF (`2005~` for a year inferred from the
 * content) with `year`/`month` for BibTeX; `url` is the archive permalink and `urldate` the reader's
 * access date; `note` gives the translated title, the source and how the date was reached. TeX's
 * special characters (`# $ % & _ { } ~ ^ \\ < > |`) are escaped everywhere but in `url`.
 */
export function formatBibtex(input: CitationInput): string {
  const [year, month] = input.date.value.split('-');
  const circa = input.date.basis === 'inferred' && input.date.precision === 'year';
  const author = input.author && (input.author.kind === 'role' ? input.author.role : input.author.name);
  const howpublished = [genreLabel(input.type), input.meeting?.en || input.meeting?.zh, input.place?.en];
  const fields: [string, string | undefined][] = [
    ['author', author && `{{${escapeText(joinBilingual(author))}}}`],
    ['title', `{${protectCase(escapeText(input.title.zh))}}`],
    ['date', `{${input.date.value}${circa ? '~' : ''}}`],
    ['year', `{${year}}`],
    ['month', month && MONTHS[Number(month) - 1]],
    ['howpublished', braced(howpublished.filter(Boolean).join(', '))],
    ['organization', input.publisher && `{{${escapeText(joinBilingual(input.publisher))}}}`],
    ['language', '{Chinese}'],
    ['keywords', braced(input.keywords.map((keyword) => keyword.replace(/,/g, ' ')).join(', '))],
    ['url', `{${escapeUrl(input.permalink.zh)}}`],
    ['urldate', input.accessed && `{${input.accessed}}`],
    ['note', braced(listNotes(input, { speaker: false }).map(endSentence).join(' '))],
  ];
  const body = fields.flatMap(([name, value]) => (value ? [`  ${name} = ${value},`] : []));
  return `@misc{${input.id.replace(/[^A-Za-z0-9_:.-]/g, '-')},\n${body.join('\n')}\n}\n`;
}

function braced(text: string): string | undefined {
  return text === '' ? undefined : `{${escapeText(text)}}`;
}

/** Escapes the characters TeX treats as commands or misprints, and folds line breaks into spaces. */
function escapeText(text: string): string {
  return text
    .replace(/[\\{}#$%&_~^<>|]/g, (character) => SPECIALS[character] ?? character)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Braces Latin words with capitals (`第{X}巡察组`), which BibTeX styles would otherwise lowercase. */
function protectCase(text: string): string {
  return text.replace(/[A-Za-z]*[A-Z][A-Za-z]*/g, '{$&}');
}

/** `url` is read verbatim: only unbalanced braces, backslashes and spaces could break it. */
function escapeUrl(url: string): string {
  return url.replace(/[{}\\\s]/g, (character) => encodeURIComponent(character));
}

function endSentence(text: string): string {
  return /[.?!。？！]$/.test(text) ? text : `${text}.`;
}
