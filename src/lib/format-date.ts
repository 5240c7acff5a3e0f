import type { Lang } from './lang.ts';

/** What is known of a date: the value, how precise it is and whether it was inferred. */
export interface DateFacts {
  date: string;
  precision?: 'day' | 'month' | 'year';
  basis?: 'stated' | 'inferred';
}

const LOCALES: Record<Lang, string> = { en: 'en-GB', zh: 'zh-CN' };
const PARTS: Record<1 | 2 | 3, Intl.DateTimeFormatOptions> = {
  1: { year: 'numeric' },
  2: { year: 'numeric', month: 'long' },
  3: { year: 'numeric', month: 'long', day: 'numeric' },
};
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, parts: 1 | 2 | 3): Intl.DateTimeFormat {
  const key = `${lang}${parts}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], { ...PARTS[parts], timeZone: 'UTC' });
    formatters.set(key, format);
  }
  return format;
}

/**
 * Formats a partial date with `Intl` and no invented parts: `14 April 2014` / `2014年4月14日`,
 * `August 2017` / `2017年8月`, and `c. 2005` / `约2005年` for a year inferred from the content.
 */
export function formatDate({ date, precision, basis }: DateFacts, lang: Lang): string {
  const [year, month = 1, day = 1] = date.split('-').map(Number) as [number, number?, number?];
  const written = Math.min(date.split('-').length, 3) as 1 | 2 | 3;
  const parts = precision === 'year' ? 1 : precision === 'month' ? 2 : written;
  const text = formatter(lang, parts).format(new Date(Date.UTC(year, month - 1, day)));
  if (basis !== 'inferred' || parts !== 1) return text;
  return lang === 'zh' ? `约${text}` : `c. ${text}`;
}

/** A sortable key for a partial date: missing parts sort first within their year or month. */
export function dateSortKey(date: string): string {
  const [year = '0000', month = '00', day = '00'] = date.split('-');
  return `${year}-${month}-${day}`;
}

/** The year of a partial date. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
