import type { DocumentType } from '../../schema/document.ts';
import type { CitationInput } from './citation-input.ts';

// The standard's document type codes. Every citation points at the archive's permalink, so every
// one cites an online resource and adds the carrier code OL.
const TYPE_CODES: Record<DocumentType, string> = {
  speech: 'EB/OL',
  exchange: 'EB/OL',
  report: 'R/OL',
  news: 'N/OL',
  notice: 'EB/OL',
  law: 'EB/OL',
  other: 'EB/OL',
};

/**
 * A GB/T 7714-2015 reference (numeric system, so no year after the author), in Chinese:
 *
 * `盛俊泰. 在控股集团帮扶解困和改革发展工作分析总结会上的讲话[EB/OL]. (2014-04-16)[2026-11-21]. https://….`
 *
 * The main responsible party is the speaker, else the speaker's office, else the publisher; with
 * none the entry opens with the title, as the numeric system allows. The title stays in the script
 * of the source. An online text gives the date the source put it out (更新或修改日期) in
 * parentheses and the access date (引用日期), when known, in square brackets; a newspaper article
 * gives `报纸名, 出版日期`. Without a publication or upload date the document's own date stands in.
 * A date or newspaper the archive supplied itself is bracketed as 自拟信息 (`[2017-08-04]`,
 * `[报纸名不详]`). The punctuation is the standard's: `. ` between elements, `, ` before the date of
 * a newspaper, and a closing `.`.
 */
export function formatGbt7714(input: CitationInput): string {
  const author = input.author && (input.author.kind === 'role' ? input.author.role.zh : input.author.name.zh);
  const accessed = input.accessed ? `[${input.accessed}]` : '';
  const date = input.posted
    ? input.posted.value
    : input.date.basis === 'inferred'
      ? `[${input.date.value}]`
      : input.date.value;
  const publication =
    input.type === 'news' ? `${input.publisher?.zh ?? '[报纸名不详]'}, ${date}${accessed}` : `(${date})${accessed}`;
  const title = `${input.title.zh}[${TYPE_CODES[input.type]}]`;
  return [author, title, publication, input.permalink.zh].filter(Boolean).join('. ') + '.';
}
