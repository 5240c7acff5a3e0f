import { decodeHanTokens } from './han-tokens.ts';
import type { PagefindFragment } from './pagefind-bundle.ts';

/**
 * A Chinese page's fragment with its text as text: Pagefind stores the indexed words, which for
 * Chinese are character-pair tokens, a third larger once compressed than the characters they
 * stand for, and every shown result fetches its fragment. `meta.paras` (the word at which each
 * paragraph starts) becomes the offset of that paragraph in the text.
 */
export function toPlainFragment(fragment: PagefindFragment): PagefindFragment {
  const words = fragment.content
    .replace(/\u200b/g, '')
    .split(/\s+/)
    .filter(Boolean);
  const { text, wordAt } = decodeHanTokens(words);
  const starts = (fragment.meta.paras ?? '').split(',').filter(Boolean).map(Number);
  const offsets: number[] = [];
  let offset = 0;
  let next = 0;
  [...text].forEach((char, i) => {
    while (next < starts.length && wordAt[i]! >= starts[next]!) {
      offsets.push(offset);
      next += 1;
    }
    offset += char.length;
  });
  while (offsets.length < starts.length) offsets.push(offset);
  return { ...fragment, content: text, meta: { ...fragment.meta, paras: offsets.join(',') } };
}
