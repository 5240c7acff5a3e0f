import type { Bilingual } from '../../schema/common.ts';
import type { DocumentType } from '../../schema/document.ts';
import type { CitationAuthor, CitationInput } from './citation-input.ts';
import { splitChineseName } from './split-chinese-name.ts';

/** One `<meta name content>` element of a page's head; `lang` when its content is not in the page's language. */
export interface MetaTag {
  name: string;
  content: string;
  lang?: string;
}

/**
 * The tags reference managers read from a document page: Highwire Press `citation_*` (Google
 * Scholar's inclusion guidelines; Zotero's "Embedded Metadata" translator) and Dublin Core
 * (`DC.*`, `DCTERMS.*`), in the page's language, with the title in the other language too.
 *
 * - `citation_title` is the title the page shows (the English title on the English page, the
 *   original on the Chinese one); `DC.title` says the same with its language, and
 *   `DCTERMS.alternative` gives the other title, so the original is always there.
 * - A named speaker is `Family, Given` (`Sheng, Juntai`; `盛, 俊泰`): the comma tells Zotero which
 *   part is the family name, which in Chinese comes first. An office or organisation standing as
 *   author is written in Chinese on both pages, as one name without spaces, which Zotero keeps
 *   whole instead of splitting into given and family names.
 * - Dates are the text's own (`citation_publication_date`, `YYYY/MM/DD` or less as known;
 *   `DC.date` ISO 8601), with the source's publication or upload date as `citation_online_date`.
 * - `citation_language` and `DC.language` are the language of the text (`zh-Hans`, `zh-Hant`),
 *   which both pages carry; the English page adds a translation, not another work.
 * - There is no PDF: the full text is the page itself (`citation_fulltext_html_url`).
 * - What kind of item it is: Zotero takes a Highwire `citation_title` alone for a journal
 *   article, but reads a `DC.type` that names one of its item types (its RDF translator) before
 *   that guess: `presentation` for a speech, `newspaperArticle`, `report`, `document`.
 *   `DCTERMS.type` gives the DCMI type, `Text`. A report also names its publisher as
 *   `citation_technical_report_institution`, Highwire's own sign of a report.
 * - `DC.source` is the site or publication the text was taken from, by name: Zotero reads it as
 *   a news item's newspaper (its "publication").
 */
export function formatMetaTags(input: CitationInput, lang: 'zh' | 'en', summary: Bilingual): MetaTag[] {
  const other = lang === 'en' ? 'zh' : 'en';
  const titleIn = (language: 'zh' | 'en') =>
    language === 'en' && input.title.en.trim() !== ''
      ? { content: input.title.en, lang: 'en' }
      : { content: input.title.zh, lang: input.script };
  const title = titleIn(lang);
  const otherTitle = titleIn(other);
  const pageLang = lang === 'en' ? 'en' : 'zh-Hans';
  // A tag in the page's language needs no `lang` of its own.
  const withLang = (tag: MetaTag): MetaTag =>
    tag.lang === pageLang || (tag.lang === 'zh' && lang === 'zh') ? { name: tag.name, content: tag.content } : tag;
  const publisher = input.publisher ?? input.source.site;
  const abstract = lang === 'en' && summary.en.trim() !== '' ? summary.en : summary.zh;
  const author = input.author && authorName(input.author, lang);
  const permalink = input.permalink[lang];
  const tags: (MetaTag | undefined)[] = [
    withLang({ name: 'citation_title', ...title }),
    author ? { name: 'citation_author', content: author } : undefined,
    { name: 'citation_publication_date', content: input.date.value.replace(/-/g, '/') },
    input.posted && { name: 'citation_online_date', content: input.posted.value.replace(/-/g, '/') },
    { name: 'citation_language', content: input.script },
    withLang({ name: 'citation_publisher', ...pickText(publisher, lang) }),
    input.type === 'report'
      ? withLang({ name: 'citation_technical_report_institution', ...pickText(publisher, lang) })
      : undefined,
    input.keywords.length > 0
      ? { name: 'citation_keywords', content: input.keywords.join('; '), lang: 'zh' }
      : undefined,
    withLang({ name: 'citation_abstract', content: abstract, lang: abstract === summary.en ? 'en' : input.script }),
    { name: 'citation_public_url', content: permalink },
    { name: 'citation_fulltext_html_url', content: permalink },
    withLang({ name: 'DC.title', ...title }),
    otherTitle.content !== title.content ? withLang({ name: 'DCTERMS.alternative', ...otherTitle }) : undefined,
    author ? { name: 'DC.creator', content: author } : undefined,
    { name: 'DC.date', content: input.date.value },
    { name: 'DC.language', content: input.script },
    withLang({ name: 'DC.publisher', ...pickText(publisher, lang) }),
    { name: 'DC.type', content: ZOTERO_TYPES[input.type] },
    { name: 'DCTERMS.type', content: 'Text' },
    { name: 'DC.identifier', content: permalink },
    withLang({ name: 'DC.source', ...pickText(input.source.site, lang) }),
    ...input.keywords.map((keyword) => ({ name: 'DC.subject', content: keyword, lang: 'zh' })),
  ];
  return tags.filter((tag): tag is MetaTag => tag !== undefined).map(withLang);
}

/** Zotero's item type for each kind of document (its RDF translator reads it from `DC.type`). */
const ZOTERO_TYPES: Record<DocumentType, string> = {
  speech: 'presentation',
  exchange: 'presentation',
  news: 'newspaperArticle',
  report: 'report',
  notice: 'document',
  law: 'statute',
  other: 'document',
};

function pickText(text: Bilingual, lang: 'zh' | 'en'): { content: string; lang: string } {
  return lang === 'en' && text.en.trim() !== '' ? { content: text.en, lang: 'en' } : { content: text.zh, lang: 'zh' };
}

/** A person as `Family, Given`; an office or an organisation whole, in Chinese. */
function authorName(author: CitationAuthor, lang: 'zh' | 'en'): string {
  if (author.kind !== 'person') return author.kind === 'role' ? author.role.zh : author.name.zh;
  if (lang === 'en' && author.name.en.trim() !== '') {
    // Pinyin is written family name first: "Sheng Juntai", "Ouyang Xiu".
    const [family, ...given] = author.name.en.trim().split(/\s+/);
    return given.length > 0 ? `${family}, ${given.join(' ')}` : family!;
  }
  const [family, given] = splitChineseName(author.name.zh);
  return given ? `${family}, ${given}` : author.name.zh;
}
