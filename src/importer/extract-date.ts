import { explainPartialDate } from '../schema/common.ts';
import { toSimplified } from '../lib/script-convert.ts';
import { isDateLine } from './extract-title.ts';
import { NEWS_MARKER, SALUTATION, toAsciiDigits } from './text-patterns.ts';

/** A note in both languages, written by the importer (not a translation of the source). */
export interface Note {
  zh: string;
  en: string;
}

/** The dates of a text, told apart. */
export interface DateInfo {
  /** The date of the meeting or speech: YYYY, YYYY-MM or YYYY-MM-DD; absent when nothing supports one. */
  date?: string;
  precision?: 'day' | 'month' | 'year';
  basis?: 'stated' | 'inferred';
  /** The words of the text (or page) the date was read from, quoted. */
  evidence?: string;
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
export function parseDate(raw: string): string | undefined {
  // Full-width digits, and digits set apart by spaces (1 9 9 8 年3 月5 日), read as plain ones.
  const text = toAsciiDigits(raw).replace(/(?<=\d)\s+(?=[\d年月日])/g, '');
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

/** The opening days of the National Congresses of the Communist Party of China, 8th to 20th. */
const PARTY_CONGRESSES: Record<number, string> = {
  8: '1956-09-15',
  9: '1969-04-01',
  10: '1973-08-24',
  11: '1977-08-12',
  12: '1982-09-01',
  13: '1987-10-25',
  14: '1992-10-12',
  15: '1997-09-12',
  16: '2002-11-08',
  17: '2007-10-15',
  18: '2012-11-08',
  19: '2017-10-18',
  20: '2022-10-16',
};

const CN_ORDINAL = (n: number): string =>
  n <= 10
    ? '一二三四五六七八九十'[n - 1]!
    : n < 20
      ? `十${n === 10 ? '' : ('一二三四五六七八九'[n - 11] ?? '')}`
      : `二十${n === 20 ? '' : ('一二三四五六七八九'[n - 21] ?? '')}`;

/** A Party Congress a text is the report to, read from its title or opening, with the words that say so. */
export function findPartyCongress(
  header: readonly string[],
  opening: readonly string[],
): { number: number; evidence: string; meeting: string } | undefined {
  const found = (number: number, evidence: string) =>
    PARTY_CONGRESSES[number] === undefined
      ? undefined
      : { number, evidence, meeting: `中国共产党第${CN_ORDINAL(number)}次全国代表大会` };
  for (const line of header) {
    const named = /第((?:二十|十)?[一二三四五六七八九十]?)次全国代表大会/.exec(line);
    if (named?.[1]) return found(chineseNumber(named[1]), named[0]);
    const label = /[（(](?:党的)?((?:二十|十)?[一二三四五六七八九十]?)大[）)]$/.exec(line);
    if (label?.[1]) return found(chineseNumber(label[1]), label[0]);
  }
  for (const paragraph of opening) {
    const outgoing =
      /(?:我代表|我受)第?((?:二十|十)?[一二三四五六七八九十]?)届中央委员会(?:委托)?[，,]?向大会作报告/.exec(paragraph);
    if (outgoing?.[1]) return found(chineseNumber(outgoing[1]) + 1, outgoing[0]);
  }
  return undefined;
}

const stated = (date: string, evidence: string) => ({
  date,
  precision: (date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year') as 'day' | 'month' | 'year',
  basis: 'stated' as const,
  evidence,
});

// A meeting's date in a news lead: 2023年1月29日，集团召开…; 2019年7月12日至14日，公司在…召开.
const LEAD_MEETING_DATE =
  /((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:[上下]午|晚上?|早上)?(?:至\d{1,2}日)?[，,]?[^。！？]{0,30}?(?:召开|召開|举行|舉行|举办|舉辦|开幕|開幕|闭幕|閉幕|主持|出席|在)/;

// A year stated in a speech's or report's title: 在2025年…会议上的讲话, 2019年…政府工作报告.
const TITLE_YEAR = [
  /在[^。！？，,]{0,16}?((?:19|20)\d\d)年[^。！？]{0,40}?(?:会|會)[^。！？]{0,10}?上/,
  /((?:19|20)\d\d)年?[^。！？，,]{0,24}?(?:政府工作报告|政府工作報告)/,
];

/**
 * Tells apart the date of the meeting or speech, the page's publication date and its upload
 * date. The date is read where a text states it: its header's date line (`——1997年3月1日在…上`,
 * `（2017年10月18日）`, in any digits), the date under its signature, its news lead
 * (`2023年1月29日，集团召开…`), or the year its title gives (`在2025年…会议上的讲话`). Failing
 * those, it is inferred only from evidence the note quotes: the Party Congress the report is
 * to, a day and month with the page's publication year, an event the text looks ahead to. With no
 * such evidence the draft has no date, and says so: a date is never made up.
 */
export function extractDates(input: {
  header: readonly string[];
  paragraphs: readonly string[];
  pageLines: readonly string[];
  /** The title (and the page's title): a year stated there counts for a speech or a report. */
  titles?: readonly string[];
  /** The type of the text, when known: only a speech's or a report's title dates it. */
  type?: string;
}): DateInfo {
  const { published, uploaded } = findPageDates(input.pageLines.map(toAsciiDigits));
  const pageDates = { ...(published ? { published } : {}), ...(uploaded ? { uploaded } : {}) };
  const warnings: string[] = [];
  const header = input.header.map(toAsciiDigits);
  const paragraphs = input.paragraphs.map(toAsciiDigits);
  const body = toSimplified(paragraphs.slice(header.length).join('\n'));
  const withPublication = (info: DateInfo): DateInfo => {
    if (info.published || !info.date || info.date.length !== 10) return info;
    // 新华社北京5月29日电 over a report delivered on 22 May: the wire published it a week later.
    const wire = paragraphs
      .slice(0, header.length + 2)
      .map((p) => /(?:新华社|新華社|中新社)[^，,。\s]{0,10}?(\d{1,2})月(\d{1,2})日(?:电|電)/.exec(p))
      .find(Boolean);
    if (!wire) return info;
    const day = iso(info.date.slice(0, 4), wire[1]!, wire[2]!);
    return isReal(day) && day >= info.date ? { ...info, published: day } : info;
  };
  const done = (info: Omit<DateInfo, 'warnings'>): DateInfo => withPublication({ ...info, ...pageDates, warnings });

  for (const [h, line] of header.entries()) {
    const quoted = input.header[h]!.trim();
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
        return done({
          date,
          precision: 'day',
          basis: 'inferred',
          note,
          evidence: quoted,
          defect: { text: compact, note },
        });
      }
      if (readings.length > 1) {
        warnings.push(
          `the date line "${compact}" has lost its separators and reads several ways (${readings.join(', ')}): only the year is kept`,
        );
        const note = {
          zh: `原文日期行作“${compact}”，可读作${readings.join('或')}，只取年份。`,
          en: `The date line reads "${compact}", which can be ${readings.join(' or ')}; only the year is kept.`,
        };
        return done({
          date: compact.slice(0, 4),
          precision: 'year',
          basis: 'inferred',
          note,
          evidence: quoted,
          defect: { text: compact, note },
        });
      }
    }
    const compactDate = /^(\d{4})(\d{2})(\d{2})$/.exec(compact);
    if (compactDate && isReal(iso(compactDate[1]!, compactDate[2]!, compactDate[3]!))) {
      return done(stated(iso(compactDate[1]!, compactDate[2]!, compactDate[3]!), quoted));
    }
    // ——2019年1月15日在…会议上: the date the text was delivered, in its meeting line.
    const dashDate = /^[—─－–-]{1,3}/.test(line) ? parseDate(line.slice(0, 20)) : undefined;
    if (dashDate) return done(stated(dashDate, quoted));
    const date = parseDate(line);
    // A date line, maybe with the weekday and the byline after it: 2020年6月30日 星期二 記者 陳大文.
    if (
      date &&
      (line.replace(/[\s（()）]/g, '').length <= 16 || /^[（(]?\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})/.test(line))
    ) {
      return done(stated(date, quoted));
    }
  }

  // A law or regulation is dated by its adoption: （2008年10月28日第十一届…会议通过）.
  for (const line of [...header, ...paragraphs.slice(header.length, header.length + 5)]) {
    const adopted =
      /[（(]\s*((?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年[^）)]{1,8}日)[^）)]{0,60}?(?:通过|通過|公布|发布|發布|修订|修訂|修正)[）)]/.exec(
        line,
      );
    const date = adopted ? parseDate(adopted[1]!) : undefined;
    if (date) return done(stated(date, adopted![0]));
  }

  // Notices and letters are dated at their foot, under the signature (maybe on its line).
  for (const line of paragraphs.slice(-3).reverse()) {
    const signed =
      /^[^。！？，,；;]{0,30}?((?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年[^。！？，,]{1,8}日)[）)]?$/.exec(line);
    const date = isDateLine(line) ? parseDate(line) : signed ? parseDate(signed[1]!) : undefined;
    if (date) return done(stated(date, line));
  }
  const openingIndex = paragraphs.slice(header.length).findIndex((p) => !SALUTATION.test(p));
  const opening = openingIndex === -1 ? '' : paragraphs[header.length + openingIndex]!;
  const first = toSimplified(opening).replace(NEWS_MARKER, '');
  const dated = parseDate(first.slice(0, 40));
  if (dated && first.slice(0, 40).search(/\d{4}\s*年/) <= 12) return done(stated(dated, first.slice(0, 40)));
  const firstSentence = first.split(/[。！？]/)[0] ?? '';
  const lead = LEAD_MEETING_DATE.exec(firstSentence);
  if (lead) {
    const date = iso(lead[1]!, lead[2]!, lead[3]!);
    if (isReal(date)) return done(stated(date, lead[0]));
  }
  const redactedYear = /^(?:[^，。]{0,6}?)((?:19|20)\d\d)年[XＸx×*＊○]{1,2}月/.exec(first);
  if (redactedYear) return done(stated(redactedYear[1]!, redactedYear[0]));

  if (input.type === 'speech' || input.type === 'report') {
    for (const title of input.titles ?? []) {
      const year = TITLE_YEAR.map((pattern) => pattern.exec(toAsciiDigits(title))).find(Boolean);
      if (year) return done(stated(year[1]!, title));
    }
  }

  const congress = findPartyCongress(input.header, input.paragraphs.slice(header.length, header.length + 4));
  if (congress) {
    const date = PARTY_CONGRESSES[congress.number]!;
    warnings.push(
      `the text gives no date: ${date} is the opening day of the Party Congress it names ("${congress.evidence}"); check it`,
    );
    return done({
      date,
      precision: 'day',
      basis: 'inferred',
      evidence: congress.evidence,
      note: {
        zh: `原文未载日期；文中“${congress.evidence}”表明这是向${congress.meeting}所作的报告，该大会于${date.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}开幕，报告在开幕当天作出。`,
        en: `The text gives no date; "${congress.evidence}" shows it is the report to the ${ordinal(congress.number)} National Congress of the Communist Party of China, which opened on ${en(date)}, the day such a report is delivered.`,
      },
    });
  }

  // 新华社北京3月5日电 keeps its date inside the news marker.
  const monthDay =
    /^(?:[^，。]{0,12}?)(\d{1,2})月(\d{1,2})日/.exec(first) ??
    /^[^，。]{0,16}?(\d{1,2})月(\d{1,2})日[电電]/.exec(toSimplified(opening));
  const clue = YEAR_CLUES.find((c) => c.pattern.test(body));
  if (monthDay) {
    // A report dated 3月12日 and published on 2019-03-13 is of 2019, one dated 12月25日 and
    // published on 2018-01-03 of 2017 (a page is published within months); else an event clue decides.
    const pubYear = published ? Number(published.slice(0, 4)) : undefined;
    const sameYear = pubYear !== undefined ? iso(pubYear, monthDay[1]!, monthDay[2]!) : undefined;
    const monthsBefore = published ? (Number(published.slice(5, 7)) - Number(monthDay[1]) + 12) % 12 : undefined;
    const fromPage = pubYear !== undefined && monthsBefore !== undefined && monthsBefore <= 3;
    const year = fromPage ? (sameYear! <= published! ? pubYear : pubYear - 1) : clue?.year;
    const date = year === undefined ? undefined : iso(year, monthDay[1]!, monthDay[2]!);
    if (date && isReal(date)) {
      const reason = fromPage
        ? { zh: `网页发布于${published}`, en: `the page was published on ${published}` }
        : { zh: clue!.zh, en: clue!.en };
      warnings.push(
        `the text gives ${monthDay[1]}月${monthDay[2]}日 without a year: ${year} is inferred (${reason.en}); check it`,
      );
      return done({
        date,
        precision: 'day',
        basis: 'inferred',
        evidence: monthDay[0],
        note: {
          zh: `原文只写“${monthDay[1]}月${monthDay[2]}日”，未写年份；${reason.zh}，故推定为${year}年。`,
          en: `The text gives only the day and month (${en(date).replace(/ \d{4}$/, '')}); the year is inferred: ${reason.en}.`,
        },
      });
    }
  }
  if (clue) {
    warnings.push(`no date in the text: the year ${clue.year} is inferred (${clue.en}); check it`);
    return done({
      date: String(clue.year),
      precision: 'year',
      basis: 'inferred',
      evidence: clue.pattern.exec(body)?.[0],
      note: { zh: `原文未载日期；${clue.zh}。`, en: clue.en },
    });
  }
  warnings.push(
    `no date: neither the text nor the page states one, and nothing in it tells the year, so the draft has none; set date, date_precision and date_basis by hand (the checker will not publish a document without a date)`,
  );
  return { ...pageDates, warnings };
}
