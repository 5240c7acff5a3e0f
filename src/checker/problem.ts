/** One thing the checker found, with where it is and how to fix it. */
export interface Problem {
  /** `error` fails the check and the build; `warning` is reported only. */
  severity: 'error' | 'warning';
  /** Path of the file relative to the working directory, e.g. content/documents/x.md. */
  file: string;
  /** 1-based line in the file, when the problem has a place. */
  line?: number;
  /** 1-based column in the line. */
  column?: number;
  /** The field concerned, written like `enterprises[1]` or `source.defects[0].note.en`. */
  field?: string;
  /** What is wrong, what was found, and what to do. */
  message: string;
}

/** Writes a field path the way an editor reads it: `source.defects[0].note`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, '');
}

/** One line per problem: `file:line:col  field  message`, the form editors and editors' tools read. */
export function formatProblem(problem: Problem): string {
  const place = [problem.file, problem.line, problem.line === undefined ? undefined : (problem.column ?? 1)]
    .filter((part) => part !== undefined)
    .join(':');
  const label = problem.severity === 'warning' ? 'warning: ' : '';
  return [place, problem.field, `${label}${problem.message}`].filter(Boolean).join('  ');
}

/** Orders problems by file, then line and column, errors before warnings at one place. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}
