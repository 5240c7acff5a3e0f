const NAMED: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  copy: '©',
  reg: '®',
  ensp: ' ',
  emsp: '　',
  times: '×',
};

/** True when a saved "text" is really the page's HTML source. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4000).toLowerCase();
  return (
    /<!doctype html|<html[\s>]|<body[\s>]/.test(head) ||
    (text.match(/<\/?(?:p|div|br|span|td|li)\b/gi)?.length ?? 0) > 10
  );
}

/**
 * Turns saved HTML into the text a reader saw: scripts, styles and comments go, block elements
 * and line breaks become new lines, the page title becomes the first line, tags are dropped and
 * character references decoded. Chrome stays, for the clean-up to judge like any other page.
 */
export function htmlToText(html: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1]?.trim();
  const body = html
    .replace(/<(script|style|noscript|template|head)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(
      /<\/?(?:p|div|h[1-6]|li|ul|ol|tr|table|section|article|header|footer|nav|blockquote|dd|dt|center)\b[^>]*>/gi,
      '\n',
    )
    .replace(/<[^>]+>/g, '');
  const text = `${title ? `${title}\n` : ''}${body}`.replace(
    /&(#x[0-9a-f]+|#\d+|[a-z]+);/gi,
    (entity, code: string) => {
      if (code.startsWith('#')) {
        const point = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1));
        return Number.isFinite(point) && point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : entity;
      }
      return NAMED[code.toLowerCase()] ?? entity;
    },
  );
  return text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n');
}
