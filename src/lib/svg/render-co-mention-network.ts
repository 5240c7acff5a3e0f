import { escapeXml } from './escape-xml.ts';
import { estimateTextWidth } from './estimate-text-width.ts';
import { formatCoordinate as f } from './format-coordinate.ts';
import { renderSvgRoot } from './render-svg-root.ts';

/** A labelled node, with the language its label is written in. */
export interface NetworkNode {
  label: string;
  lang: string;
}

/** A node mentioned together with the centre, in `count` documents. */
export interface NetworkNeighbour extends NetworkNode {
  href: string;
  count: number;
  /** The kind of node, e.g. `enterprises`, `directives` or `people`; becomes the class `node--<group>`. */
  group: string;
}

/** The words around a co-mention network and how many neighbours to draw. */
export interface NetworkOptions {
  /** Starts the network's ids; unique on the page. */
  idPrefix: string;
  /** The accessible name, e.g. `Mentioned together with Baosteel`. */
  title: string;
  /** A sentence that summarises the data. */
  description: string;
  /** The `lang` attribute of the `<svg>`. */
  lang: string;
  /** Words for a co-mention count in a tooltip: `(n) => \`${n} documents\`` or `(n) => \`${n}篇\``. */
  countLabel: (count: number) => string;
  /** How many neighbours to draw, those with the highest counts first; 12 unless given. */
  max?: number;
}

const FONT_SIZE = 12;
const CENTRE_RADIUS = 10;
const NODE_RADIUS = 6;
const LABEL_GAP = 6;
const PADDING = 8;
const MAX_EDGE_WIDTH = 12;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Renders a radial network as SVG markup: the centre in the middle, its most co-mentioned neighbours
 * evenly on a circle around it, each joined by an edge that thickens with the count and linked to its
 * page. Labels sit outside the circle, anchored away from the graph. Returns an empty string when no
 * neighbour has a count of at least 1.
 */
export function renderCoMentionNetwork(
  center: NetworkNode,
  neighbours: NetworkNeighbour[],
  options: NetworkOptions,
): string {
  const shown = pickNeighbours(neighbours, options.max ?? 12);
  if (shown.length === 0) return '';
  const radius = Math.max(110, shown.length * 10);
  // With an even number of nodes, turning half a step keeps edges from running straight down through the centre's label.
  const start = -Math.PI / 2 + (shown.length % 2 === 0 ? Math.PI / shown.length : 0);
  const ring = radius + NODE_RADIUS;
  const boxes: Box[] = [{ left: -ring, top: -ring, right: ring, bottom: ring }];
  const drawn = shown.map((neighbour, index) => {
    const angle = start + (2 * Math.PI * index) / shown.length;
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    const [x, y] = [radius * cos, radius * sin];
    const label = placeLabel(neighbour.label, angle, radius + NODE_RADIUS + LABEL_GAP);
    boxes.push(label.box);
    const tooltip = `${neighbour.label}: ${options.countLabel(neighbour.count)}`;
    const group = escapeXml(neighbour.group);
    return [
      `<a href="${escapeXml(neighbour.href)}">`,
      `<title>${escapeXml(tooltip)}</title>`,
      `<line class="edge edge--${group}" x1="0" y1="0" x2="${f(x)}" y2="${f(y)}" stroke="currentColor"` +
        ` stroke-width="${f(Math.min(MAX_EDGE_WIDTH, 1 + 2 * Math.log2(neighbour.count)))}"/>`,
      `<circle class="node node--${group}" cx="${f(x)}" cy="${f(y)}" r="${NODE_RADIUS}"/>`,
      `<text class="label"${langAttribute(neighbour, options.lang)} x="${f(label.x)}" y="${f(label.y)}"` +
        ` text-anchor="${label.anchor}">${escapeXml(neighbour.label)}</text>`,
      '</a>',
    ].join('');
  });
  const centreWidth = estimateTextWidth(center.label, FONT_SIZE);
  const centreBaseline = CENTRE_RADIUS + FONT_SIZE + 2;
  boxes.push({ left: -centreWidth / 2, top: 0, right: centreWidth / 2, bottom: centreBaseline + FONT_SIZE * 0.3 });
  const body = [
    `<g class="network" font-size="${FONT_SIZE}">`,
    ...drawn,
    `<circle class="node node--center" cx="0" cy="0" r="${CENTRE_RADIUS}"/>`,
    `<text class="label label--center"${langAttribute(center, options.lang)} x="0" y="${centreBaseline}"` +
      ` text-anchor="middle">${escapeXml(center.label)}</text>`,
    '</g>',
  ].join('\n');
  return renderSvgRoot({ ...options, className: 'co-mention-network', viewBox: frameBoxes(boxes) }, body);
}

/** The `max` neighbours with the highest counts, ties in code-point order of label so output never depends on locale. */
function pickNeighbours(neighbours: NetworkNeighbour[], max: number): NetworkNeighbour[] {
  return neighbours
    .filter((neighbour) => neighbour.count >= 1)
    .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
    .slice(0, Math.max(0, max));
}

/** Puts a label just outside its node: to the right on the right half, to the left on the left, above at the top. */
function placeLabel(text: string, angle: number, distance: number) {
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const width = estimateTextWidth(text, FONT_SIZE);
  const x = distance * cos;
  if (Math.abs(cos) < 0.01) {
    const y = sin < 0 ? distance * sin : distance * sin + FONT_SIZE * 0.8;
    return {
      x,
      y,
      anchor: 'middle',
      box: { left: x - width / 2, top: y - FONT_SIZE, right: x + width / 2, bottom: y },
    };
  }
  // 0.35 em below the node's centre line puts the middle of the text beside the node.
  const y = distance * sin + FONT_SIZE * 0.35;
  const [left, right] = cos > 0 ? [x, x + width] : [x - width, x];
  return {
    x,
    y,
    anchor: cos > 0 ? 'start' : 'end',
    box: { left, top: y - FONT_SIZE, right, bottom: y + FONT_SIZE * 0.3 },
  };
}

function langAttribute(node: NetworkNode, svgLang: string): string {
  return node.lang === svgLang ? '' : ` lang="${escapeXml(node.lang)}"`;
}

/** The viewBox around every label, the ring of nodes and a margin. */
function frameBoxes(boxes: Box[]): [number, number, number, number] {
  const left = Math.min(...boxes.map((box) => box.left)) - PADDING;
  const top = Math.min(...boxes.map((box) => box.top)) - PADDING;
  const right = Math.max(...boxes.map((box) => box.right)) + PADDING;
  const bottom = Math.max(...boxes.map((box) => box.bottom)) + PADDING;
  return [Math.floor(left), Math.floor(top), Math.ceil(right - Math.floor(left)), Math.ceil(bottom - Math.floor(top))];
}
