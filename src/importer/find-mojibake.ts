import { scoreChinese } from './decode.ts';

/** A garbled passage kept in the text, as it appears. */
export interface Mojibake {
  text: string;
  kind: 'replacement' | 'kunjinkao' | 'shifted';
}

const PATTERNS: { pattern: RegExp; kind: Mojibake['kind'] }[] = [
  // UTF-8 bytes of U+FFFD read as GBK, the classic 锟斤拷 (and 烫烫烫/屯屯屯 from uninitialised memory).
  { pattern: /(?:锟斤拷|锟斤|斤拷|烫烫烫|屯屯屯)+/g, kind: 'kunjinkao' },
  { pattern: /\uFFFD+/g, kind: 'replacement' },
  // Text decoded one byte off: a question mark where a character was lost, inside Chinese text,
  // then the garbled characters after it (`??偣颈辉u為`), or the remains of glued pinyin (`?dǎo)`).
  { pattern: /(?<=[\p{Script=Han}，。、；：“”])\?+[^\s，。？?！、“”,]{1,5}/gu, kind: 'shifted' },
];

/** A `?` after Chinese text is often a plain question mark: garbling leaves rare characters or pinyin after it. */
function isGarbledRun(run: string): boolean {
  if (/^\?{2,}/.test(run) || /[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)/.test(run) || /\p{Script=Han}[A-Za-z]/u.test(run))
    return true;
  const { common, han } = scoreChinese(run.slice(1, 4));
  return han > 0 && common < 0.5;
}

/**
 * Finds garbled passages so they can be reported and kept visible (never "repaired"): 锟斤拷,
 * U+FFFD, and `?` runs that a one-byte shift left inside Chinese text.
 */
export function findMojibake(text: string): Mojibake[] {
  const found: (Mojibake & { at: number })[] = [];
  for (const { pattern, kind } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      if (kind !== 'shifted' || isGarbledRun(match[0])) found.push({ text: match[0], kind, at: match.index });
    }
  }
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.at - b.at)
    .filter((m) => !seen.has(m.text) && seen.add(m.text))
    .map(({ text: t, kind }) => ({ text: t, kind }));
}

/** True when a text's Han characters are mostly rare ones: probably decoded with the wrong encoding. */
export function looksGarbled(text: string): boolean {
  const { common, han } = scoreChinese(text);
  return han >= 30 && common < 0.45;
}
