import { classifyChrome, isProse } from './chrome-patterns.ts';
import {
  BYLINE,
  HEADING_START,
  NEWS_MARKER,
  OFFICE_AND_NAME,
  SALUTATION,
  toAsciiDigits,
  WIRE_DATELINE,
} from './text-patterns.ts';

/** The title block of a text. */
export interface TitleInfo {
  title: string;
  subtitle?: string;
  /** The meeting named by "在…上的讲话". */
  meeting?: string;
  /** How the title was found, for the editor: header, dash line, page title, composed or first line. */
  basis: 'dash-line' | 'header' | 'page-title' | 'composed' | 'first-line';
  /** The page's own title line above the text (often longer and site-flavoured), when there is one. */
  pageTitle?: string;
  /** Paragraph indexes that belong to the title block and leave the body (a lone title line). */
  dropFromBody: number[];
  /** How many paragraphs at the top form the text's header (title, subtitle, speaker, date). */
  headerLength: number;
  warnings: string[];
}

const DASH_LINE = /^[—─－–-]{1,3}\s*(.+)$/;
const MEETING =
  /^在(.+?)(?:上|上面)?的(?:讲话|講話|发言|發言|报告|報告|致辞|致辭|总结讲话|總結講話|主持词|主持詞|动员讲话|動員講話)/;

/** Collapses spaces; a title keeps single spaces between its phrases. */
const tidy = (line: string): string => line.replace(/\s+/g, ' ').trim();

/** True for a line that is a date, or a person's name, rather than a title. */
export function isDateLine(text: string): boolean {
  const line = toAsciiDigits(text);
  return /^[（(]?\s*(?:\d{4}\s*[年.\-/]?\s*\d{1,2}\s*[月.\-/]?\s*\d{1,2}\s*日?|\d{4}\s*年\s*\d{1,2}\s*月|[〇○零一二三四五六七八九十]{4}年[一二三四五六七八九十]{1,3}月(?:[一二三四五六七八九十]{1,3}日)?|\d{6,8})\s*[）)]?$/.test(
    line,
  );
}

/** A line that holds only a person's name (2–4 Han characters, maybe spaced), or name and office. */
export function isNameLine(line: string): boolean {
  const compact = line.replace(/\s/g, '');
  return /^\p{Script=Han}{2,4}$/u.test(compact) && line.length <= 9 && !/[会議议讲話话报報告]/.test(compact);
}

/**
 * Strips what a site adds to a page title: its own name ("标题_某某网", "标题 - 某某网") and
 * notes on the page ("（中英文对照）", "（全文）", "【集团要闻】").
 */
function stripSiteSuffix(line: string): string {
  return tidy(
    line
      .replace(/\s*(?:[_|｜]|\s-\s|\s—\s).{1,20}(?:网|網|站|报|報|门户|首页)$/, '')
      .replace(
        /[（(【\[](?:中英文?对照|中英文?對照|双语|雙語|全文|附全文|图文|圖文|最新版?|附下载|附下載|完整版)[）)】\]]\s*$/,
        '',
      )
      // A column name before the title: 【集团要闻】, 【图文】.
      .replace(/^[【\[][^】\]]{1,8}[】\]]\s*/, '')
      // A collection's label for a congress after the title: 把…推向二十一世纪 (十五大).
      .replace(/\s*[（(](?:党的)?(?:二十|十)?[一二三四五六七八九十]?大[）)]$/, '')
      // A page title repeated after an underscore: 标题_标题.
      .replace(/^(.{6,60})_\1$/, '$1'),
  );
}

/**
 * Splits a header that lost its line breaks: a headline run into its news lead
 * (`集團召開2022年終總結大會2023年1月13日,集團…`) or a title run into its salutation
 * (`…政府工作报告(2022年政府工作报告)各位代表:现在,…`). Only the first paragraph is read.
 */
export function splitGluedHeader(paragraphs: readonly string[]): string[] {
  const first = paragraphs[0];
  if (first === undefined || first.length < 40) return [...paragraphs];
  const salutation =
    /^([^。！？，,；;:：]{6,80}?(?:报告|報告|讲话|講話|发言|發言|致辞|致辭)(?:[（(][^）)]{2,20}[）)])?)\s*((?:各位代表|各位委员|各位委員|同志们|同志們|各位来宾|各位來賓)[:：！!，,])\s*(.+)$/.exec(
      first,
    );
  if (salutation) return [salutation[1]!, salutation[2]!, salutation[3]!, ...paragraphs.slice(1)];
  const lead =
    /^([^。！？，,；;:：\d]{2,30}(?:召开|召開|举行|舉行|举办|舉辦|开幕|開幕|闭幕|閉幕)[^。！？，,；;:：]{2,30}?)((?:19|20)\d\d年\d{1,2}月\d{1,2}日[，,].+)$/.exec(
      first,
    );
  if (lead) return [lead[1]!, lead[2]!, ...paragraphs.slice(1)];
  return [...paragraphs];
}

/** A news headline's last line naming who attended: 姚高员金志出席, 张三陪同. */
const isAttendanceLine = (line: string): boolean =>
  /^[\p{Script=Han}、，,\s]{2,16}(?:出席|参加|陪同|出席会议)$/u.test(line);

/** A header line that is not the title: a byline, a wire-service line, an office and a name. */
function isHeaderNote(line: string): boolean {
  return (
    BYLINE.test(line) || WIRE_DATELINE.test(line) || OFFICE_AND_NAME.test(line) || classifyChrome(line) !== undefined
  );
}

const parseDateLike = (text: string): string | undefined =>
  /\d{4}\s*年\s*\d{1,2}\s*月/.test(toAsciiDigits(text)) ? text : undefined;

/** The last line above the text that can be a page title (not chrome, not a menu item). */
function findPageTitle(above: readonly string[]): string | undefined {
  for (let i = above.length - 1; i >= 0; i -= 1) {
    const line = above[i]!;
    // Chrome, bylines, dates, menu items and lines of Latin letters only are passed over.
    if (classifyChrome(line) !== undefined || isHeaderNote(line) || isDateLine(line) || line.length < 6) continue;
    if (!/\p{Script=Han}/u.test(line) || isAttendanceLine(line)) continue;
    if (line.length <= 80 && !/[。！？]$/.test(line)) return stripSiteSuffix(line);
    return undefined;
  }
  return undefined;
}

/**
 * Composes a headline for a news report that has none, from its first sentence: the news
 * marker and the time are dropped, and so is the place (`X在Y召开Z` → `X召开Z`).
 */
export function composeNewsTitle(first: string): string | undefined {
  const sentence = first.replace(NEWS_MARKER, '').split(/[。！？；]/)[0] ?? '';
  const withoutTime = sentence
    .replace(/^(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[上下]午|晚上?|早上?)?(?:\d{1,2}[点點時时](?:\d{1,2}分)?)?[，,]?/, '')
    .replace(/^(?:[今昨前]天|近日|日前|近期)[，,]?/, '');
  const clause = withoutTime.split(/[，,]/)[0] ?? '';
  const title = clause.replace(/在[^在]{2,30}?(?=召开|召開|举行|舉行|举办|舉辦|开幕|開幕|闭幕|閉幕)/, '');
  return title.length >= 8 && title.length <= 60 ? title : undefined;
}

/**
 * Finds the title, subtitle and meeting of a text. The header block above the text's first
 * sentence is read first: a "——在…上的讲话" line is the title and the lines above it the
 * subtitle (the 真抓实干 攻坚克难 line); a lone line there is the title. Otherwise the page's
 * title line, then a headline composed from a news report's first sentence, then the first line.
 */
export function extractTitle(paragraphs: readonly string[], above: readonly string[]): TitleInfo {
  // A title may have commas (高举…旗帜，把…推向二十一世纪): only a line that ends a sentence, or a
  // long one, starts the text.
  const startsText = (p: string): boolean =>
    (isProse(p) && (/[。！？!?；;…：:]/.test(p) || p.length > 80)) || SALUTATION.test(p);
  const headerLength = Math.max(0, paragraphs.findIndex(startsText));
  const header = paragraphs.slice(0, headerLength);
  const pageTitle = findPageTitle(above);
  const warnings: string[] = [];
  // ——2019年1月15日在某市第十六届人民代表大会第四次会议上: the meeting, without the date.
  const dashMeeting = header
    .map((line) => /^[—─－–-]{1,3}\s*(?:[^在]{0,16}日)?在(.{4,60}?)上(?:的.{0,6})?$/.exec(toAsciiDigits(line))?.[1])
    .find((meeting) => meeting !== undefined);
  const withMeeting = (info: Omit<TitleInfo, 'meeting' | 'pageTitle' | 'headerLength' | 'warnings'>): TitleInfo => {
    const meeting = MEETING.exec(info.title)?.[1] ?? dashMeeting;
    return { ...info, headerLength, warnings, ...(pageTitle ? { pageTitle } : {}), ...(meeting ? { meeting } : {}) };
  };

  const dash = header.findIndex((line) => DASH_LINE.test(line) && MEETING.test(DASH_LINE.exec(line)![1]!));
  if (dash !== -1) {
    const title = tidy(DASH_LINE.exec(header[dash]!)![1]!);
    const labelled = header.slice(0, dash).findIndex((line) => stripSiteSuffix(line) !== tidy(line));
    const subtitleLines =
      labelled === -1
        ? header.slice(0, dash).filter((line) => !isDateLine(line) && !isNameLine(line))
        : [header[labelled]!];
    return withMeeting({
      title,
      ...(subtitleLines.length > 0 ? { subtitle: subtitleLines.map(stripSiteSuffix).join(' / ') } : {}),
      basis: 'dash-line',
      // A collection's page title over the text (…胜利 (十九大)) is not the text's own line, nor
      // are the lines a page shows it in again under it (决胜全面建成小康社会 / 为夺取…).
      dropFromBody: labelled === -1 ? [] : header.flatMap((_, i) => (i >= labelled && i < dash ? [i] : [])),
    });
  }
  // Chapter headings (第一章 总则), addressees (各市属企业：) and a ——2019年1月15日在…会议上
  // line (which gives the meeting and its date) are not titles.
  const isTitleLine = (line: string): boolean =>
    /\p{Script=Han}/u.test(line) &&
    !isAttendanceLine(line) &&
    !isDateLine(line) &&
    !isNameLine(line) &&
    !HEADING_START.test(line) &&
    !SALUTATION.test(line) &&
    !DASH_LINE.test(line) &&
    !isHeaderNote(line);
  const at = header.findIndex(isTitleLine);
  if (at !== -1) {
    // The header is the title block (title, date, speaker, byline): it leaves the body.
    const next = header[at + 1];
    const subtitle =
      next !== undefined &&
      DASH_LINE.test(next) &&
      !/在.{2,60}上/.test(next) &&
      !isDateLine(next.replace(DASH_LINE, '$1'))
        ? tidy(DASH_LINE.exec(next)![1]!)
        : undefined;
    // A title broken after 的 (`在…揭牌仪式上的` / `讲话`) is joined again.
    const broken = /[的之和与及、]$/.test(header[at]!) && next !== undefined && next.length <= 6 && !isNameLine(next);
    return withMeeting({
      title: stripSiteSuffix(broken ? `${header[at]!}${next}` : header[at]!),
      ...(subtitle && parseDateLike(subtitle) === undefined ? { subtitle } : {}),
      basis: 'header',
      dropFromBody: header.flatMap((line, i) => (HEADING_START.test(line) || /^目\s*录$/.test(line) ? [] : [i])),
    });
  }
  // Bylines and notes above the text leave the body even when the title is found elsewhere.
  const notes = header.flatMap((line, i) => (isHeaderNote(line) ? [i] : []));
  if (pageTitle) return withMeeting({ title: pageTitle, basis: 'page-title', dropFromBody: notes });
  const first = paragraphs.find((_, i) => !notes.includes(i)) ?? '';
  const composed = NEWS_MARKER.test(first) ? composeNewsTitle(first) : undefined;
  if (composed) {
    warnings.push(`the page has no title: "${composed}" was composed from the first sentence; check it`);
    return withMeeting({ title: composed, basis: 'composed', dropFromBody: notes });
  }
  const line = tidy(first.split(/[。！？]/)[0] ?? first).slice(0, 40);
  warnings.push(`no title found: the first words "${line}" stand in for one; write a title`);
  return withMeeting({ title: line || '（无标题）', basis: 'first-line', dropFromBody: notes });
}
