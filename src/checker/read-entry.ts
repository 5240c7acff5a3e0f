import type { z } from 'zod';
import { splitFrontmatter } from '../lib/frontmatter.ts';
import { findInvalidUtf8 } from '../lib/utf8.ts';
import { isScalar } from 'yaml';
import { findBidiControls } from './bidi-controls.ts';
import { describeIssue } from './describe-issue.ts';
import { parseYaml, type ParsedYaml } from './parse-yaml.ts';
import { formatFieldPath, type Problem } from './problem.ts';
import { findUnsafeMarkup, positionOf } from './unsafe-html.ts';

/** Files above this size are read but reported. */
export const WARN_BYTES = 1024 * 1024;
/** Files above this size are refused before parsing, so a runaway file cannot stall the build. */
export const MAX_BYTES = 10 * 1024 * 1024;

/** A content file read, validated against its schema, and located. */
export interface ReadEntry {
  /** The validated frontmatter, when it passed its schema. */
  data?: Record<string, unknown>;
  /** The frontmatter as written, when it could be parsed (for cross-checks even when invalid). */
  raw?: Record<string, unknown>;
  /** The Markdown body. */
  body: string;
  /** The line on which the body starts. */
  bodyLine: number;
  /** Positions of fields, when the frontmatter could be parsed. */
  yaml?: ParsedYaml;
  /** Everything wrong with the file on its own. */
  problems: Problem[];
}

/**
 * Reads one content file from its bytes: encoding, frontmatter, YAML, schema and unsafe markup.
 * Never throws; every problem is returned with its place.
 */
export function readEntry(
  file: string,
  bytes: Uint8Array,
  schema: z.core.$ZodType,
  size: number = bytes.length,
): ReadEntry {
  const problems: Problem[] = [];
  const fail = (problem: Omit<Problem, 'file' | 'severity'>): ReadEntry => ({
    body: '',
    bodyLine: 1,
    problems: [...problems, { severity: 'error', file, ...problem }],
  });
  if (size > MAX_BYTES) {
    return fail({
      message: `file is ${(size / 1024 / 1024).toFixed(1)} MB, over the 10 MB limit: split the text or keep the raw source outside content/`,
    });
  }
  if (size > WARN_BYTES) {
    problems.push({
      severity: 'warning',
      file,
      message: `file is ${(size / 1024 / 1024).toFixed(1)} MB; files over 1 MB slow every build: is it one document?`,
    });
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const before = new TextDecoder().decode(bytes.subarray(0, nul));
    return fail({
      ...positionOf(before, nul === 0 ? 0 : before.length),
      message: `NUL byte at byte offset ${nul}: this is a binary file or a broken save; re-save the file as UTF-8 text`,
    });
  }
  const invalid = findInvalidUtf8(bytes);
  if (invalid !== -1) {
    const before = new TextDecoder().decode(bytes.subarray(0, invalid));
    return fail({
      ...positionOf(before, before.length),
      message: `not valid UTF-8 at byte offset ${invalid}: if the text is GBK/GB18030 or Big5, convert it with the importer (npm run import -- <file>) or re-save it as UTF-8`,
    });
  }
  const text = new TextDecoder().decode(bytes);
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    return fail({
      line: 1,
      column: 1,
      message: 'file is empty: it needs frontmatter between --- lines (see docs/content.md)',
    });
  }
  const split = splitFrontmatter(text);
  if ('problem' in split) {
    return fail({
      line: split.line,
      column: 1,
      message:
        split.problem === 'missing'
          ? 'file must start with a line "---" that opens the frontmatter'
          : 'frontmatter opened on line 1 is never closed: add a line "---" after the last field',
    });
  }
  for (const control of findBidiControls(text)) {
    problems.push({ severity: 'error', file, ...positionOf(text, control.index), message: control.message });
  }
  const yaml = parseYaml(split.yaml, split.yamlLine);
  for (const error of yaml.syntaxErrors) {
    problems.push({
      severity: 'error',
      file,
      line: error.line,
      column: error.column,
      message: `YAML: ${error.message}`,
    });
  }
  const entry: ReadEntry = { body: split.body, bodyLine: split.bodyLine, yaml, problems };
  for (const unsafe of findUnsafeMarkup(split.body)) {
    const at = positionOf(split.body, unsafe.index);
    problems.push({
      severity: 'error',
      file,
      line: at.line + split.bodyLine - 1,
      column: at.column,
      message: unsafe.message,
    });
  }
  if (yaml.syntaxErrors.length > 0) return entry;
  if (yaml.data === null || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
    problems.push({
      severity: 'error',
      file,
      line: split.yamlLine,
      column: 1,
      message: 'frontmatter must be a set of "field: value" lines',
    });
    return entry;
  }
  entry.raw = yaml.data as Record<string, unknown>;
  for (const date of yaml.unquotedDates) {
    problems.push({
      severity: 'error',
      file,
      ...yaml.locate(date.path),
      field: formatFieldPath(date.path),
      message: `unquoted date ${date.text}: write it in quotes, "${date.text}", or YAML tools read it as a timestamp`,
    });
  }
  const result = (schema as z.ZodType).safeParse(yaml.data);
  if (result.success) {
    entry.data = result.data as Record<string, unknown>;
    return entry;
  }
  for (const issue of result.error.issues) {
    const value = valueAt(yaml.data, issue.path);
    const node = yaml.nodeAt(issue.path);
    const written = isScalar(node) ? { plain: node.type === 'PLAIN', text: node.source } : undefined;
    const messages = describeIssue(issue, value, written, schema);
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    messages.forEach((message, i) => {
      const key = keys[i];
      const path = key === undefined ? issue.path : [...issue.path, key];
      problems.push({
        severity: 'error',
        file,
        ...yaml.locate(path, key === undefined ? 'value' : 'key'),
        field: formatFieldPath(path) || undefined,
        message,
      });
    });
  }
  return entry;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
