import { pinyin } from 'pinyin-pro';
import { toSimplified } from '../lib/script-convert.ts';
import type { DocumentType } from '../schema/document.ts';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

// Words that say nothing about a text: the frame of 在…上的讲话 and filler.
const FILLER = new Set([
  '在',
  '上',
  '的',
  '和',
  '与',
  '及',
  '关于',
  '讲话',
  '发言',
  '报告',
  '致辞',
  '会议',
  '工作',
  '会',
  '同志',
  '进一步',
  '全面',
  '大会',
  '暨',
  '年',
  '全市',
  '全省',
  '全县',
  '召开',
  '第一次',
  '中',
  '对',
  '为',
  '是',
  '了',
  '着力',
  '深入',
  '切实',
  '认真',
  '推进',
  '加强',
  '做好',
  '一',
]);

/**
 * The words of a phrase: ICU's dictionary words, with runs of single characters (names it does
 * not know, like 帮扶解困) grouped in twos, since most Chinese words have two characters.
 */
export function listWords(phrase: string): string[] {
  const words: string[] = [];
  let singles = '';
  const flush = (): void => {
    for (let i = 0; i < singles.length; i += 2) words.push(singles.slice(i, i + 2));
    singles = '';
  };
  for (const { segment, isWordLike } of segmenter.segment(phrase)) {
    if (!isWordLike) {
      flush();
      continue;
    }
    if (segment.length === 1 && /\p{Script=Han}/u.test(segment) && !FILLER.has(segment)) singles += segment;
    else {
      flush();
      words.push(segment);
    }
  }
  flush();
  return words;
}

/** Lowercase ASCII words for a Chinese phrase: each word's pinyin run together (帮扶 → bangfu). */
export function pinyinWords(phrase: string, max: number): string[] {
  const words: string[] = [];
  for (const segment of listWords(toSimplified(phrase))) {
    if (FILLER.has(segment)) continue;
    const ascii = /^[A-Za-z0-9]+$/.test(segment)
      ? segment.toLowerCase()
      : pinyin(segment, { toneType: 'none', type: 'array', v: true })
          .join('')
          .toLowerCase()
          .replace(/[^a-z0-9]/g, '');
    if (ascii && !/^\d+$/.test(ascii)) words.push(ascii);
    if (words.length >= max) break;
  }
  return words;
}

/**
 * The id of a draft: the date at its known precision, the key words, the type.
 * `entitySlug` (the id of the enterprise the title names) stands in for its Chinese words;
 * the rest of the title's words are given in pinyin. At most about 70 characters.
 */
export function createSlug(input: {
  /** The date; an undated draft's id starts with `undated`, for the editor to rename once dated. */
  date?: string;
  title: string;
  type: DocumentType;
  entitySlug?: string;
  /** A place name in ASCII (the region's city), used when no entity is named. */
  place?: string;
  /** The part of the title the entity slug replaces. */
  entityText?: string;
}): string {
  const rest = input.entityText ? input.title.replace(input.entityText, ' ') : input.title;
  const lead = input.entitySlug ?? input.place?.toLowerCase().replace(/\s+(?:city|district|county|prefecture)$/, '');
  const words = [...(lead ? [lead] : []), ...pinyinWords(rest, lead ? 3 : 4)];
  const typeWord = input.type === 'other' ? [] : [input.type];
  let slug = [input.date ?? 'undated', ...words, ...typeWord].join('-');
  while (slug.length > 70 && words.length > 1) {
    words.pop();
    slug = [input.date ?? 'undated', ...words, ...typeWord].join('-');
  }
  return slug
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
