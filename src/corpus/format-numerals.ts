const DIGITS = '一二三四五六七八九';

/** Writes 1–99 as Chinese numerals, the way headings number sections: 一, 十二, 二十. */
export function formatChineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n - 1] ?? '';
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return `${tens > 1 ? DIGITS[tens - 1] : ''}十${units > 0 ? DIGITS[units - 1] : ''}`;
}

const ROMAN: readonly (readonly [number, string])[] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** Writes a positive integer in Roman numerals, as English translations number sections. */
export function formatRomanNumeral(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}
