/** Something in a body that would run code in a reader's browser. */
export interface UnsafeMarkup {
  /** Offset in the body. */
  index: number;
  /** The offending text. */
  text: string;
  /** What it is and what to do instead. */
  message: string;
}

const RULES: { pattern: RegExp; message: (match: RegExpMatchArray) => string }[] = [
  {
    pattern: /<\s*(script|iframe|object|embed|style|form|base|meta|link)\b/gi,
    message: (match) => `raw <${match[1]!.toLowerCase()}> tag: remove it; bodies are text, not HTML`,
  },
  {
    pattern: /<[a-z][^>]*?\s(on[a-z]+)\s*=/gi,
    message: (match) =>
      `event handler attribute ${match[1]!.toLowerCase()}= runs code in the reader's browser: remove it`,
  },
  {
    pattern: /(java|vb)script\s*:/gi,
    message: (match) =>
      `${match[1]!.toLowerCase()}script: URL runs code in the reader's browser: link to an http(s) address instead`,
  },
];

/** Finds raw `<script>`-like tags, `on…=` handlers and `javascript:` URLs in a Markdown body. */
export function findUnsafeMarkup(body: string): UnsafeMarkup[] {
  const found: UnsafeMarkup[] = [];
  for (const rule of RULES) {
    for (const match of body.matchAll(rule.pattern)) {
      found.push({ index: match.index, text: match[0], message: rule.message(match) });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** 1-based line and column of an offset in a text. */
export function positionOf(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}
