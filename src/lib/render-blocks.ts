import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { remarkEntityLinks, type EntityLinkOptions } from '../remark/remark-entity-links.ts';

/** One top-level block of a rendered body: a paragraph, heading, list or quotation. */
export interface RenderedBlock {
  /** The element name: `p`, `h2`, `ul`, … */
  tag: string;
  /** The block's HTML. */
  html: string;
}

/**
 * Renders a Markdown body to HTML, one string per top-level block, so that an original and its
 * aligned translation can be laid out pair by pair and every block can carry a citable anchor.
 * Raw HTML in the Markdown is dropped, never passed through.
 */
export function renderBlocks(markdown: string, links?: EntityLinkOptions): RenderedBlock[] {
  const mdast = unified().use(remarkParse).use(remarkCjkFriendly).parse(markdown) as MdastRoot;
  if (links) remarkEntityLinks(links)(mdast);
  const hast = unified().use(remarkRehype).runSync(mdast) as HastRoot;
  return hast.children.flatMap((node) => (node.type === 'element' ? [{ tag: node.tagName, html: toHtml(node) }] : []));
}
