import { formatDate } from '../format-date.ts';
import type { CitationInput } from './citation-input.ts';
import { joinBilingual } from './join-bilingual.ts';

/**
 * The English notes the data formats (BibTeX `note`, RIS `N1`, CSL `note`) carry for what their
 * fields cannot hold: the translated title, the speaker's name in both scripts, how the date was
 * reached, and where the archive found the text. Leave out the speaker with `speaker: false` where
 * the author field already gives both scripts.
 */
export function listNotes(input: CitationInput, { speaker = true } = {}): string[] {
  const notes: string[] = [];
  if (input.title.en) notes.push(`Translated title: ${input.title.en}`);
  const author = speaker ? input.author : undefined;
  if (author?.kind === 'person') notes.push(`Speaker: ${joinBilingual(author.name)}`);
  if (author?.kind === 'role') notes.push(`Speaker not named in the source: ${joinBilingual(author.role)}`);
  if (input.date.basis === 'inferred') {
    const { value: date, precision } = input.date;
    notes.push(`Date inferred from the content: ${formatDate({ date, precision, basis: 'inferred' }, 'en')}`);
  }
  const source = [
    input.source.site.en || input.source.site.zh,
    input.source.url,
    input.posted && `${input.posted.kind} ${input.posted.value}`,
    input.source.retrieved && `retrieved ${input.source.retrieved}`,
  ];
  // Not "Source:": Zotero reads `key: value` lines of Extra as CSL variables, and `source` is one.
  notes.push(`Text taken from: ${source.filter(Boolean).join(', ')}`);
  return notes;
}
