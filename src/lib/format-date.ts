import type { Lang } from '../i18n/index.ts';

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** What is known of a date: the value, how precise it is and whether it was inferred. */
export interface DateFacts {
  date: string;
  precision?: 'day' | 'month' | 'year';
  basis?: 'stated' | 'inferred';
}

/**
 * Formats a partial date for readers with its precision and no invented parts:
 * `14 April 2014` / `2014年4月14日`, `August 2017` / `2017年8月`, and `c. 2005` / `约2005年` for a
 * year inferred from the content.
 */
export function formatDate({ date, precision, basis }: DateFacts, lang: Lang): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number?, number?];
  const parts = precision === 'year' ? 1 : precision === 'month' ? 2 : date.split('-').length;
  const approximate = basis === 'inferred' && parts === 1;
  if (lang === 'zh') {
    const text = parts === 1 ? `${year}年` : parts === 2 ? `${year}年${month}月` : `${year}年${month}月${day}日`;
    return approximate ? `约${text}` : text;
  }
  const monthName = month ? MONTHS_EN[month - 1] : '';
  const text = parts === 1 ? `${year}` : parts === 2 ? `${monthName} ${year}` : `${day} ${monthName} ${year}`;
  return approximate ? `c. ${text}` : text;
}

/** A sortable key for a partial date: missing parts sort first within their year or month. */
export function dateSortKey(date: string): string {
  const [year = '0000', month = '00', day = '00'] = date.split('-');
  return `${year}-${month}-${day}`;
}
