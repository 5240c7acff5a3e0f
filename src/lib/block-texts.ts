import { fromMarkdown } from 'mdast-util-from-markdown';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { toString } from 'mdast-util-to-string';

/** The plain text of each top-level block of a Markdown body (the ¶ numbering of the site). */
export function listBlockTexts(markdown: string): string[] {
  return fromMarkdown(markdown, { extensions: [cjkFriendlyExtension()] }).children.map((node) => toString(node).trim());
}
