import { fromMarkdown } from 'mdast-util-from-markdown';

/**
 * The top-level blocks of a Markdown body as a list of kinds (`paragraph`, `heading-2`, …):
 * a translation aligns with its original when both lists are equal.
 */
export function listBlockKinds(markdown: string): string[] {
  return fromMarkdown(markdown).children.map((node) => (node.type === 'heading' ? `heading-${node.depth}` : node.type));
}
