import type { Problem } from './problem.ts';

/*
 * GitHub Actions workflow commands (https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions):
 * `::error file=…,line=…,col=…,title=…::message`. A line is one command, so the message escapes
 * `%`, CR and LF; a property also escapes `:` and `,`, which separate properties. Anything else,
 * Chinese included, passes as it is.
 */

/** Escapes the message of a workflow command. */
export function escapeCommandData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a property value (file, title) of a workflow command. */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/**
 * One problem as an annotation on its file and line: an `error` or `warning` command whose title
 * names the field, so that the pull request shows it beside the line it concerns.
 */
export function formatGithubAnnotation(problem: Problem): string {
  const properties: [string, string | number | undefined][] = [
    ['file', problem.file],
    ['line', problem.line],
    ['col', problem.line === undefined ? undefined : problem.column],
    ['title', problem.field ? `npm run check: ${problem.field}` : 'npm run check'],
  ];
  const list = properties
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeCommandProperty(String(value))}`)
    .join(',');
  return `::${problem.severity} ${list}::${escapeCommandData(problem.message)}`;
}
