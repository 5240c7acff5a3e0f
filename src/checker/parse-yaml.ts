import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';

/** Frontmatter parsed with source positions, so problems can name their line. */
export interface ParsedYaml {
  /** The frontmatter as plain data, or undefined when the YAML could not be read. */
  data: unknown;
  /** YAML syntax problems, positions relative to the file. */
  syntaxErrors: { line: number; column: number; message: string }[];
  /** Finds the line and column of a field (or of its key), relative to the file. */
  locate: (path: readonly PropertyKey[], part?: 'key' | 'value') => { line: number; column: number };
  /** The node at a path, to inspect how a value was written. */
  nodeAt: (path: readonly PropertyKey[]) => Node | undefined;
  /** Unquoted values that YAML tools read as timestamps: `date: 2014-04-14`. */
  unquotedDates: { path: PropertyKey[]; text: string }[];
}

// Aliases expand to copies; a handful of nested aliases can otherwise build gigabytes (YAML bomb).
const MAX_ALIAS_COUNT = 50;

/**
 * Parses frontmatter YAML (1.2 core schema, duplicate keys rejected) keeping node positions.
 * Duplicate keys are found here, in one pass with a set per mapping: the `yaml` package's own
 * `uniqueKeys` compares each key with every key before it, which took 8.7 s for 20,000 keys.
 */
export function parseYaml(yaml: string, firstLine: number): ParsedYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(yaml, { lineCounter, prettyErrors: false, uniqueKeys: false, schema: 'core' });
  const toFileLine = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + firstLine - 1, column: pos.col };
  };
  const syntaxErrors = document.errors.map((error) => ({
    ...toFileLine(error.pos[0]),
    message: error.message.split('\n')[0] ?? error.message,
  }));
  for (const duplicate of findDuplicateKeys(document.contents)) {
    const first = toFileLine(duplicate.firstOffset);
    syntaxErrors.push({
      ...toFileLine(duplicate.offset),
      message: `duplicate key "${duplicate.key}": it is already set on line ${first.line}; keep one`,
    });
  }
  syntaxErrors.sort((a, b) => a.line - b.line || a.column - b.column);
  let data: unknown;
  if (syntaxErrors.length === 0) {
    try {
      data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      syntaxErrors.push({ line: firstLine, column: 1, message: (error as Error).message });
    }
  }
  return {
    data,
    syntaxErrors,
    locate: (path, part = 'value') => toFileLine(findOffset(document, path, part)),
    nodeAt: (path) => findNode(document, path),
    unquotedDates: findUnquotedDates(document),
  };
}

function findNode(document: Document, path: readonly PropertyKey[]): Node | undefined {
  const node = document.getIn(path as unknown[], true);
  return node && typeof node === 'object' ? (node as Node) : undefined;
}

// Each mapping's keys, indexed the first time a problem is located in it: a file with thousands
// of keys can have thousands of problems, and a scan per problem would make that quadratic.
const keyIndexes = new WeakMap<object, Map<unknown, Pair>>();

function pairFor(map: YAMLMap, key: PropertyKey | undefined): Pair | undefined {
  let index = keyIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) {
      if (isScalar(item.key) && !index.has(item.key.value)) index.set(item.key.value, item as Pair);
    }
    keyIndexes.set(map, index);
  }
  return index.get(key);
}

/** The offset of the deepest existing node on `path` (the key itself when `part` is `key`). */
function findOffset(document: Document, path: readonly PropertyKey[], part: 'key' | 'value'): number {
  for (let depth = path.length; depth > 0; depth -= 1) {
    const parent = depth === 1 ? document.contents : findNode(document, path.slice(0, depth - 1));
    const key = path[depth - 1];
    if (isMap(parent)) {
      const pair = pairFor(parent, key);
      if (!pair) continue;
      const target = part === 'key' && depth === path.length ? pair.key : (pair.value ?? pair.key);
      const range = (target as Node | null)?.range;
      if (range) return range[0];
    } else if (isSeq(parent) && typeof key === 'number') {
      const range = (parent.items[key] as Node | undefined)?.range;
      if (range) return range[0];
    }
  }
  return document.contents?.range?.[0] ?? 0;
}

/** Every key that a mapping already holds, with both places; one set per mapping, so linear. */
function findDuplicateKeys(root: unknown): { key: string; offset: number; firstOffset: number }[] {
  const found: { key: string; offset: number; firstOffset: number }[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key)) {
          const name = String(key.value);
          const offset = key.range?.[0] ?? 0;
          const first = seen.get(name);
          if (first === undefined) seen.set(name, offset);
          else found.push({ key: name, offset, firstOffset: first });
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return found;
}

/** Plain scalars written like dates, with their paths: one walk that carries the path down. */
function findUnquotedDates(document: Document): { path: PropertyKey[]; text: string }[] {
  const found: { path: PropertyKey[]; text: string }[] = [];
  const walk = (node: unknown, path: PropertyKey[]): void => {
    if (isScalar(node)) {
      if (node.type !== 'PLAIN') return;
      const text = node.source ?? String(node.value);
      if (/^\d{4}-\d{1,2}-\d{1,2}([Tt ]|$)/.test(text)) found.push({ path: [...path], text });
    } else if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? (pair.key.value as PropertyKey) : String(pair.key);
        path.push(key);
        walk(pair.value, path);
        path.pop();
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        path.push(index);
        walk(item, path);
        path.pop();
      });
    }
  };
  walk(document.contents, []);
  return found;
}
