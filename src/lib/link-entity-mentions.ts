import type { Link, Parent, Root, Text } from 'mdast';
import { visitParents, SKIP } from 'unist-util-visit-parents';
import { findMentions, type AliasEntry, type MentionMatcher } from './find-mentions.ts';

// Links the mentions of known entities in a Markdown (mdast) tree to their pages: a pure
// transform of the tree, used when a document's blocks are rendered (render-blocks.ts).

/** Options of {@link linkEntityMentions}. */
export interface EntityLinkOptions {
  /** The compiled aliases of every entity (see `createMentionMatcher`). */
  matcher: MentionMatcher;
  /** The address of an entity's page, as seen from the page the Markdown is shown on. */
  hrefFor: (entry: AliasEntry) => string;
  /** Entities not to link, e.g. the entity whose own page shows the text. */
  exclude?: (entry: AliasEntry) => boolean;
}

// Mentions inside these are left alone: existing links, headings, code.
const IGNORE = new Set(['link', 'linkReference', 'heading', 'inlineCode', 'code', 'definition']);

/**
 * Links every mention of a known entity in a Markdown tree to the entity's page: the longest
 * alias at each place, both scripts; never inside links, headings or code.
 */
export function linkEntityMentions(tree: Root, options: EntityLinkOptions): void {
  visitParents(tree, 'text', (node: Text, ancestors) => {
    if (ancestors.some((ancestor) => IGNORE.has(ancestor.type))) return;
    const mentions = findMentions(node.value, options.matcher).filter((mention) => !options.exclude?.(mention));
    if (mentions.length === 0) return;
    const parent = ancestors[ancestors.length - 1] as Parent;
    const pieces: (Text | Link)[] = [];
    let last = 0;
    for (const mention of mentions) {
      if (mention.start > last) pieces.push({ type: 'text', value: node.value.slice(last, mention.start) });
      pieces.push({
        type: 'link',
        url: options.hrefFor(mention),
        children: [{ type: 'text', value: mention.text }],
        data: {
          hProperties: {
            className: ['entity', `entity--${mention.collection}`],
            dataEntity: `${mention.collection}/${mention.id}`,
          },
        },
      });
      last = mention.end;
    }
    if (last < node.value.length) pieces.push({ type: 'text', value: node.value.slice(last) });
    const index = parent.children.indexOf(node);
    parent.children.splice(index, 1, ...pieces);
    return [SKIP, index + pieces.length];
  });
}
