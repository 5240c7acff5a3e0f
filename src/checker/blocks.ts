import { outlineBlocks } from '../lib/translation-blocks.ts';

/**
 * The top-level blocks of a Markdown body as a list of kinds (`paragraph`, `heading-2`, …):
 * a full translation aligns with its original when both lists are equal (a partial one may put
 * the untranslated marker where the original has a paragraph: `findMisalignment`).
 */
export function listBlockKinds(markdown: string): string[] {
  return outlineBlocks(markdown).map((block) => block.kind);
}
