import { escapeXml } from './escape-xml.ts';
import { estimateTextWidth } from './estimate-text-width.ts';
import { formatCoordinate as f } from './format-coordinate.ts';
import { renderSvgRoot } from './render-svg-root.ts';

/** The number of documents in one year, and the page that lists them. */
export interface YearBar {
  year: number;
  count: number;
  href?: string;
}

/** The words around a year chart; the chart itself has no language of its own. */
export interface YearChartOptions {
  /** Starts the chart's ids; unique on the page. */
  idPrefix: string;
  /** The accessible name, e.g. `Documents per year`. */
  title: string;
  /** A sentence that summarises the data, e.g. `5 documents from 2005 to 2020`. */
  description: string;
  /** The `lang` attribute of the `<svg>`. */
  lang: string;
  /** Words for a count in a bar's tooltip: `(n) => \`${n} documents\`` or `(n) => \`${n}篇\``. */
  countLabel: (count: number) => string;
}

const WIDTH = 640;
const HEIGHT = 200;
const PAD_X = 8;
const PLOT_TOP = 18;
const BASELINE = HEIGHT - 22;
const FONT_SIZE = 11;
const MAX_BAR_WIDTH = 40;
const LABEL_EVERY_YEAR_UP_TO = 15;
const COUNTS_UP_TO = 30;
const LABEL_STEPS = [5, 10, 20, 50, 100, 200, 500, 1000];

/**
 * Renders a bar chart of documents per year as SVG markup: one bar for every year from the first to
 * the last, empty years included as zero-height bars, each with a tooltip and, when it has an href, a
 * link. Returns an empty string when there are no bars.
 */
export function renderYearChart(bars: YearBar[], options: YearChartOptions): string {
  if (bars.length === 0) return '';
  const byYear = indexByYear(bars);
  const first = Math.min(...byYear.keys());
  const last = Math.max(...byYear.keys());
  const years = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  const slot = (WIDTH - 2 * PAD_X) / years.length;
  const barWidth = Math.min(slot * 0.8, MAX_BAR_WIDTH);
  const unit = (BASELINE - PLOT_TOP) / Math.max(1, ...[...byYear.values()].map((bar) => bar.count));
  const showCounts = years.length <= COUNTS_UP_TO;
  const labelled = pickLabelledYears(years, slot);
  const columns = years.map((year, index) => {
    const { count, href } = byYear.get(year) ?? { count: 0 };
    const centre = PAD_X + (index + 0.5) * slot;
    const top = BASELINE - count * unit;
    const parts = [
      `<title>${escapeXml(`${year}: ${options.countLabel(count)}`)}</title>`,
      `<rect class="${count > 0 ? 'bar' : 'bar bar--empty'}" x="${f(centre - barWidth / 2)}" y="${f(top)}"` +
        ` width="${f(barWidth)}" height="${f(BASELINE - top)}"/>`,
      showCounts && count > 0
        ? `<text class="count" x="${f(centre)}" y="${f(top - 4)}" text-anchor="middle">${count}</text>`
        : '',
    ].join('');
    return href === undefined ? `<g>${parts}</g>` : `<a href="${escapeXml(href)}">${parts}</a>`;
  });
  const yearLabels = years
    .map((year, index) => ({ year, centre: PAD_X + (index + 0.5) * slot }))
    .filter(({ year }) => labelled.has(year))
    .map(({ year, centre }) => `<text x="${f(centre)}" y="${HEIGHT - 6}">${year}</text>`);
  const body = [
    `<g class="bars" font-size="${FONT_SIZE}">`,
    ...columns,
    '</g>',
    `<line class="baseline" x1="${PAD_X}" y1="${BASELINE}" x2="${WIDTH - PAD_X}" y2="${BASELINE}" stroke="currentColor"/>`,
    `<g class="year-labels" font-size="${FONT_SIZE}" text-anchor="middle">`,
    ...yearLabels,
    '</g>',
  ].join('\n');
  return renderSvgRoot({ ...options, className: 'year-chart', viewBox: [0, 0, WIDTH, HEIGHT] }, body);
}

function indexByYear(bars: YearBar[]): Map<number, YearBar> {
  const byYear = new Map<number, YearBar>();
  for (const bar of bars) {
    if (!Number.isInteger(bar.year)) throw new RangeError(`year must be a whole number, got ${bar.year}`);
    if (!(bar.count >= 0 && Number.isFinite(bar.count))) {
      throw new RangeError(`count for ${bar.year} must be zero or more, got ${bar.count}`);
    }
    if (byYear.has(bar.year)) throw new RangeError(`${bar.year} appears twice; give one bar per year`);
    byYear.set(bar.year, bar);
  }
  return byYear;
}

/**
 * Every year up to 15 years; beyond that the first, the last and round years (every 5th, or every
 * 10th, 20th… when even those would collide) that keep clear of the first and last labels.
 */
function pickLabelledYears(years: number[], slot: number): Set<number> {
  if (years.length <= LABEL_EVERY_YEAR_UP_TO) return new Set(years);
  const first = years[0] ?? 0;
  const last = years[years.length - 1] ?? 0;
  const minGap = estimateTextWidth('0000', FONT_SIZE) + 6;
  const step = LABEL_STEPS.find((candidate) => candidate * slot >= minGap) ?? 1000;
  const round = years.filter(
    (year) => year % step === 0 && (year - first) * slot >= minGap && (last - year) * slot >= minGap,
  );
  return new Set([first, ...round, last]);
}
