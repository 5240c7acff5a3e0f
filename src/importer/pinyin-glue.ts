import { pinyin } from 'pinyin-pro';

const TONED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;
// One syllable in parentheses (ASCII or full-width) right after a character: 導(dǎo), 區（qū）.
const GLUED = /(\S)[(（]([a-zü:āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,6}[1-5]?)[)）]/giu;

/** True when `syllable` is a reading of the Han character `char` (any of its readings). */
function isReadingOf(char: string, syllable: string): boolean {
  if (!/\p{Script=Han}/u.test(char)) return false;
  const plain = syllable
    .toLowerCase()
    .replace(/[1-5]$/, '')
    .replace('u:', 'ü')
    .replace('v', 'ü');
  const readings = pinyin(char, { multiple: true, type: 'array', toneType: 'none', v: false });
  return readings.some((reading) => reading === plain || reading.replace('ü', 'u') === plain);
}

/**
 * Removes pinyin that a site glued after characters: `導(dǎo)語` → `導語`, `國(guó)` → `國`.
 * A syllable with a tone mark goes wherever it stands (even after a garbled character, as in
 * `W(xué)`); one without a tone mark only when it is a reading of the character before it, so
 * `(a)`, `(AB)` or an English word in parentheses stay. Returns the text and how many went.
 */
export function removeGluedPinyin(text: string): { text: string; removed: number } {
  let removed = 0;
  const result = text.replace(GLUED, (match, before: string, syllable: string) => {
    if (TONED.test(syllable) || (/^[a-z]+[1-5]$/.test(syllable) && isReadingOf(before, syllable))) {
      removed += 1;
      return before;
    }
    if (/^[a-z]{2,6}$/.test(syllable) && isReadingOf(before, syllable)) {
      removed += 1;
      return before;
    }
    return match;
  });
  return { text: result, removed };
}
