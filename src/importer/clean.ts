import { classifyChrome, INLINE_SPAM_RUN, isProse } from './chrome-patterns.ts';
import { removeGluedPinyin } from './pinyin-glue.ts';
import { HEADING_START, OFFICE_AND_NAME, SALUTATION } from './text-patterns.ts';

/** A page split into its text and the chrome around it. */
export interface CleanedPage {
  /** The text's paragraphs (and header lines), one per entry, cleaned. */
  paragraphs: string[];
  /** Non-empty lines above the text: page title, meta lines, menus (read for metadata). */
  above: string[];
  /** Non-empty lines below the text: footers, contact blocks (read for metadata). */
  below: string[];
  /** Chrome lines removed from inside the text, e.g. injected spam. */
  removedInside: string[];
  /** English lines interleaved with a Chinese text (a parallel translation), kept out of the body. */
  englishLines: string[];
  /** How many glued pinyin syllables were removed. */
  pinyinRemoved: number;
  warnings: string[];
}

const TERMINAL = /[。！？；：…”’」』）)\]!?;:.>》]$/;

/**
 * Normalises one line: full-width and no-break spaces become spaces, runs of spaces shrink to
 * one, the ends are trimmed, and doubled punctuation (。。 ，， ；；) is halved. Question marks
 * are left alone: in a damaged page `??` is mojibake, which stays visible.
 */
export function normaliseLine(line: string): string {
  return line
    .replace(/[\u200b-\u200d\u2060\uFEFF]/g, '')
    .replace(/[\u3000\u00a0\u2002-\u200a\t]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim()
    .replace(/([。，、；：,;])\1+/g, '$1');
}

const isBlank = (line: string | undefined): boolean => line === undefined || line === '';
// A menu item is short (首页, 新闻中心, 企业改革发展); a headline's lines are longer.
const isShortNavItem = (line: string): boolean => line.length <= 9 && !/[，。；！？,;!?:：]/.test(line);

/** A line made of Latin text (an interleaved English translation), not Chinese. */
export function isEnglishLine(line: string): boolean {
  const latin = (line.match(/[A-Za-z]/g) ?? []).length;
  const han = (line.match(/\p{Script=Han}/gu) ?? []).length;
  return latin >= 12 && han <= latin / 20 && /[A-Za-z]+\s+[A-Za-z]+\s+[A-Za-z]+/.test(line);
}

/** A stretch of lines between two runs of chrome. */
interface Segment {
  start: number;
  end: number;
  /** Characters of prose in it: the text is the segment with the most. */
  prose: number;
}

/**
 * Splits the page at runs of chrome lines and returns the stretch that holds the text: the one
 * with the most prose, merged with its neighbours across runs of at most two chrome lines
 * (spam or an ad injected between paragraphs), so that a text is never cut at an ad.
 */
function findTextSegment(lines: readonly string[], chrome: readonly boolean[]): Segment | undefined {
  const segments: (Segment & { chromeBefore: number })[] = [];
  let chromeRun = 0;
  let current: (Segment & { chromeBefore: number }) | undefined;
  lines.forEach((line, i) => {
    if (chrome[i]) {
      chromeRun += 1;
      current = undefined;
      return;
    }
    if (line === '') return;
    if (!current) {
      current = { start: i, end: i, prose: 0, chromeBefore: chromeRun };
      segments.push(current);
      chromeRun = 0;
    }
    current.end = i;
    if (isProse(line)) current.prose += line.length;
  });
  const best = segments.reduce<number>((b, s, i) => (s.prose > (segments[b]?.prose ?? -1) ? i : b), 0);
  if (!segments[best] || segments[best]!.prose === 0) return undefined;
  let first = best;
  let last = best;
  while (first > 0 && segments[first]!.chromeBefore <= 2 && segments[first - 1]!.prose > 0) first -= 1;
  while (last + 1 < segments.length && segments[last + 1]!.chromeBefore <= 2 && segments[last + 1]!.prose > 0)
    last += 1;
  return { start: segments[first]!.start, end: segments[last]!.end, prose: 0 };
}

/** Where the text starts inside its segment: its first salutation or paragraph of prose. */
function findFirstTextLine(lines: readonly string[], from: number, to: number): number {
  for (let i = from; i <= to; i += 1) if (isProse(lines[i]!) || SALUTATION.test(lines[i]!)) return i;
  return from;
}

/**
 * Extends the text upwards over its own header (title, subtitle, speaker, date lines) and stops
 * at chrome or at a navigation menu (three short lines in a row with no blank between them).
 */
function extendUp(lines: readonly string[], first: number): number {
  let start = first;
  let taken = 0;
  for (let i = first - 1; i >= 0 && taken < 8; i -= 1) {
    const line = lines[i]!;
    if (isBlank(line)) continue;
    if (classifyChrome(line) !== undefined) break;
    const menuRun = [lines[i - 1], lines[i - 2]].every((l) => l !== undefined && l !== '' && isShortNavItem(l));
    if (isShortNavItem(line) && menuRun && !isContentsLine(line)) break;
    start = i;
    // A table of contents (目录, 一、…, （一）…) under the title does not count against the header.
    if (!isContentsLine(line)) taken += 1;
  }
  return start;
}

const isContentsLine = (line: string): boolean => HEADING_START.test(line) || /^目\s*录$/.test(line);

/** Extends the text downwards over closing lines (a signature, a date) until chrome. */
function extendDown(lines: readonly string[], last: number, chrome: readonly boolean[]): number {
  let end = last;
  let taken = 0;
  for (let i = last + 1; i < lines.length && taken < 4; i += 1) {
    const line = lines[i]!;
    if (isBlank(line)) continue;
    if (chrome[i] || isProse(line) || line.length > 30) break;
    end = i;
    taken += 1;
  }
  return end;
}

/** Columns a line takes on screen: Han characters and full-width forms two, the rest one. */
export function displayWidth(line: string): number {
  let columns = 0;
  for (const char of line)
    columns +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2018-\u201d\u2026\u2014]/.test(
        char,
      )
        ? 2
        : 1;
  return columns;
}

/**
 * The width (in columns) at which a page was hard-wrapped, or undefined when it was not. A
 * wrapped page has many long lines that stop mid-sentence at about the same width; paragraphs
 * of an unwrapped page end with punctuation. At least three such lines within three columns
 * are needed. Columns, not characters: a wrapped line with digits holds more characters.
 */
// The columns a paragraph's indent took before the line was trimmed (two full-width spaces).
const INDENT = 4;

export function findWrapWidth(lines: readonly string[], indented: readonly boolean[] = []): number | undefined {
  const widths = lines.flatMap((line, i) =>
    line.length >= 15 && !TERMINAL.test(line) ? [displayWidth(line) + (indented[i] ? INDENT : 0)] : [],
  );
  let width: number | undefined;
  let best = 0;
  for (const candidate of new Set(widths)) {
    const near = widths.filter((w) => w >= candidate - 3 && w <= candidate).length;
    if (near > best || (near === best && candidate > (width ?? 0))) [width, best] = [candidate, near];
  }
  return width !== undefined && best >= 3 ? width : undefined;
}

/**
 * A numbered heading broken mid-word (`1、…正確認識集體經濟的重要地` / `位和作用。黨和…`): the
 * heading has no stop, and the next line finishes its sentence within a few characters.
 */
function isSplitHeading(previous: string, line: string): boolean {
  if (!HEADING_START.test(previous) || TERMINAL.test(previous) || /[。！？]/.test(previous)) return false;
  const stop = line.search(/[。！？]/);
  return stop > 0 && stop <= 10 && previous.length + stop <= 60 && previous.length >= 12;
}

/**
 * Joins lines that a site hard-wrapped inside a sentence: a line that stops at a comma, or, on
 * a page wrapped at a fixed width, a full-width line that does not end a sentence, is joined
 * with the next line unless that one starts a heading. Titles, names and dates are never joined.
 */
export function joinWrappedLines(lines: readonly string[], indented: readonly boolean[] = []): string[] {
  const width = findWrapWidth(lines, indented);
  // On a wrapped page whose paragraphs start indented, an unindented line after a full line
  // goes on with the paragraph even when the full line happens to end with a full stop.
  const indents = width !== undefined && indented.filter(Boolean).length >= 3;
  const out: string[] = [];
  let last = { line: '', indented: false };
  lines.forEach((line, i) => {
    const previous = out.at(-1);
    const full = width !== undefined && displayWidth(last.line) + (last.indented ? INDENT : 0) >= width - 3;
    const continues =
      previous !== undefined &&
      previous !== '' &&
      line !== '' &&
      !HEADING_START.test(line) &&
      !SALUTATION.test(line) &&
      // A ——…会议上 line and the speaker line under it are lines of their own, whatever their width.
      !/^[—─－–-]{2}/.test(previous) &&
      !OFFICE_AND_NAME.test(line) &&
      (/[，、,]$/.test(previous) ||
        (full && !TERMINAL.test(previous)) ||
        (full && indents && !indented[i]) ||
        isSplitHeading(previous, line));
    if (continues) {
      const space = /[A-Za-z0-9,]$/.test(previous) && /^[A-Za-z0-9]/.test(line) ? ' ' : '';
      out[out.length - 1] = previous + space + line;
    } else out.push(line);
    last = { line, indented: indented[i] ?? false };
  });
  return out;
}

// A bracketed aside that advertises a site inside a paragraph: 【本文来自www.xxx.com】.
const INLINE_SPAM =
  /[【\[［(（](?=[^】\]］)）]{0,60}(?:www\.|https?:|\.com|本站|本网|微信|QQ|qq|公众号|下载|扫码))[^】\]］)）\n]{0,60}[】\]］)）]/g;

/**
 * Removes adverts from inside a line of text, returning what went: bracketed site adverts
 * (【本文来自www…】) anywhere, and in a long paragraph also a bare URL, contact handle or
 * gambling phrase run into it. A line that is nothing but an advert is judged as a line.
 */
export function removeInlineSpam(line: string): { text: string; removed: string[] } {
  const bracketed = line.match(INLINE_SPAM) ?? [];
  if (bracketed[0] === line) return { text: line, removed: [] };
  let text = line.replace(INLINE_SPAM, '');
  const removed = [...bracketed];
  if (isProse(text) && text.length > 60) {
    const runs = text.match(INLINE_SPAM_RUN) ?? [];
    removed.push(...runs);
    text = text.replace(INLINE_SPAM_RUN, '');
  }
  return { text, removed };
}

/**
 * Splits a line that holds several paragraphs, as pages scraped without line breaks do: each
 * paragraph there still starts with its two full-width spaces of indentation.
 */
export function splitRunTogetherParagraphs(line: string): string[] {
  if (line.length < 200) return [line];
  // A page whose every line break was lost: paragraphs (and header lines: the wire-service line,
  // title, date, speaker, salutation) parted only by their two ideographic spaces.
  if ((line.match(/\u3000{2,}/g) ?? []).length >= 4) {
    return line.split(/\s*\u3000{2,}\s*/).filter((part) => part.trim() !== '');
  }
  if (!/[。！？”：:]\s*\u3000\u3000/.test(line)) return [line];
  return line.split(/(?<=[。！？”：:])\s*(?=\u3000\u3000)/);
}

const OPENER_END = /[《「『“（(\[【]$/;
const CLOSER_START = /^[》」』”）)\]】，。、；：！？,;:!?]/;
const SENTENCE_END = /[。！？：；!?:;…]$/;

/**
 * Joins the line breaks a wiki page leaves where its links were (`根据《` / `中华人民共和国著作权法` /
 * `》第五条`): only on a page that shows them (at least two lines opening with closing
 * punctuation right under another line), and only between lines with no blank line between,
 * never after a sentence's end, a `——` line or a date line, nor before a `——` line, a heading or
 * a salutation.
 */
export function joinLinkBreaks(lines: readonly string[]): string[] {
  const trimmed = lines.map((line) => line.replace(/[\u200b-\u200d\u2060\uFEFF]/g, '').trim());
  const breaks = trimmed.filter(
    (line, i) =>
      i > 0 && trimmed[i - 1] !== '' && line !== '' && (CLOSER_START.test(line) || OPENER_END.test(trimmed[i - 1]!)),
  ).length;
  if (breaks < 2) return [...lines];
  const out: string[] = [];
  let previous = '';
  for (const [i, line] of lines.entries()) {
    const current = trimmed[i]!;
    const joins =
      out.length > 0 &&
      previous !== '' &&
      current !== '' &&
      !SENTENCE_END.test(previous) &&
      !/^[—─－–-]{2}/.test(previous) &&
      !/^[—─－–-]{2}/.test(current) &&
      !/^[（(]?\s*\d{4}\s*年[^）)]{0,12}[）)]?$/.test(previous) &&
      !HEADING_START.test(current) &&
      !SALUTATION.test(current);
    if (joins) out[out.length - 1] = `${out.at(-1)!.trimEnd()}${current}`;
    else out.push(line);
    previous = joins ? `${previous}${current}` : current;
  }
  return out;
}

/**
 * Where a licence or copyright notice closes the page (a Wikisource public-domain template:
 * `本作品是中华人民共和国的…`, `Public domain`, `false`): the index of its first line, or
 * undefined. Only near the end of the page, and only when what follows names a licence.
 */
export function findLicenceTrailer(lines: readonly string[]): number | undefined {
  // In the page's last hundred lines, or its second half when it is longer.
  const start = Math.max(0, Math.min(Math.floor(lines.length / 2), lines.length - 100));
  for (let i = start; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (!/^(?:本作品|本作品在|此作品|这部作品|This work\b|Public domain$)/i.test(line)) continue;
    const rest = lines.slice(i, i + 60).join('\n');
    if (/公有领域|公有領域|public domain|著作权|著作權|版权|版權|许可协议|許可協議|licen[cs]e/i.test(rest)) return i;
  }
  return undefined;
}

/**
 * Strips the site chrome around a page's text and normalises what is kept: glued pinyin goes,
 * spaces and doubled punctuation are normalised, hard-wrapped lines are joined, and spam or
 * chrome injected between paragraphs is removed. Every line of the text itself is kept.
 */
export function cleanPage(raw: string): CleanedPage {
  const warnings: string[] = [];
  const unglued = removeGluedPinyin(raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  const rawLines = joinLinkBreaks(unglued.text.split('\n').flatMap(splitRunTogetherParagraphs));
  const lines = rawLines.map(normaliseLine);
  const indented = rawLines.map((line) => /^(?:\u3000+|[ \t\u00a0]{2,})\S/.test(line));
  const trailer = findLicenceTrailer(lines);
  // The licence notice closing the page is chrome, never text.
  const chrome = lines.map((line, i) => (trailer !== undefined && i >= trailer) || classifyChrome(line) !== undefined);
  const segment = findTextSegment(lines, chrome);
  if (segment === undefined) {
    return {
      paragraphs: [],
      above: lines.filter((line) => line !== ''),
      below: [],
      removedInside: [],
      englishLines: [],
      pinyinRemoved: unglued.removed,
      warnings,
    };
  }
  const first = findFirstTextLine(lines, segment.start, segment.end);
  let last = segment.end;
  while (last > first && !isProse(lines[last]!)) last -= 1;
  const start = extendUp(lines, first);
  const end = extendDown(lines, last, chrome);
  const removedInside: string[] = [];
  const englishLines: string[] = [];
  const kept: string[] = [];
  const keptIndented: boolean[] = [];
  for (const [offset, raw] of lines.slice(start, end + 1).entries()) {
    const { text: line, removed } = removeInlineSpam(raw);
    removedInside.push(...removed);
    if (classifyChrome(line) !== undefined) removedInside.push(line);
    else if (isEnglishLine(line)) englishLines.push(line);
    else if (englishLines.length === 0 || line !== '') {
      // With English lines out, the blank lines of a bilingual page no longer part paragraphs.
      kept.push(line);
      keptIndented.push(indented[start + offset]!);
    }
  }
  const joined = joinWrappedLines(kept, keptIndented);
  const paragraphs = joined.filter((line) => line !== '');
  if (removedInside.length > 0) {
    warnings.push(
      `removed ${removedInside.length} chrome or spam line(s) from inside the text: ${quoteList(removedInside)}`,
    );
  }
  if (englishLines.length > 0) {
    warnings.push(
      `kept ${englishLines.length} English line(s) out of the body (an interleaved translation?): the raw page in content/sources has them`,
    );
  }
  const lastParagraph = paragraphs.at(-1) ?? '';
  if (lastParagraph.length > 30 && !TERMINAL.test(lastParagraph)) {
    warnings.push(
      `the text may be cut off: its last paragraph ends without punctuation ("…${lastParagraph.slice(-12)}")`,
    );
  }
  return {
    paragraphs,
    above: lines.slice(0, start).filter((line) => line !== ''),
    below: lines.slice(end + 1).filter((line) => line !== ''),
    removedInside,
    englishLines,
    pinyinRemoved: unglued.removed,
    warnings,
  };
}

function quoteList(lines: readonly string[]): string {
  const shown = lines.slice(0, 3).map((line) => `"${line.length > 30 ? `${line.slice(0, 30)}…` : line}"`);
  return shown.join(', ') + (lines.length > 3 ? ` and ${lines.length - 3} more` : '');
}
