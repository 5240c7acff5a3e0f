// The trends page's state, all of it in the URL so that a chart can be cited and shared:
// `?q=国营企业,国有企业&per=10k&what=documents&type=report&speaker=li-peng&year=1993`.
import { formatRate, measureValue, type TrendMeasure, type YearFigures } from './query.ts';

/** At most this many phrases share a chart. */
export const MAX_PHRASES = 6;

/** What the trends page shows. */
export interface TrendsState extends TrendMeasure {
  phrases: string[];
  types: string[];
  speakers: string[];
  /** The year whose sentences are shown, if one was chosen. */
  year?: number;
}

/** The phrases a reader typed: separated by commas (either width), 、 or line breaks; six at most, each once. */
export function splitPhrases(text: string): string[] {
  const phrases = text
    .split(/[,，、;；\n]+/)
    .map((phrase) => phrase.replace(/\s+/g, ' ').trim())
    .filter((phrase) => phrase !== '');
  return [...new Set(phrases)].slice(0, MAX_PHRASES);
}

/** Reads the state from a URL's query string; anything unknown falls back to the defaults. */
export function parseTrendsState(search: string): TrendsState {
  const params = new URLSearchParams(search);
  const year = Number(params.get('year'));
  return {
    phrases: splitPhrases(params.getAll('q').join(',')),
    per: params.get('per') === '10k' ? '10k' : 'count',
    what: params.get('what') === 'documents' ? 'documents' : 'occurrences',
    types: params.getAll('type').filter(Boolean),
    speakers: params.getAll('speaker').filter(Boolean),
    ...(Number.isInteger(year) && year > 0 ? { year } : {}),
  };
}

/** The query string of a state (defaults left out), starting with `?`, or '' when empty. */
export function serializeTrendsState(state: TrendsState): string {
  const params = new URLSearchParams();
  if (state.phrases.length > 0) params.set('q', state.phrases.join(','));
  if (state.per !== 'count') params.set('per', state.per);
  if (state.what !== 'occurrences') params.set('what', state.what);
  for (const type of state.types) params.append('type', type);
  for (const speaker of state.speakers) params.append('speaker', speaker);
  if (state.year !== undefined) params.set('year', String(state.year));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The rows of the CSV download: one per year and phrase, with what the chart plots as `value`. */
export function trendCsvRows(
  series: readonly { phrase: string; rows: readonly YearFigures[] }[],
  measure: TrendMeasure,
): string[][] {
  const header = ['year', 'phrase', 'documents', 'occurrences', 'units', 'measure', 'value'];
  const label = `${measure.what}${measure.per === '10k' ? ' per 10,000 units' : ''}`;
  const rows = series.flatMap(({ phrase, rows: figures }) =>
    figures.map((row) => [
      String(row.year),
      phrase,
      String(row.documents),
      String(row.occurrences),
      String(row.units),
      label,
      formatRate(measureValue(row, measure)),
    ]),
  );
  return [header, ...rows.sort((a, b) => Number(a[0]) - Number(b[0]))];
}
