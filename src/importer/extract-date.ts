import { explainPartialDate } from '../schema/common.ts';
import { toSimplified } from '../lib/script-convert.ts';
import { isDateLine } from './extract-title.ts';
import { NEWS_MARKER, SALUTATION } from './text-patterns.ts';

/** A note in both languages, written by the importer (not a translation of the source). */
export interface Note {
  zh: string;
  en: string;
}

/** The dates of a text, told apart. */
export interface DateInfo {
  /** The date of the meeting or speech: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  precision: 'day' | 'month' | 'year';
  basis: 'stated' | 'inferred';
  /** Why an inferred date is what it is. */
  note?: Note;
  /** When the source published the text. */
  published?: string;
  /** When the text was uploaded to the site, when that is what the page gives. */
  uploaded?: string;
  /** A damaged date kept in the body, for source.defects. */
  defect?: { text: string; note: Note };
  warnings: string[];
}

const pad = (n: number | string): string => String(n).padStart(2, '0');
const iso = (y: number | string, m?: number | string, d?: number | string): string =>
  [String(y), ...(m === undefined ? [] : [pad(m)]), ...(d === undefined ? [] : [pad(d)])].join('-');
const isReal = (date: string): boolean => explainPartialDate(date) === undefined;

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  '○': 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 二〇一四 → 2014; 十四 → 14; 二十三 → 23. */
export function chineseNumber(text: string): number {
  if (!text.includes('十')) return Number([...text].map((c) => CN_DIGITS[c] ?? '').join(''));
  const [tens, ones] = text.split('十') as [string, string];
  return (tens === '' ? 1 : (CN_DIGITS[tens] ?? 0)) * 10 + (ones === '' ? 0 : (CN_DIGITS[ones] ?? 0));
}

/** A date written out in a line: 2014年4月14日, 2014-4-16, 2014.04.14, 二〇一四年四月十四日. */
export function parseDate(text: string): string | undefined {
  const arabic = /(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*(?:[月\-/.]\s*(\d{1,2})\s*日?)?/.exec(text);
  if (arabic) {
    const date = arabic[3] === undefined ? iso(arabic[1]!, arabic[2]!) : iso(arabic[1]!, arabic[2]!, arabic[3]);
    return isReal(date) ? date : undefined;
  }
  const chinese =
    /([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})日)?/.exec(text);
  if (chinese) {
    const [y, m, d] = [chineseNumber(chinese[1]!), chineseNumber(chinese[2]!), chinese[3] && chineseNumber(chinese[3])];
    const date = d ? iso(y, m, d) : iso(y, m);
    return isReal(date) ? date : undefined;
  }
  return undefined;
}

/**
 * Reads a date whose separators were lost (`2014414`): every split into year, month and day
 * that makes a real date no later than `notAfter`. One reading is a date; several are doubt.
 */
export function readRunTogetherDate(digits: string, notAfter?: string): string[] {
  if (!/^\d{6,8}$/.test(digits)) return [];
  const year = digits.slice(0, 4);
  const rest = digits.slice(4);
  const readings = new Set<string>();
  for (let cut = 1; cut < rest.length; cut += 1) {
    const [m, d] = [rest.slice(0, cut), rest.slice(cut)];
    if (m.length > 2 || d.length > 2) continue;
    const date = iso(year, Number(m), Number(d));
    if (isReal(date) && (notAfter === undefined || date <= notAfter)) readings.add(date);
  }
  return [...readings];
}

/** A content clue that pins a year, with its evidence. Matched on simplified text. */
interface YearClue {
  pattern: RegExp;
  year: number;
  zh: string;
  en: string;
}

const ordinal = (n: number): string =>
  `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

// Party congresses a text "looks ahead to" (迎接…胜利召开): the year it was held.
const CONGRESSES: [name: string, number: number, year: number, month: string][] = [
  ['十六大', 16, 2002, 'November'],
  ['十七大', 17, 2007, 'October'],
  ['十八大', 18, 2012, 'November'],
  ['十九大', 19, 2017, 'October'],
  ['二十大', 20, 2022, 'October'],
];

// Five-Year Plans: a text calling the year the first or the last of one dates itself.
const PLANS: [name: string, number: number, first: number][] = [
  ['十五', 10, 2001],
  ['十一五', 11, 2006],
  ['十二五', 12, 2011],
  ['十三五', 13, 2016],
  ['十四五', 14, 2021],
];

const YEAR_CLUES: YearClue[] = [
  ...CONGRESSES.map(([name, number, year, month]) => ({
    pattern: new RegExp(`迎接(?:党的)?${name}|(?<!二)${name}的?胜利召开`),
    year,
    zh: `文中说迎接党的${name}（${year}年召开）`,
    en: `the text looks ahead to the ${ordinal(number)} Party Congress (${month} ${year})`,
  })),
  ...PLANS.flatMap(([name, number, first]) => [
    {
      pattern: new RegExp(`[“"]?(?<![一二三四五六七八九十])${name}[”"]?(?:计划|规划)?的?(?:最后一年|收官之年)`),
      year: first + 4,
      zh: `文中称当年是“${name}”的最后一年`,
      en: `the text calls the year the last of the ${ordinal(number)} Five-Year Plan (${first}–${String(first + 4).slice(2)})`,
    },
    {
      pattern: new RegExp(`[“"]?(?<![一二三四五六七八九十])${name}[”"]?(?:计划|规划)?的?(?:开局之年|第一年)`),
      year: first,
      zh: `文中称当年是“${name}”的开局之年`,
      en: `the text calls the year the first of the ${ordinal(number)} Five-Year Plan (${first}–${String(first + 4).slice(2)})`,
    },
  ]),
];

/** The years a text mentions (1949–2099), e.g. 2011年, 2011、2012年. */
export function listMentionedYears(text: string): number[] {
  const years = [...text.matchAll(/(?<!\d)((?:19[5-9]|20\d)\d)(?=\s*(?:年|、(?:19|20)\d\d年|—|-|至))/g)].map((m) =>
    Number(m[1]),
  );
  return [...new Set(years)].sort((a, b) => a - b);
}

/** Publication and upload dates from the page's meta lines (above or below the text). */
export function findPageDates(lines: readonly string[]): { published?: string; uploaded?: string } {
  const userUpload = lines.some((line) => /网友上传|網友上傳|用户上传|用戶上傳/.test(line));
  const out: { published?: string; uploaded?: string } = {};
  for (const line of lines) {
    const simplified = toSimplified(line);
    const labelled =
      /(发布|发表|上传|更新|时间|日期)(?:人[^:：]*)?(?:时间|日期)?\s*[:：]\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})/.exec(
        simplified,
      ) ??
      // A page's date-and-time line without a label: "2016-03-06 08:12:03 来源：新华网".
      /^()(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s+\d{1,2}:\d{2}/.exec(simplified);
    if (!labelled) continue;
    const date = parseDate(labelled[2]!);
    if (!date) continue;
    const upload = labelled[1] === '上传' || (userUpload && !/发布|发表/.test(labelled[1] ?? ''));
    if (upload) out.uploaded ??= date;
    else out.published ??= date;
  }
  return out;
}

const en = (date: string): string => {
  const [y, m, d] = date.split('-');
  const month = m
    ? new Date(Date.UTC(2000, Number(m) - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })
    : '';
  return [d ? String(Number(d)) : '', month, y].filter(Boolean).join(' ');
};

/**
 * Tells apart the date of the meeting or speech (from the header's date line, a news report's
 * opening 8月4日, or a dated first sentence), the page's publication date and its upload date.
 * A run-together `2014414` is read with a warning; a year known only from the content is
 * `inferred` with its reason; with no date at all the publication date stands in, flagged.
 */
export function extractDates(input: {
  header: readonly string[];
  paragraphs: readonly string[];
  pageLines: readonly string[];
  /** Today, YYYY-MM-DD: the last resort, always flagged. */
  today: string;
}): DateInfo {
  const { published, uploaded } = findPageDates(input.pageLines);
  const pageDates = { ...(published ? { published } : {}), ...(uploaded ? { uploaded } : {}) };
  const warnings: string[] = [];
  const body = toSimplified(input.paragraphs.slice(input.header.length).join('\n'));

  for (const line of input.header) {
    const compact = line.replace(/[（()）\s]/g, '');
    if (/^\d{6,7}$/.test(compact)) {
      const readings = readRunTogetherDate(compact, published ?? uploaded);
      if (readings.length === 1) {
        const date = readings[0]!;
        warnings.push(`the date line reads "${compact}" with its separators lost: read as ${date}; check it`);
        const note = {
          zh: `原文日期行作“${compact}”，年月日之间的分隔符丢失，读作${date.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}。`,
          en: `The date line reads "${compact}": the separators between year, month and day are lost; read as ${en(date)}.`,
        };
        return {
          date,
          precision: 'day',
          basis: 'inferred',
          note,
          defect: { text: compact, note },
          ...pageDates,
          warnings,
        };
      }
      if (readings.length > 1) {
        warnings.push(
          `the date line "${compact}" has lost its separators and reads several ways (${readings.join(', ')}): only the year is kept`,
        );
        const note = {
          zh: `原文日期行作“${compact}”，可读作${readings.join('或')}，只取年份。`,
          en: `The date line reads "${compact}", which can be ${readings.join(' or ')}; only the year is kept.`,
        };
        return {
          date: compact.slice(0, 4),
          precision: 'year',
          basis: 'inferred',
          note,
          defect: { text: compact, note },
          ...pageDates,
          warnings,
        };
      }
    }
    const compactDate = /^(\d{4})(\d{2})(\d{2})$/.exec(compact);
    if (compactDate && isReal(iso(compactDate[1]!, compactDate[2]!, compactDate[3]!))) {
      const date = iso(compactDate[1]!, compactDate[2]!, compactDate[3]!);
      return { date, precision: 'day', basis: 'stated', ...pageDates, warnings };
    }
    // ——2019年1月15日在…会议上: the date the text was delivered, in its meeting line.
    const dashDate = /^[—─－–-]{1,3}/.test(line) ? parseDate(line.slice(0, 20)) : undefined;
    if (dashDate)
      return {
        date: dashDate,
        precision: dashDate.length === 10 ? 'day' : 'month',
        basis: 'stated',
        ...pageDates,
        warnings,
      };
    const date = parseDate(line);
    // A date line, maybe with the weekday and the byline after it: 2020年6月30日 星期二 記者 陳大文.
    if (
      date &&
      (line.replace(/[\s（()）]/g, '').length <= 16 || /^[（(]?\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})/.test(line))
    ) {
      return { date, precision: date.length === 10 ? 'day' : 'month', basis: 'stated', ...pageDates, warnings };
    }
  }

  // Notices and letters are dated at their foot, under the signature.
  for (const line of input.paragraphs.slice(-3)) {
    const date = isDateLine(line) ? parseDate(line) : undefined;
    if (date) return { date, precision: date.length === 10 ? 'day' : 'month', basis: 'stated', ...pageDates, warnings };
  }
  const opening = input.paragraphs.slice(input.header.length).find((p) => !SALUTATION.test(p)) ?? '';
  const first = toSimplified(opening).replace(NEWS_MARKER, '');
  const dated = parseDate(first.slice(0, 40));
  if (dated && first.slice(0, 40).search(/\d{4}\s*年/) <= 12) {
    return { date: dated, precision: dated.length === 10 ? 'day' : 'month', basis: 'stated', ...pageDates, warnings };
  }
  // 新华社北京3月5日电 keeps its date inside the news marker.
  const monthDay =
    /^(?:[^，。]{0,12}?)(\d{1,2})月(\d{1,2})日/.exec(first) ??
    /^[^，。]{0,16}?(\d{1,2})月(\d{1,2})日[电電]/.exec(toSimplified(opening));
  const redactedYear = /^(?:[^，。]{0,6}?)((?:19|20)\d\d)年[XＸx×*＊○]{1,2}月/.exec(first);
  if (redactedYear) {
    return { date: redactedYear[1]!, precision: 'year', basis: 'stated', ...pageDates, warnings };
  }

  const inferred = inferYear(body, published);
  if (monthDay) {
    // A report dated 3月12日 and published on 2019-03-13 is of 2019; else the content decides.
    const fromPage = published && iso(published.slice(0, 4), monthDay[1]!, monthDay[2]!) <= published;
    const year = fromPage ? Number(published.slice(0, 4)) : inferred?.year;
    const date = year === undefined ? undefined : iso(year, monthDay[1]!, monthDay[2]!);
    if (date && isReal(date)) {
      const reason = fromPage
        ? { zh: `网页发布于${published}`, en: `the page was published on ${published}` }
        : { zh: inferred!.note.zh.replace(/。$/, ''), en: inferred!.note.en };
      warnings.push(
        `the text gives ${monthDay[1]}月${monthDay[2]}日 without a year: ${year} is inferred (${reason.en}); check it`,
      );
      return {
        date,
        precision: 'day',
        basis: 'inferred',
        note: {
          zh: `原文只写“${monthDay[1]}月${monthDay[2]}日”，未写年份；${reason.zh}，故推定为${year}年。`,
          en: `The text gives only the day and month (${en(date).replace(/ \d{4}$/, '')}); the year is inferred: ${reason.en}.`,
        },
        ...pageDates,
        warnings,
      };
    }
  }
  if (inferred) {
    warnings.push(`no date in the text: the year ${inferred.year} is inferred (${inferred.note.en}); check it`);
    return {
      date: String(inferred.year),
      precision: 'year',
      basis: 'inferred',
      note: inferred.note,
      ...pageDates,
      warnings,
    };
  }
  const fallback = published ?? uploaded;
  if (fallback) {
    const label = published ? 'publication' : 'upload';
    warnings.push(`no date in the text: the page's ${label} date ${fallback} stands in for it; check it`);
    return {
      date: fallback,
      precision: 'day',
      basis: 'inferred',
      note: {
        zh: `原文未载日期，暂以网页的${published ? '发布' : '上传'}日期代替。`,
        en: `The text gives no date; the page's ${label} date stands in for it.`,
      },
      ...pageDates,
      warnings,
    };
  }
  warnings.push(
    `no date found anywhere: the import year ${input.today.slice(0, 4)} is a placeholder; set the date by hand`,
  );
  return {
    date: input.today.slice(0, 4),
    precision: 'year',
    basis: 'inferred',
    note: {
      zh: '原文和网页均未载日期；此为导入年份，仅作占位，须人工核定。',
      en: 'Neither the text nor the page gives a date; this is the year of import, a placeholder to be replaced.',
    },
    ...pageDates,
    warnings,
  };
}

/** A year deduced from the content: an event clue, else the latest year the text mentions. */
function inferYear(body: string, published?: string): { year: number; note: Note } | undefined {
  const clue = YEAR_CLUES.find((c) => c.pattern.test(body));
  if (clue) return { year: clue.year, note: { zh: `${clue.zh}。`, en: clue.en } };
  const years = listMentionedYears(body).filter((y) => !published || y <= Number(published.slice(0, 4)));
  const latest = years.at(-1);
  if (latest !== undefined) {
    return {
      year: latest,
      note: {
        zh: `原文未载日期；文中提到的最晚年份是${latest}年，讲话应在当年或其后不久。`,
        en: `the latest year the text mentions is ${latest}, so it dates from then or soon after`,
      },
    };
  }
  if (published) {
    const year = Number(published.slice(0, 4));
    return { year, note: { zh: `原文未载年份，取网页发布年份${year}年。`, en: `the page was published in ${year}` } };
  }
  return undefined;
}
