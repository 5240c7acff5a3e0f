import { escapeXml } from './escape-xml.ts';
import { estimateTextWidth } from './estimate-text-width.ts';
import { formatCoordinate as f } from './format-coordinate.ts';
import { renderSvgRoot } from './render-svg-root.ts';

/** One line of a trend chart: a phrase's value for each year of the chart. */
export interface TrendSeries {
  label: string;
  values: readonly number[];
}

/** The words and links around a trend chart. */
export interface TrendChartOptions {
  idPrefix: string;
  title: string;
  description: string;
  lang: string;
  /** Every year of the chart, ascending and consecutive; `values` follow them. */
  years: readonly number[];
  /** How a value reads in a tooltip and on the axis. */
  formatValue: (value: number) => string;
  /** Where a year's column links to (its sentences), if anywhere. */
  yearHref?: (year: number) => string;
  /** A year to show as chosen. */
  selectedYear?: number;
}

const WIDTH = 720;
const HEIGHT = 280;
const LEFT = 48;
const RIGHT = 12;
const TOP = 14;
const BASELINE = HEIGHT - 24;
const FONT_SIZE = 11;
const LABEL_STEPS = [1, 2, 5, 10, 20, 50, 100];

/** A round step for about four gridlines up to `max`. */
function gridStep(max: number): number {
  if (max <= 0) return 1;
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((step) => step >= rough) ?? rough;
}

/**
 * A line chart of phrases per year (at most six lines, told apart by class: colour, dash and
 * marker shape in the site's CSS), with gridlines and, when `yearHref` is given, a link over each
 * year's column to that year's sentences, so that the chart can be used with the keyboard.
 */
export function renderTrendChart(series: readonly TrendSeries[], options: TrendChartOptions): string {
  const { years } = options;
  if (years.length === 0) return '';
  const max = Math.max(0, ...series.flatMap((own) => own.values));
  const step = gridStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const slot = (WIDTH - LEFT - RIGHT) / years.length;
  const x = (i: number) => LEFT + (i + 0.5) * slot;
  const y = (value: number) => BASELINE - (value / top) * (BASELINE - TOP);
  const grid: string[] = [];
  for (let value = 0; value <= top + step / 1000; value += step) {
    grid.push(
      `<line class="grid" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${f(y(value))}" y2="${f(y(value))}"/>` +
        `<text class="axis-label" x="${LEFT - 4}" y="${f(y(value) + 4)}" text-anchor="end">${escapeXml(options.formatValue(value))}</text>`,
    );
  }
  const minGap = estimateTextWidth('0000', FONT_SIZE) + 6;
  const every = LABEL_STEPS.find((candidate) => candidate * slot >= minGap) ?? 100;
  const labels = years
    .map((year, i) => ({ year, i }))
    .filter(
      ({ year, i }) =>
        i === 0 ||
        i === years.length - 1 ||
        (year % every === 0 && i * slot >= minGap && (years.length - 1 - i) * slot >= minGap),
    )
    .map(
      ({ year, i }) => `<text class="axis-label" x="${f(x(i))}" y="${HEIGHT - 8}" text-anchor="middle">${year}</text>`,
    );
  const lines = series.map((own, s) => {
    const points = own.values.map((value, i) => `${f(x(i))},${f(y(value))}`).join(' ');
    const markers = own.values
      .map((value, i) => (value > 0 ? `<circle class="marker" cx="${f(x(i))}" cy="${f(y(value))}" r="3"/>` : ''))
      .join('');
    return `<g class="series series-${s}"><polyline class="line" fill="none" points="${points}"/>${markers}</g>`;
  });
  const columns = years.map((year, i) => {
    const tip = [String(year), ...series.map((own) => `${own.label}: ${options.formatValue(own.values[i] ?? 0)}`)].join(
      '\n',
    );
    const selected = year === options.selectedYear ? ' column--selected' : '';
    const rect = `<rect class="column${selected}" x="${f(LEFT + i * slot)}" y="${TOP}" width="${f(slot)}" height="${BASELINE - TOP}"/>`;
    const inner = `<title>${escapeXml(tip)}</title>${rect}`;
    return options.yearHref ? `<a href="${escapeXml(options.yearHref(year))}">${inner}</a>` : `<g>${inner}</g>`;
  });
  const body = [
    `<g class="grid-lines" font-size="${FONT_SIZE}">${grid.join('')}</g>`,
    `<g class="columns">${columns.join('')}</g>`,
    ...lines,
    `<line class="baseline" x1="${LEFT}" y1="${BASELINE}" x2="${WIDTH - RIGHT}" y2="${BASELINE}" stroke="currentColor"/>`,
    `<g class="year-labels" font-size="${FONT_SIZE}">${labels.join('')}</g>`,
  ].join('\n');
  return renderSvgRoot({ ...options, className: 'trend-chart', viewBox: [0, 0, WIDTH, HEIGHT] }, body);
}
