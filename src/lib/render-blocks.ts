import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { linkEntityMentions, type EntityLinkOptions } from './link-entity-mentions.ts';
import { parseMarkdown } from './markdown-blocks.ts';

/** One top-level block of a rendered body: a paragraph, heading, list or quotation. */
export interface RenderedBlock {
  /** The element name: `p`, `h2`, `ul`, … */
  tag: string;
  /** The block's HTML. */
  html: string;
  /** A heading's text without markup (for a table of contents); other blocks have none. */
  text?: string;
}

/** The text of a HAST node and its descendants. */
function textOf(node: HastRoot['children'][number]): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

// GitHub's sanitising rules (no scripts, styles, frames or event handlers; only http(s),
// mailto and relative URLs; ids prefixed so they cannot clobber globals), plus the attributes
// of our entity links.
const SCHEMA: Schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    a: [
      ...(defaultSchema.attributes?.a ?? []).filter(
        (definition) => !Array.isArray(definition) || definition[0] !== 'className',
      ),
      ['className', 'entity', 'entity--enterprises', 'entity--directives', 'entity--people'],
      'dataEntity',
    ],
  },
};

/**
 * Renders a Markdown body to HTML, one string per top-level block, so that an original and its
 * aligned translation can be laid out pair by pair and every block can carry a citable anchor.
 * Raw HTML in the Markdown is dropped, never passed through, and the result is sanitised.
 */
export function renderBlocks(markdown: string, links?: EntityLinkOptions): RenderedBlock[] {
  const mdast: MdastRoot = parseMarkdown(markdown);
  if (links) linkEntityMentions(mdast, links);
  const hast = sanitize(unified().use(remarkRehype).runSync(mdast), SCHEMA) as HastRoot;
  return hast.children.flatMap((node) =>
    node.type !== 'element'
      ? []
      : /^h[1-6]$/.test(node.tagName)
        ? [{ tag: node.tagName, html: toHtml(node), text: textOf(node).trim() }]
        : [{ tag: node.tagName, html: toHtml(node) }],
  );
}
