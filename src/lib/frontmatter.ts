/** A Markdown file split into its YAML frontmatter and its body. */
export interface SplitFile {
  /** The YAML between the `---` fences, line endings normalised to LF. */
  yaml: string;
  /** The 1-based line of the file on which the YAML starts. */
  yamlLine: number;
  /** The Markdown after the closing fence, line endings normalised to LF. */
  body: string;
  /** The 1-based line of the file on which the body starts. */
  bodyLine: number;
}

/** Why a file could not be split. */
export type SplitFailure = { problem: 'missing' | 'unclosed'; line: number };

/** Removes a byte-order mark and turns CRLF and lone CR line endings into LF. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * Splits a Markdown file into frontmatter and body. The file must open with a `---` line and
 * close the frontmatter with another `---` (or `...`) line. BOM and CRLF are accepted.
 */
export function splitFrontmatter(text: string): SplitFile | SplitFailure {
  const lines = normaliseText(text).split('\n');
  if (lines[0]?.trimEnd() !== '---') return { problem: 'missing', line: 1 };
  const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (close === -1) return { problem: 'unclosed', line: 1 };
  return {
    yaml: lines.slice(1, close).join('\n'),
    yamlLine: 2,
    body: lines.slice(close + 1).join('\n'),
    bodyLine: close + 2,
  };
}

const FENCE = /^(---|\.\.\.)\s*$/;
const LF = 0x0a;
const CR = 0x0d;

/**
 * The frontmatter of a UTF-8 file, as `splitFrontmatter` would find it, decoding only the bytes
 * up to the line that closes it: a fingerprint needs the frontmatter of every file, and decoding
 * every body for it cost more than hashing. A file that cannot be split gives its failure.
 */
export function readFrontmatterBytes(bytes: Uint8Array): string | SplitFailure {
  const decoder = new TextDecoder();
  // A closing fence starts a line, so it follows a line break and begins with `---` or `...`.
  for (let at = 0; at < bytes.length; at++) {
    if (bytes[at] !== LF && bytes[at] !== CR) continue;
    const mark = bytes[at + 1];
    if ((mark !== 0x2d && mark !== 0x2e) || bytes[at + 2] !== mark || bytes[at + 3] !== mark) continue;
    let end = at + 4;
    while (end < bytes.length && bytes[end] !== LF && bytes[end] !== CR) end++;
    if (!FENCE.test(decoder.decode(bytes.subarray(at + 1, end)))) continue;
    const split = splitFrontmatter(decoder.decode(bytes.subarray(0, end)));
    return 'yaml' in split ? split.yaml : split;
  }
  const split = splitFrontmatter(decoder.decode(bytes));
  return 'yaml' in split ? split.yaml : split;
}
