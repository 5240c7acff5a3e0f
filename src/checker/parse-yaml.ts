import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';

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

/** Parses frontmatter YAML (1.2 core schema, duplicate keys rejected) keeping node positions. */
export function parseYaml(yaml: string, firstLine: number): ParsedYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(yaml, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core' });
  const toFileLine = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + firstLine - 1, column: pos.col };
  };
  const syntaxErrors = document.errors.map((error) => ({
    ...toFileLine(error.pos[0]),
    message: error.message.split('\n')[0] ?? error.message,
  }));
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

/** The offset of the deepest existing node on `path` (the key itself when `part` is `key`). */
function findOffset(document: Document, path: readonly PropertyKey[], part: 'key' | 'value'): number {
  for (let depth = path.length; depth > 0; depth -= 1) {
    const parent = depth === 1 ? document.contents : findNode(document, path.slice(0, depth - 1));
    const key = path[depth - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
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

function findUnquotedDates(document: Document): { path: PropertyKey[]; text: string }[] {
  const found: { path: PropertyKey[]; text: string }[] = [];
  visit(document, {
    Scalar(key, node, ancestors) {
      if (key === 'key' || node.type !== 'PLAIN') return;
      const text = node.source ?? String(node.value);
      if (!/^\d{4}-\d{1,2}-\d{1,2}([Tt ]|$)/.test(text)) return;
      const path: PropertyKey[] = [];
      let previous: unknown = node;
      for (const ancestor of [...ancestors].reverse()) {
        if (isSeq(ancestor)) path.unshift(ancestor.items.indexOf(previous as never));
        else if (ancestor && typeof ancestor === 'object' && 'key' in ancestor && 'value' in ancestor) {
          const pairKey = (ancestor as { key: unknown }).key;
          path.unshift(isScalar(pairKey) ? (pairKey.value as PropertyKey) : String(pairKey));
        }
        previous = ancestor;
      }
      found.push({ path, text });
    },
  });
  return found;
}
