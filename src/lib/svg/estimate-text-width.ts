// Han, kana, Hangul and Bopomofo, CJK punctuation (。、「」) and full-width forms (，：（）).
const FULL_WIDTH =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6]/u;

/**
 * Estimates how wide a label is drawn, for layout without a font at build time: 1 em for each CJK
 * character and 0.55 em for any other character.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const character of text) ems += FULL_WIDTH.test(character) ? 1 : 0.55;
  return ems * fontSize;
}
