import type { Lang } from './lang.ts';
import { dateSortKey, formatDate } from './format-date.ts';

/** The dates of one office: when it was taken up and left, or a date it is known to be held. */
export interface RoleDates {
  from?: string | undefined;
  until?: string | undefined;
  as_of?: string | undefined;
}

/** A piece of a period as shown: plain text, or a date with its machine-readable value. */
export interface PeriodPart {
  text: string;
  datetime?: string;
}

const WORDS: Record<Lang, { range: string; from: string; until: string; asOf: string }> = {
  en: { range: ' – ', from: 'from ', until: 'until ', asOf: 'as of ' },
  zh: { range: '至', from: '起', until: '至', asOf: '在任' },
};

function datePart(date: string, lang: Lang): PeriodPart {
  return { text: formatDate({ date }, lang), datetime: date };
}

/**
 * How long an office was held, as parts a page can render with `<time>`: "1949 – 1976" /
 * "1949年至1976年", "from 2023" / "2023年起", "until 1958" / "至1958年", "as of August 2017" /
 * "2017年8月在任". Two bare years are joined by an unspaced en dash (1949–1976). Empty when
 * the office has no dates.
 */
export function describeRolePeriod(role: RoleDates, lang: Lang): PeriodPart[] {
  const words = WORDS[lang];
  const { from, until, as_of: asOf } = role;
  if (from !== undefined && until !== undefined) {
    const bareYears = from.length === 4 && until.length === 4;
    const joint = lang === 'en' && bareYears ? '–' : words.range;
    return [datePart(from, lang), { text: joint }, datePart(until, lang)];
  }
  if (from !== undefined) {
    return lang === 'zh' ? [datePart(from, lang), { text: words.from }] : [{ text: words.from }, datePart(from, lang)];
  }
  if (until !== undefined) return [{ text: words.until }, datePart(until, lang)];
  if (asOf !== undefined) {
    return lang === 'zh' ? [datePart(asOf, lang), { text: words.asOf }] : [{ text: words.asOf }, datePart(asOf, lang)];
  }
  return [];
}

/**
 * The offices in order of date (start, else the known date, else the end), earliest first;
 * offices without any date keep their order after the dated ones, and ties keep file order.
 */
export function sortRolesByDate<T extends RoleDates>(roles: readonly T[]): T[] {
  const key = (role: T) => role.from ?? role.as_of ?? role.until;
  return roles
    .map((role, index) => ({ role, index, date: key(role) }))
    .sort((a, b) => {
      if (a.date === undefined || b.date === undefined) {
        return a.date === b.date ? a.index - b.index : a.date === undefined ? 1 : -1;
      }
      const order = dateSortKey(a.date).localeCompare(dateSortKey(b.date));
      return order !== 0 ? order : a.index - b.index;
    })
    .map(({ role }) => role);
}

/**
 * An office as one line of text, the way each language writes it: the organisation before the
 * title in Chinese (中华人民共和国国务院总理), after it in English (Premier, State Council of the
 * People's Republic of China). Without an organisation, the title alone.
 */
export function formatRoleTitle(title: string, organisation: string | undefined, lang: Lang): string {
  if (organisation === undefined) return title;
  return lang === 'zh' ? `${organisation}${title}` : `${title}, ${organisation}`;
}
