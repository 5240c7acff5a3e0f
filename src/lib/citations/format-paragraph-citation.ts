import type { Lang } from '../lang.ts';
import { pick } from '../bilingual.ts';
import type { CitationInput } from './citation-input.ts';

/**
 * A short citation of one paragraph, linking to its anchor on the document's page:
 * `Sheng Juntai, "在控股集团…讲话," ¶12, https://…/#p12` in English (a Chicago short note: the
 * original title, quoted, comma inside), `盛俊泰：《在控股集团…讲话》，第12段，https://…/#p12` in
 * Chinese. Without a speaker it names the speaker's office or the publisher, else opens with the
 * title. Throws a RangeError unless `paragraph` is a positive whole number.
 */
export function formatParagraphCitation(input: CitationInput, paragraph: number, lang: Lang): string {
  if (!Number.isInteger(paragraph) || paragraph < 1) {
    throw new RangeError(`paragraph must be a whole number from 1, got ${paragraph}`);
  }
  const url = new URL(input.permalink[lang]);
  url.hash = `p${paragraph}`;
  const by = author(input, lang);
  if (lang === 'zh') {
    // A title inside a title takes single angle brackets.
    const title = `《${input.title.zh.replace(/《/g, '〈').replace(/》/g, '〉')}》`;
    return `${by ? `${by}：` : ''}${title}，第${paragraph}段，${url.href}`;
  }
  const title = `"${input.title.zh.replace(/"/g, "'")},"`;
  return `${by ? `${by}, ` : ''}${title} ¶${paragraph}, ${url.href}`;
}

function author(input: CitationInput, lang: Lang): string | undefined {
  const author = input.author;
  if (author?.kind === 'role') return lang === 'en' ? `[${pick(author.role, lang)}]` : author.role.zh;
  if (author) return pick(author.name, lang);
  // An unsigned news item goes under its newspaper, as in the full Chicago entry.
  return input.type === 'news' && input.publisher ? pick(input.publisher, lang) : undefined;
}
