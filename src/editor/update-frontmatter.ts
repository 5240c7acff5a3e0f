import {
  Document as YamlDocument,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  Scalar,
  visit,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';

/** Frontmatter data as the editor sends it: plain JSON values. */
export type FieldValue = string | number | boolean | null | FieldValue[] | { [key: string]: FieldValue };
export type FieldMap = { [key: string]: FieldValue };

/** Where text is replaced in the YAML: offsets into the LF-normalised frontmatter. */
interface Splice {
  start: number;
  end: number;
  text: string;
}

/** The width the archive's files are wrapped to. */
const LINE_WIDTH = 100;
const DATE_LIKE = /^\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?$/;

/** A Markdown file taken apart so that it can be put back byte for byte. */
interface FileParts {
  bom: string;
  eol: '\n' | '\r\n';
  /** `---` line up to and including its newline. */
  open: string;
  /** The YAML between the fences, LF line endings, ending with a newline when not empty. */
  yaml: string;
  /** The closing fence line, newline included when there is one. */
  close: string;
  /** Everything after the closing fence, LF line endings. */
  body: string;
}

function splitFile(text: string): FileParts {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lf = text.slice(bom.length).replace(/\r\n/g, '\n');
  const match = /^(---[ \t]*\n)([\s\S]*?\n)?((?:---|\.\.\.)[ \t]*(?:\n|$))/.exec(lf);
  if (!match) throw new Error('the file has no frontmatter between --- lines');
  return {
    bom,
    eol,
    open: match[1]!,
    yaml: match[2] ?? '',
    close: match[3]!,
    body: lf.slice(match[0].length),
  };
}

function joinFile(parts: FileParts): string {
  const lf = parts.open + parts.yaml + parts.close + parts.body;
  return parts.bom + (parts.eol === '\r\n' ? lf.replace(/\n/g, '\r\n') : lf);
}

/** The frontmatter data and body of a Markdown file, read the way the editor edits them. */
export function readFrontmatter(text: string): { data: FieldMap; body: string } {
  const parts = splitFile(text);
  const document = parseDocument(parts.yaml, { schema: 'core' });
  if (document.errors.length > 0) throw new Error(`the frontmatter is not valid YAML: ${document.errors[0]!.message}`);
  const data = document.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new Error('the frontmatter is not a list of fields');
  return { data: data as FieldMap, body: parts.body };
}

/**
 * Writes new frontmatter data (and optionally a new body) into an existing Markdown file,
 * touching only the lines of the fields whose values changed: untouched fields keep their
 * quoting, folding, comments and order; the body, BOM and line endings stay as they were.
 * Saving unchanged data returns the very same text.
 */
export function updateFrontmatter(text: string, data: FieldMap, body?: string): string {
  const parts = splitFile(text);
  const document = parseDocument(parts.yaml, { schema: 'core', keepSourceTokens: false });
  if (document.errors.length > 0) throw new Error(`the frontmatter is not valid YAML: ${document.errors[0]!.message}`);
  const splices: Splice[] = [];
  const contents = document.contents;
  if (isMap(contents) && !contents.flow) diffMap(parts.yaml, contents, document.toJS() as FieldMap, data, splices);
  else if (Object.keys(data).length > 0 || contents !== null) {
    splices.push({ start: 0, end: parts.yaml.length, text: formatFields(data) });
  }
  splices.sort((a, b) => b.start - a.start);
  let yaml = parts.yaml;
  for (const splice of splices) yaml = yaml.slice(0, splice.start) + splice.text + yaml.slice(splice.end);
  const nextBody = body === undefined ? parts.body : body.replace(/\r\n/g, '\n');
  if (yaml === parts.yaml && nextBody === parts.body) return text;
  return joinFile({ ...parts, yaml, body: nextBody });
}

/** A new Markdown file in the archive's format: frontmatter fields in the order given, then the body. */
export function formatEntryFile(data: FieldMap, body = ''): string {
  return `---\n${formatFields(data)}---\n${body.replace(/\r\n/g, '\n')}`;
}

function formatFields(data: FieldMap): string {
  return Object.entries(data)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => formatPair(key, value, 0))
    .join('');
}

function isPlainObject(value: unknown): value is FieldMap {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && sameValue(a[key], b[key]));
  }
  return false;
}

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/** Offset of the start of the line holding `offset`. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just after the newline ending the line holding `offset - 1` (the end of a value). */
function lineEnd(text: string, end: number): number {
  if (end > 0 && text[end - 1] === '\n') return end;
  const newline = text.indexOf('\n', end);
  return newline === -1 ? text.length : newline + 1;
}

/** The span of a pair: from its key to the end of its value's last line. */
function pairSpan(yaml: string, pair: Pair): { start: number; end: number; column: number; ownLine: boolean } {
  const keyNode = pair.key as Node;
  const start = keyNode.range![0];
  const from = lineStart(yaml, start);
  const valueNode = pair.value as Node | null;
  const end = lineEnd(yaml, valueNode?.range?.[1] ?? keyNode.range![1]);
  // The first key of a list item shares its line with the dash.
  const ownLine = yaml.slice(from, start).trim() === '';
  return { start: ownLine ? from : start, end, column: start - from, ownLine };
}

function diffMap(yaml: string, map: YAMLMap, before: FieldMap, next: FieldMap, splices: Splice[]): void {
  const pairs = map.items as Pair[];
  const old = new Map(pairs.flatMap((pair) => (keyOf(pair) === undefined ? [] : [[keyOf(pair)!, pair] as const])));
  const column = pairs.length > 0 ? pairSpan(yaml, pairs[0]!).column : 0;
  for (const pair of pairs) {
    const key = keyOf(pair);
    if (key === undefined || key in next) continue;
    const span = pairSpan(yaml, pair);
    if (!span.ownLine) {
      // Removing the first field of a list item would orphan its dash: rewrite the item instead.
      throw new ReplaceParent();
    }
    splices.push({ start: span.start, end: span.end, text: '' });
  }
  let previous: Pair | undefined;
  const keys = Object.keys(next);
  for (const key of keys) {
    const value = next[key]!;
    const pair = old.get(key);
    if (!pair) {
      // A new field goes after the field before it in the data's order, or first.
      const first = pairs[0] ? pairSpan(yaml, pairs[0]) : undefined;
      if (!previous && first && !first.ownLine) throw new ReplaceParent();
      const at = previous ? pairSpan(yaml, previous).end : (first?.start ?? yaml.length);
      splices.push({ start: at, end: at, text: indent(formatPair(key, value, column), column) });
      continue;
    }
    previous = pair;
    const oldNode = pair.value as Node | null;
    const oldValue = before[key];
    if (sameValue(oldValue, value)) continue;
    const span = pairSpan(yaml, pair);
    if (isMap(oldNode) && !oldNode.flow && isPlainObject(value) && Object.keys(value).length > 0) {
      if (tryDiff(() => diffMap(yaml, oldNode, oldValue as FieldMap, value, splices), splices)) continue;
    }
    if (isSeq(oldNode) && !oldNode.flow && Array.isArray(value) && oldNode.items.length > 0) {
      const items = oldNode.items as Node[];
      const olds = oldValue as FieldValue[];
      if (value.length === items.length) {
        const mapsOnly = items.every((item, i) => isMap(item) && !item.flow && isPlainObject(value[i]));
        const diffItems = () =>
          items.forEach((item, i) =>
            diffMap(yaml, item as YAMLMap, olds[i] as FieldMap, value[i] as FieldMap, splices),
          );
        if (mapsOnly && tryDiff(diffItems, splices)) continue;
      } else if (diffItems(yaml, items, olds, value, splices)) continue;
    }
    // An empty `[]` grows into a block list, as the archive writes lists; a non-empty flow value stays flow.
    const flow = (isMap(oldNode) || isSeq(oldNode)) && oldNode.flow && oldNode.items.length > 0;
    // An empty "" is quoted only because it is empty: the text that fills it takes the usual style.
    const filled = isScalar(oldNode) && oldNode.value === '';
    const style = isScalar(oldNode) && !filled ? oldNode.type : flow ? 'flow' : undefined;
    const text = formatPair(key, value, span.column, style);
    splices.push({
      start: span.start,
      end: span.end,
      text: span.ownLine ? indent(text, span.column) : indentRest(text, span.column),
    });
  }
}

/**
 * Items removed from a block list, or appended to it, touch only their own lines. Returns
 * false for any other change (reordering, replacing), which rewrites the whole list.
 */
function diffItems(yaml: string, items: Node[], before: FieldValue[], next: FieldValue[], splices: Splice[]): boolean {
  // An emptied list is written `[]`: a key with no items left would read as null.
  if (next.length === 0) return false;
  const dash = lineStart(yaml, items[0]!.range![0]);
  const column = items[0]!.range![0] - dash - 2;
  if (column < 0 || yaml.slice(dash + column, dash + column + 2) !== '- ') return false;
  if (next.length > before.length) {
    if (!before.every((item, i) => sameValue(item, next[i]))) return false;
    const at = lineEnd(yaml, items[items.length - 1]!.range![1]);
    splices.push({ start: at, end: at, text: indent(formatValue(next.slice(before.length), column), column) });
    return true;
  }
  const removed: Node[] = [];
  let j = 0;
  before.forEach((item, i) => {
    if (j < next.length && sameValue(item, next[j])) j += 1;
    else removed.push(items[i]!);
  });
  if (j !== next.length) return false;
  for (const item of removed) {
    splices.push({ start: lineStart(yaml, item.range![0]), end: lineEnd(yaml, item.range![1]), text: '' });
  }
  return true;
}

/** Thrown when a change cannot be made inside a collection, so its parent field is rewritten whole. */
class ReplaceParent extends Error {}

function tryDiff(run: () => void, splices: Splice[]): boolean {
  const before = splices.length;
  try {
    run();
    return true;
  } catch (error) {
    if (!(error instanceof ReplaceParent)) throw error;
    splices.length = before;
    return false;
  }
}

function indent(text: string, column: number): string {
  if (column === 0) return text;
  const pad = ' '.repeat(column);
  return text.replace(/^(?=.)/gm, pad);
}

function indentRest(text: string, column: number): string {
  const [first, ...rest] = text.split(/(?<=\n)/);
  return first + indent(rest.join(''), column);
}

/**
 * One `key: value` pair in the archive's style, at column 0 and wrapped to fit at `column`:
 * dates double-quoted (unquoted dates become timestamps in other YAML tools), long text folded
 * with `>-`, short text plain when YAML allows, the quoting of a replaced value kept.
 */
function formatPair(key: string, value: FieldValue, column: number, oldType?: Scalar['type'] | 'flow'): string {
  return formatValue({ [key]: value }, column, oldType);
}

/** A map or list in the archive's style (see `formatPair`), at column 0, wrapped to fit at `column`. */
function formatValue(value: FieldMap | FieldValue[], column: number, oldType?: Scalar['type'] | 'flow'): string {
  const document = new YamlDocument(value, { version: '1.2', schema: 'core' });
  const width = LINE_WIDTH - column;
  // A value written on one line in braces or brackets (`site: { zh: …, en: … }`) stays so.
  const created = isMap(document.contents) ? document.contents.items[0]?.value : undefined;
  if (oldType === 'flow' && (isMap(created) || isSeq(created)) && created.items.length > 0) created.flow = true;
  visit(document, {
    Scalar(role, node, path) {
      if (role === 'key' || typeof node.value !== 'string') return;
      const text = node.value;
      const parent = path[path.length - 1];
      const keyText = parent && isPairLike(parent) && isScalar(parent.key) ? String(parent.key.value) : '';
      const depth = path.filter((ancestor) => isMap(ancestor) || isSeq(ancestor)).length - 1;
      if (DATE_LIKE.test(text)) node.type = Scalar.QUOTE_DOUBLE;
      else if (text === '') node.type = Scalar.QUOTE_DOUBLE;
      else if (!text.includes('\n') && depth * 2 + keyText.length + 2 + text.length > width)
        node.type = Scalar.BLOCK_FOLDED;
      else if (oldType === Scalar.QUOTE_DOUBLE || oldType === Scalar.QUOTE_SINGLE) node.type = oldType;
    },
  });
  return document.toString({ lineWidth: width, minContentWidth: 0, indentSeq: true, doubleQuotedAsJSON: false });
}

function isPairLike(node: unknown): node is Pair {
  return node !== null && typeof node === 'object' && 'key' in node && 'value' in node;
}
