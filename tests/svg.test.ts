import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { escapeXml } from '../src/lib/svg/escape-xml.ts';
import { estimateTextWidth } from '../src/lib/svg/estimate-text-width.ts';
import { formatCoordinate } from '../src/lib/svg/format-coordinate.ts';
import {
  renderCoMentionNetwork,
  type NetworkNeighbour,
  type NetworkOptions,
} from '../src/lib/svg/render-co-mention-network.ts';
import { renderYearChart, type YearBar, type YearChartOptions } from '../src/lib/svg/render-year-chart.ts';

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

// sax ships no types; this is the part of its API these tests use.
interface SaxParser {
  onerror: (error: Error) => void;
  onopentag: (tag: { name: string; attributes: Record<string, string> }) => void;
  onclosetag: () => void;
  ontext: (text: string) => void;
  write: (xml: string) => SaxParser;
  close: () => SaxParser;
}
const sax = createRequire(import.meta.url)('sax') as {
  parser: (strict: true, options: { strictEntities: true }) => SaxParser;
};

/**
 * Parses markup with sax in strict XML mode, where only the five XML entities exist, so anything
 * that is not well-formed XML throws. Returns the root element with whitespace-only text dropped.
 */
function parseXml(markup: string): XmlElement {
  const document: XmlElement = { name: '#document', attributes: {}, children: [] };
  const open = [document];
  const parser = sax.parser(true, { strictEntities: true });
  parser.onerror = (error) => {
    throw error;
  };
  parser.onopentag = ({ name, attributes }) => {
    const element: XmlElement = { name, attributes, children: [] };
    open[open.length - 1]?.children.push(element);
    open.push(element);
  };
  parser.onclosetag = () => open.pop();
  parser.ontext = (text) => {
    if (text.trim() !== '') open[open.length - 1]?.children.push(text);
  };
  parser.write(markup).close();
  const [root, ...rest] = document.children;
  if (typeof root !== 'object' || rest.length > 0) throw new Error('expected exactly one root element');
  return root;
}

function findAll(element: XmlElement, test: (element: XmlElement) => boolean): XmlElement[] {
  const children = element.children.filter((child) => typeof child === 'object');
  return [...(test(element) ? [element] : []), ...children.flatMap((child) => findAll(child, test))];
}

const named = (name: string) => (element: XmlElement) => element.name === name;
const classed = (name: string) => (element: XmlElement) => (element.attributes.class ?? '').split(' ').includes(name);
const textOf = (element: XmlElement): string =>
  element.children.map((child) => (typeof child === 'string' ? child : textOf(child))).join('');
/** The text of an element's own `<title>` child. */
const tooltipOf = (element: XmlElement): string | undefined =>
  element.children.flatMap((child) => (typeof child === 'object' && child.name === 'title' ? [textOf(child)] : []))[0];

/** Checks what every chart must be: well-formed, named and described, prefixed ids, and no inline style. */
function expectAccessibleSvg(markup: string, idPrefix: string): XmlElement {
  const svg = parseXml(markup);
  expect(svg.name).toBe('svg');
  expect(svg.attributes).toMatchObject({
    xmlns: 'http://www.w3.org/2000/svg',
    role: 'group',
    'aria-labelledby': `${idPrefix}-title`,
    'aria-describedby': `${idPrefix}-desc`,
  });
  expect(svg.attributes.viewBox).toMatch(/^-?[\d.]+ -?[\d.]+ [\d.]+ [\d.]+$/);
  expect(findAll(svg, (element) => 'id' in element.attributes).map((element) => element.attributes.id)).toEqual([
    `${idPrefix}-title`,
    `${idPrefix}-desc`,
  ]);
  expect(findAll(svg, (element) => element.name === 'style' || 'style' in element.attributes)).toEqual([]);
  // Numbers in attributes carry at most one decimal.
  expect(markup).not.toMatch(/="[^"]*\d\.\d\d/);
  return svg;
}

describe('parseXml (the test helper)', () => {
  test.each(['<svg><a></svg>', '<svg>A&B</svg>', '<svg>&nbsp;</svg>', '<svg x=1/>', '<svg/><svg/>'])(
    'rejects %j, which is not well-formed XML',
    (markup) => expect(() => parseXml(markup)).toThrow(),
  );
});

const english: YearChartOptions = {
  idPrefix: 'years',
  title: 'Documents per year',
  description: '3 documents from 2005 to 2008',
  lang: 'en',
  countLabel: (count) => `${count} documents`,
};

const yearsFrom = (first: number, length: number): YearBar[] =>
  Array.from({ length }, (_, index) => ({ year: first + index, count: index + 1 }));

describe('renderYearChart', () => {
  const bars: YearBar[] = [
    { year: 2008, count: 1, href: '/en/documents/?year=2008' },
    { year: 2005, count: 2, href: '/en/documents/?year=2005&sort=date' },
  ];
  const markup = renderYearChart(bars, english);
  const svg = expectAccessibleSvg(markup, 'years');
  const rects = findAll(svg, named('rect'));

  test('names and describes the chart in its language', () => {
    expect(svg.attributes.lang).toBe('en');
    expect(findAll(svg, named('title')).map(textOf)[0]).toBe('Documents per year');
    expect(findAll(svg, named('desc')).map(textOf)).toEqual(['3 documents from 2005 to 2008']);
  });

  test('draws one bar per year, empty years as zero-height bars', () => {
    expect(rects).toHaveLength(4);
    expect(rects.map((rect) => rect.attributes.height)).toEqual(['160', '0', '0', '80']);
    expect(rects.map((rect) => rect.attributes.class)).toEqual(['bar', 'bar bar--empty', 'bar bar--empty', 'bar']);
  });

  test.each([
    ['2005', '2005: 2 documents', '/en/documents/?year=2005&sort=date'],
    ['2006', '2006: 0 documents', undefined],
    ['2007', '2007: 0 documents', undefined],
    ['2008', '2008: 1 documents', '/en/documents/?year=2008'],
  ])('gives %s the tooltip "%s" and the link %s', (year, tooltip, href) => {
    const column = findAll(svg, (element) => tooltipOf(element)?.startsWith(`${year}:`) ?? false);
    expect(column).toHaveLength(1);
    expect(tooltipOf(column[0]!)).toBe(tooltip);
    expect(column[0]!.name).toBe(href ? 'a' : 'g');
    expect(column[0]!.attributes.href).toBe(href);
    expect(findAll(column[0]!, named('rect'))).toHaveLength(1);
  });

  test('escapes the ampersand of an href', () =>
    expect(markup).toContain('href="/en/documents/?year=2005&amp;sort=date"'));

  test('labels counts above non-empty bars only, and every year up to 15 years', () => {
    expect(findAll(svg, classed('count')).map(textOf)).toEqual(['2', '1']);
    const yearLabels = findAll(svg, classed('year-labels')).flatMap((group) => findAll(group, named('text')));
    expect(yearLabels.map(textOf)).toEqual(['2005', '2006', '2007', '2008']);
  });

  test('draws a baseline', () => expect(findAll(svg, classed('baseline'))).toHaveLength(1));

  test('draws one year with one document as one full-height bar', () => {
    const single = expectAccessibleSvg(renderYearChart([{ year: 2014, count: 1 }], english), 'years');
    const [rect, ...others] = findAll(single, named('rect'));
    expect(others).toEqual([]);
    expect(rect?.attributes).toMatchObject({ x: '300', y: '18', width: '40', height: '160' });
    expect(findAll(single, named('text')).map(textOf)).toEqual(['1', '2014']);
    expect(findAll(single, named('a'))).toEqual([]);
  });

  test.each([
    [5, 2000, ['2000', '2001', '2002', '2003', '2004']],
    [15, 2000, Array.from({ length: 15 }, (_, index) => String(2000 + index))],
    [16, 2000, ['2000', '2005', '2010', '2015']],
    [31, 1993, ['1993', '1995', '2000', '2005', '2010', '2015', '2020', '2023']],
    [31, 1990, ['1990', '1995', '2000', '2005', '2010', '2015', '2020']],
    [
      120,
      1901,
      ['1901', '1910', '1920', '1930', '1940', '1950', '1960', '1970', '1980', '1990', '2000', '2010', '2020'],
    ],
  ])('over %i years from %i labels the first, round and last years', (length, first, expected) => {
    const chart = parseXml(renderYearChart(yearsFrom(first, length), english));
    const labels = findAll(chart, classed('year-labels')).flatMap((group) => findAll(group, named('text')));
    expect(labels.map(textOf)).toEqual(expected);
  });

  test('labels counts up to 30 years but not beyond', () => {
    expect(findAll(parseXml(renderYearChart(yearsFrom(1990, 30), english)), classed('count'))).toHaveLength(30);
    expect(findAll(parseXml(renderYearChart(yearsFrom(1990, 31), english)), classed('count'))).toEqual([]);
  });

  test('escapes every text and attribute value', () => {
    const tricky = renderYearChart([{ year: 2014, count: 3, href: `/a?b=1&c="2"'` }], {
      ...english,
      title: 'A&B <x>',
      description: `"quoted" & 'single'`,
      countLabel: (count) => `<b>${count}</b>`,
    });
    const chart = expectAccessibleSvg(tricky, 'years');
    expect(tricky).toContain('<title id="years-title">A&amp;B &lt;x&gt;</title>');
    expect(textOf(findAll(chart, named('desc'))[0]!)).toBe(`"quoted" & 'single'`);
    expect(findAll(chart, named('a'))[0]?.attributes.href).toBe(`/a?b=1&c="2"'`);
    expect(tooltipOf(findAll(chart, named('a'))[0]!)).toBe('2014: <b>3</b>');
  });

  test('writes Chinese tooltips and lang', () => {
    const chart = parseXml(renderYearChart(bars, { ...english, lang: 'zh-Hans', countLabel: (count) => `${count}篇` }));
    expect(chart.attributes.lang).toBe('zh-Hans');
    expect(findAll(chart, named('a')).map(tooltipOf)).toEqual(['2005: 2篇', '2008: 1篇']);
  });

  test('gives the same markup for the same bars in any order', () => {
    expect(renderYearChart([...bars].reverse(), english)).toBe(markup);
  });

  test('returns an empty string for no bars', () => expect(renderYearChart([], english)).toBe(''));

  test.each([
    [[{ year: 2014.5, count: 1 }], 'year must be a whole number, got 2014.5'],
    [[{ year: 2014, count: -1 }], 'count for 2014 must be zero or more, got -1'],
    [[{ year: 2014, count: Number.NaN }], 'count for 2014 must be zero or more, got NaN'],
    [
      [
        { year: 2014, count: 1 },
        { year: 2014, count: 2 },
      ],
      '2014 appears twice; give one bar per year',
    ],
  ])('rejects %j', (input, message) => {
    expect(() => renderYearChart(input, english)).toThrow(message);
  });

  test.each(['', '1st', 'two words', 'a"b'])('rejects the idPrefix %j', (idPrefix) => {
    expect(() => renderYearChart(bars, { ...english, idPrefix })).toThrow(/^idPrefix must start with a letter/);
  });
});

const networkOptions: NetworkOptions = {
  idPrefix: 'network-baosteel',
  title: 'Mentioned together with Baosteel',
  description: 'Baosteel is mentioned together with 3 enterprises, directives and people.',
  lang: 'en',
  countLabel: (count) => `${count} shared documents`,
};
const baosteel = { label: 'Baosteel', lang: 'en' };
const neighbour = (label: string, count: number, group = 'enterprises'): NetworkNeighbour => ({
  label,
  lang: 'en',
  href: `/en/${group}/${label.toLowerCase().replace(/\W+/g, '-')}/`,
  count,
  group,
});

describe('renderCoMentionNetwork', () => {
  const neighbours = [neighbour('SASAC', 4, 'people'), neighbour('Wuhan Steel', 1), neighbour('Directive 9', 8)];
  const markup = renderCoMentionNetwork(baosteel, neighbours, networkOptions);
  const svg = expectAccessibleSvg(markup, 'network-baosteel');
  const links = findAll(svg, named('a'));

  test('links every neighbour, highest count first, with a tooltip of label and count', () => {
    expect(links.map((link) => link.attributes.href)).toEqual([
      '/en/enterprises/directive-9/',
      '/en/people/sasac/',
      '/en/enterprises/wuhan-steel/',
    ]);
    expect(links.map(tooltipOf)).toEqual([
      'Directive 9: 8 shared documents',
      'SASAC: 4 shared documents',
      'Wuhan Steel: 1 shared documents',
    ]);
  });

  test('draws an edge, a node and a label in each link, classed by group', () => {
    expect(links.map((link) => link.children.map((child) => (typeof child === 'string' ? child : child.name)))).toEqual(
      Array(3).fill(['title', 'line', 'circle', 'text']),
    );
    expect(findAll(links[1]!, named('circle'))[0]?.attributes.class).toBe('node node--people');
    expect(findAll(links[1]!, named('line'))[0]?.attributes.class).toBe('edge edge--people');
    expect(findAll(svg, classed('node--center'))).toHaveLength(1);
    expect(findAll(svg, classed('label--center')).map(textOf)).toEqual(['Baosteel']);
  });

  test.each([
    [1, '1'],
    [2, '3'],
    [8, '7'],
    [20, '9.6'],
    [1000, '12'],
  ])('draws the edge for %i co-mentions %s wide', (count, width) => {
    const network = parseXml(renderCoMentionNetwork(baosteel, [neighbour('X', count)], networkOptions));
    expect(findAll(network, classed('edge'))[0]?.attributes['stroke-width']).toBe(width);
  });

  test('keeps the top 12 by count, ties in label order', () => {
    const many = Array.from({ length: 15 }, (_, index) =>
      neighbour(`N${String(index).padStart(2, '0')}`, (index % 5) + 1),
    );
    const network = expectAccessibleSvg(renderCoMentionNetwork(baosteel, many, networkOptions), 'network-baosteel');
    expect(findAll(network, classed('label')).map(textOf)).toEqual([
      ...['N04', 'N09', 'N14', 'N03', 'N08', 'N13', 'N02', 'N07', 'N12', 'N01', 'N06', 'N11'],
      'Baosteel',
    ]);
  });

  test('keeps only max neighbours when given', () => {
    const network = parseXml(renderCoMentionNetwork(baosteel, neighbours, { ...networkOptions, max: 1 }));
    expect(findAll(network, named('a')).map(tooltipOf)).toEqual(['Directive 9: 8 shared documents']);
  });

  test.each([
    [1, ['middle']],
    [2, ['start', 'end']],
    [3, ['middle', 'start', 'end']],
    [4, ['start', 'start', 'end', 'end']],
  ])('anchors labels of %i neighbours away from the graph', (count, anchors) => {
    const few = Array.from({ length: count }, (_, index) => neighbour(`N${index}`, 10 - index));
    const network = parseXml(renderCoMentionNetwork(baosteel, few, networkOptions));
    const labels = findAll(network, named('a')).flatMap((link) => findAll(link, named('text')));
    expect(labels.map((label) => label.attributes['text-anchor'])).toEqual(anchors);
  });

  test('fits long Chinese and English labels inside the viewBox', () => {
    const long = [
      neighbour('China National Petroleum Corporation', 3),
      { ...neighbour('x', 2), label: '中国石油天然气集团有限公司', lang: 'zh-Hans' },
    ];
    const network = parseXml(renderCoMentionNetwork(baosteel, long, networkOptions));
    const [minX = 0, , width = 0] = (network.attributes.viewBox ?? '').split(' ').map(Number);
    for (const label of findAll(network, classed('label'))) {
      const x = Number(label.attributes.x);
      const labelWidth = estimateTextWidth(textOf(label), 12);
      const [left, right] = { start: [x, x + labelWidth], end: [x - labelWidth, x] }[
        label.attributes['text-anchor'] ?? ''
      ] ?? [x - labelWidth / 2, x + labelWidth / 2];
      expect(left).toBeGreaterThanOrEqual(minX);
      expect(right).toBeLessThanOrEqual(minX + width);
    }
  });

  test('marks the language of a label only where it differs from the chart', () => {
    const mixed = [neighbour('SASAC', 2), { ...neighbour('x', 1), label: '国资委', lang: 'zh-Hans' }];
    const network = parseXml(renderCoMentionNetwork(baosteel, mixed, networkOptions));
    expect(findAll(network, classed('label')).map((label) => label.attributes.lang)).toEqual([
      undefined,
      'zh-Hans',
      undefined,
    ]);
  });

  test('escapes labels, hrefs and groups', () => {
    const tricky = renderCoMentionNetwork(
      { label: 'A&B <x>', lang: 'en' },
      [{ ...neighbour('C&D "quoted"', 2), href: '/x?a=1&b=2', group: 'a<b' }],
      { ...networkOptions, title: `It's <b>` },
    );
    const network = expectAccessibleSvg(tricky, 'network-baosteel');
    expect(tricky).toContain('>A&amp;B &lt;x&gt;</text>');
    expect(findAll(network, classed('label')).map(textOf)).toEqual(['C&D "quoted"', 'A&B <x>']);
    expect(findAll(network, named('a'))[0]?.attributes.href).toBe('/x?a=1&b=2');
    expect(findAll(network, named('circle'))[0]?.attributes.class).toBe('node node--a<b');
    expect(textOf(findAll(network, named('title'))[0]!)).toBe(`It's <b>`);
  });

  test('gives the same markup for the same neighbours in any order', () => {
    expect(renderCoMentionNetwork(baosteel, [...neighbours].reverse(), networkOptions)).toBe(markup);
  });

  test.each([
    ['no neighbours', []],
    ['neighbours never mentioned together', [neighbour('SASAC', 0)]],
  ])('returns an empty string for %s', (_, none) => {
    expect(renderCoMentionNetwork(baosteel, none, networkOptions)).toBe('');
  });
});

describe('escapeXml', () => {
  test.each([
    ['A&B <x>', 'A&amp;B &lt;x&gt;'],
    [`"double" 'single'`, '&quot;double&quot; &#39;single&#39;'],
    ['国资委', '国资委'],
    ['&amp;', '&amp;amp;'],
    ['', ''],
  ])('%j → %j', (input, expected) => expect(escapeXml(input)).toBe(expected));
});

describe('estimateTextWidth', () => {
  test.each([
    ['国资委', 12, 36],
    ['SASAC', 10, 27.5],
    ['宝钢 Baosteel', 10, 20 + 9 * 5.5],
    ['（国发〔2015〕22号）', 10, 70 + 6 * 5.5],
    ['', 12, 0],
  ])('%j at %i px is %d px wide', (text, fontSize, expected) => {
    expect(estimateTextWidth(text, fontSize)).toBeCloseTo(expected);
  });
});

describe('formatCoordinate', () => {
  test.each([
    [160, '160'],
    [12.345, '12.3'],
    [1 / 3, '0.3'],
    [-0.04, '0'],
    [-7.25, '-7.2'],
  ])('%d → %s', (value, expected) => expect(formatCoordinate(value)).toBe(expected));
});
