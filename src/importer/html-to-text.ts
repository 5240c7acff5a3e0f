import { Readability } from '@mozilla/readability';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { DOMParser } from 'linkedom';

/** True when a saved "text" is really the page's HTML source. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4000).toLowerCase();
  return (
    /<!doctype html|<html[\s>]|<body[\s>]/.test(head) ||
    (text.match(/<\/?(?:p|div|br|span|td|li)\b/gi)?.length ?? 0) > 10
  );
}

const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'head', 'iframe', 'svg', 'object']);

/** Drops what a reader never sees (scripts, styles, the head) from a hast tree, in place. */
function dropHidden<T extends Root | Element>(node: T): T {
  node.children = node.children.filter(
    (child: RootContent) => !(child.type === 'element' && HIDDEN.has(child.tagName)) && child.type !== 'comment',
  ) as T['children'];
  for (const child of node.children) if (child.type === 'element') dropHidden(child);
  return node;
}

/** The text a reader sees in an HTML fragment or page, one block a line (the innerText algorithm). */
export function htmlFragmentToText(html: string): string[] {
  const tree = dropHidden(fromHtml(html));
  return toText(tree)
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/g, ''))
    .filter((line, i, all) => line.trim() !== '' || (i > 0 && all[i - 1]!.trim() !== ''));
}

/**
 * Turns a saved web page into the lines a reader saw. Mozilla's Readability (on a linkedom DOM)
 * finds the article; hast utilities turn markup into text (entities, blocks, line breaks). The
 * page's title comes first, then the dozen lines above the article (where the headline, its date
 * and its source sit), the article, and a few lines below it (a signature, a footer), so that the
 * clean-up reads the page's meta lines and chrome like those of any saved text. Without an
 * article, the whole page's text is returned.
 */
export function htmlToText(html: string): string {
  const pageLines = htmlFragmentToText(html);
  const document = new DOMParser().parseFromString(html, 'text/html');
  const title = document.querySelector('title')?.textContent?.trim() ?? '';
  let article: { content?: string | null } | null = null;
  try {
    article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  } catch {
    article = null;
  }
  const articleLines = article?.content ? htmlFragmentToText(article.content).filter((l) => l.trim() !== '') : [];
  const key = (line: string): string => line.replace(/\s+/g, '');
  const start = articleLines.length > 0 ? pageLines.findIndex((l) => key(l) === key(articleLines[0]!)) : -1;
  const lastKey = articleLines.length > 0 ? key(articleLines.at(-1)!) : '';
  let end = -1;
  for (let i = pageLines.length - 1; i >= 0 && articleLines.length > 0; i -= 1)
    if (key(pageLines[i]!) === lastKey) {
      end = i;
      break;
    }
  const lines =
    start >= 0 && end >= start
      ? [...pageLines.slice(Math.max(0, start - 12), start), ...articleLines, ...pageLines.slice(end + 1, end + 9)]
      : pageLines;
  return `${title ? `${title}\n` : ''}${lines.join('\n')}\n`;
}
