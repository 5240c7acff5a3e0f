/** Level-2 headings: 一、 二、 …, 第一部分, 第一章. */
const CHAPTER = /^(?:[一二三四五六七八九十百]+、|第[一二三四五六七八九十百]+(?:部分|章|编|編)(?=\s|$|[^，,。]{1,30}$))/;
/** Level-3 headings: （一） (二) …, 第一节. */
const SECTION = /^(?:[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十百]+[节節](?=\s|$|[^，,。]{1,30}$))/;
/** An article of a law or regulation: 第一条, its number in bold. */
const ARTICLE = /^(第[一二三四五六七八九十百零〇]+[条條])(?=\s|\S)/;
/** Numbered points: 1、 2. （3） 第一， 第二、 */
const POINT = /^(?:\d{1,2}[、．.](?!\d)|[（(]\d{1,2}[）)]|第[一二三四五六七八九十]+[，,、])/;

/**
 * Escapes what Markdown would read as syntax in a line of Chinese text: asterisks (`**年` is a
 * redaction, not bold), underscores, backticks, angle brackets and square brackets, and a line
 * start that would make a heading, quote or list.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\*_`[\]])/g, '\\$1')
    .replace(/</g, '&lt;')
    .replace(/^(#{1,6}(?=\s)|>|[-+](?=\s))/, '\\$1')
    .replace(/^(\d+)([.)])(?=\s)/, '$1\\$2');
}

/**
 * Where a run-in heading ends: after its first full stop (。！？), or before a mojibake `?`
 * that swallowed the stop. Undefined when the paragraph has no short leading sentence.
 */
function runInEnd(paragraph: string): number | undefined {
  const stop = /[。！？]|\?(?=[^\s\d])/.exec(paragraph);
  if (!stop || stop.index > 60) return undefined;
  const end = stop[0] === '?' ? stop.index : stop.index + 1;
  return end < paragraph.length ? end : undefined;
}

/**
 * Turns one paragraph into Markdown. The text's own headings standing alone become headings
 * (`## 一、…`, `### （一）…`, `## 第一章 总则`); an article number is bold (`**第一条** …`); a
 * heading run into its paragraph becomes bold
 * (`**1、认真总结前一阶段经验。**这项工作…`); everything else stays as it is, escaped.
 */
export function structureParagraph(paragraph: string): string {
  const article = ARTICLE.exec(paragraph);
  if (article && paragraph.length > article[1]!.length) {
    return `**${article[1]}**${escapeMarkdown(paragraph.slice(article[1]!.length))}`;
  }
  const level = CHAPTER.test(paragraph) ? 2 : SECTION.test(paragraph) ? 3 : POINT.test(paragraph) ? 4 : 0;
  if (level === 0) return escapeMarkdown(paragraph);
  const end = runInEnd(paragraph);
  if (end !== undefined) {
    return `**${escapeMarkdown(paragraph.slice(0, end))}**${escapeMarkdown(paragraph.slice(end))}`;
  }
  const standalone = paragraph.length <= 60;
  if (standalone && level < 4) return `${'#'.repeat(level)} ${escapeMarkdown(paragraph)}`;
  if (standalone) return `**${escapeMarkdown(paragraph)}**`;
  return escapeMarkdown(paragraph);
}

/** The Markdown body: one block per paragraph, separated by blank lines. */
export function structureBody(paragraphs: readonly string[]): string {
  return paragraphs.map(structureParagraph).join('\n\n') + '\n';
}

/** A Markdown block back to its plain text (headings, bold and escapes removed), for comparisons. */
export function plainText(block: string): string {
  return block
    .replace(/^#{1,6}\s+/, '')
    .replace(/(?<!\\)\*\*/g, '')
    .replace(/&lt;/g, '<')
    .replace(/\\(.)/g, '$1');
}
