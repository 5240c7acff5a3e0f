import type { ImportReport } from './import-page.ts';

/** The truth an editor wrote by hand for one page of the development set. */
export interface DevTruth {
  file: string;
  url: string;
  /** The title, or several acceptable forms (a headline with or without its kicker); null: the page shows none. */
  title?: string | string[] | null;
  type?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD; null: the text supports no date; "skip": not judged. */
  date?: string | null;
  precision?: string;
  basis?: 'stated' | 'inferred';
  /** The opening of the first body line; null: not judged. */
  first_line?: string | null;
  speaker?: string;
  /** The page must be refused, with an error containing this. */
  error?: string;
}

/** One judged field of one page. */
export interface DevCheck {
  file: string;
  field: 'title' | 'type' | 'stated_date' | 'inferred_date' | 'no_date' | 'first_line' | 'speaker' | 'refused';
  ok: boolean;
  expected: string;
  actual: string;
}

/** Glued pinyin `(zhōng)` goes; then only Han characters, letters and digits count. */
export function comparable(text: string): string {
  return text
    .replace(/\((?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)\)/g, '')
    .replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '')
    .toLowerCase();
}

/** Judges one import against the truth: every field the truth states. */
export function judgePage(truth: DevTruth, report: ImportReport): DevCheck[] {
  const checks: DevCheck[] = [];
  const check = (field: DevCheck['field'], ok: boolean, expected: string, actual: string | null | undefined): void => {
    checks.push({ file: truth.file, field, ok, expected, actual: actual ?? '—' });
  };
  if (truth.error !== undefined) {
    check('refused', !report.ok && (report.error ?? '').includes(truth.error), `refused: ${truth.error}`, report.error);
    return checks;
  }
  if (!report.ok) {
    check('refused', false, 'imported', report.error);
    return checks;
  }
  if (truth.title !== undefined && truth.title !== null) {
    const forms = (Array.isArray(truth.title) ? truth.title : [truth.title]).map(comparable);
    check('title', forms.includes(comparable(report.title ?? '')), forms.join(' | '), report.title);
  }
  if (truth.type !== undefined) check('type', report.type === truth.type, truth.type, report.type);
  if (truth.date === null) {
    check('no_date', report.date === null, 'no date', report.date && `${report.date} (${report.date_basis})`);
  } else if (truth.date !== undefined && truth.date !== 'skip') {
    const field = truth.basis === 'inferred' ? 'inferred_date' : 'stated_date';
    const ok =
      report.date === truth.date &&
      (truth.precision === undefined || report.date_precision === truth.precision) &&
      (truth.basis === undefined || report.date_basis === truth.basis);
    check(field, ok, `${truth.date} ${truth.basis ?? ''}`.trim(), report.date && `${report.date} ${report.date_basis}`);
  }
  if (truth.first_line !== undefined && truth.first_line !== null) {
    const expected = comparable(truth.first_line);
    const actual = comparable(report.body_first_line ?? '');
    const n = Math.min(expected.length, 14);
    check('first_line', n > 0 && actual.slice(0, n) === expected.slice(0, n), truth.first_line, report.body_first_line);
  }
  if (truth.speaker !== undefined)
    check('speaker', report.speaker_name === truth.speaker, truth.speaker, report.speaker_name);
  return checks;
}

/**
 * A date the text does not support: a date where the truth has none, or a date other than the
 * truth's (a wrong day is as unsupported as an invented one).
 */
export function isUnsupportedDate(truth: DevTruth, report: ImportReport): boolean {
  if (!report.ok || report.date === null || truth.date === 'skip' || truth.date === undefined) return false;
  if (truth.date === null) return true;
  return !(truth.date === report.date || truth.date.startsWith(`${report.date}-`));
}
