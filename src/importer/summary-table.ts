import type { ImportReport } from './import-page.ts';

/** Display width of a string in a terminal: Han and full-width characters take two columns. */
function width(text: string): number {
  let columns = 0;
  for (const char of text)
    columns += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      char,
    )
      ? 2
      : 1;
  return columns;
}

/** `text` cut (with …) or padded to exactly `columns` display columns. */
function fit(text: string, columns: number): string {
  if (width(text) <= columns) return text + ' '.repeat(columns - width(text));
  let out = '';
  for (const char of text) {
    if (width(out + char) > columns - 1) break;
    out += char;
  }
  return `${out}…${' '.repeat(columns - 1 - width(out))}`;
}

/**
 * The batch summary: one row per file with its encoding, title, date, type and number of
 * warnings (or the error), then a count of successes and failures.
 */
export function formatSummaryTable(reports: readonly ImportReport[]): string {
  const columns = [
    { head: 'file', size: 28, cell: (r: ImportReport) => r.file.split('/').at(-1) ?? r.file },
    { head: 'encoding', size: 9, cell: (r: ImportReport) => r.encoding ?? '-' },
    { head: 'title', size: 36, cell: (r: ImportReport) => r.title ?? `ERROR ${r.error ?? ''}` },
    { head: 'date', size: 10, cell: (r: ImportReport) => r.date ?? '-' },
    { head: 'type', size: 8, cell: (r: ImportReport) => r.type ?? '-' },
    { head: 'warnings', size: 8, cell: (r: ImportReport) => (r.ok ? String(r.warnings.length) : '-') },
  ];
  const row = (cells: string[]): string =>
    cells
      .map((cell, i) => fit(cell, columns[i]!.size))
      .join('  ')
      .trimEnd();
  const lines = [row(columns.map((c) => c.head)), row(columns.map((c) => '-'.repeat(c.size)))];
  for (const report of reports) lines.push(row(columns.map((c) => c.cell(report))));
  const failures = reports.filter((r) => !r.ok);
  lines.push('', `${reports.length - failures.length} imported, ${failures.length} failed`);
  for (const failure of failures) lines.push(`  ${failure.error}`);
  return lines.join('\n');
}
