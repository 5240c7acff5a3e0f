import type { Link, Root } from 'mdast';
import { findAndReplace } from 'mdast-util-find-and-replace';
import type { AliasEntry, MentionMatcher } from '../lib/find-mentions.ts';

/** Options of {@link remarkEntityLinks}. */
export interface EntityLinkOptions {
  /** The compiled aliases of every entity (see `createMentionMatcher`). */
  matcher: MentionMatcher;
  /** The address of an entity's page, as seen from the page the Markdown is shown on. */
  hrefFor: (entry: AliasEntry) => string;
  /** Entities not to link, e.g. the entity whose own page shows the text. */
  exclude?: (entry: AliasEntry) => boolean;
}

/**
 * Links every mention of a known entity in a Markdown tree to the entity's page: one combined
 * pattern, longest alias first, both scripts; never inside links, headings or code.
 */
export function remarkEntityLinks(options: EntityLinkOptions) {
  return (tree: Root): void => {
    const { pattern, byForm } = options.matcher;
    if (!pattern) return;
    findAndReplace(
      tree,
      [
        pattern,
        (text: string): Link | false => {
          const entry = byForm.get(text);
          if (!entry || options.exclude?.(entry)) return false;
          return {
            type: 'link',
            url: options.hrefFor(entry),
            children: [{ type: 'text', value: text }],
            data: {
              hProperties: {
                className: ['entity', `entity--${entry.collection}`],
                dataEntity: `${entry.collection}/${entry.id}`,
              },
            },
          };
        },
      ],
      { ignore: ['link', 'linkReference', 'heading', 'inlineCode', 'code', 'definition'] },
    );
  };
}
