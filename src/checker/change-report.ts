import type { Problem } from './problem.ts';

/*
 * What a pull request changes in the archive, for its reviewers: the content files it adds,
 * changes and deletes, sorted by kind, the pages of the built site they touch, and what the
 * checker found in them. Pure functions over `git diff --name-status -z` output and the checker's
 * result; src/cli/change-report.ts runs Git and the checker.
 */

export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed';
export type ChangeKind = 'document' | 'translation' | 'enterprise' | 'directive' | 'person' | 'source' | 'other';

/** One file a change touches, its path relative to the content folder. */
export interface ContentChange {
  status: ChangeStatus;
  kind: ChangeKind;
  /** Path inside the content folder, e.g. documents/x.md. */
  path: string;
  /** The path before a rename. */
  from?: string;
  /** The entry's id (the file name without .md / .en.md), for documents, translations and entities. */
  id?: string;
}

const STATUS: Record<string, ChangeStatus> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
  R: 'renamed',
  C: 'added',
  T: 'modified',
};

/**
 * Reads `git diff --name-status -z` (NUL-separated, so names with spaces, commas or Chinese arrive
 * untouched): `M\0path\0`, `R100\0old\0new\0`. Paths outside `prefix` (the content folder,
 * relative to the repository, with a trailing slash) are left out; the others lose the prefix.
 */
export function parseNameStatus(output: string, prefix: string): ContentChange[] {
  const fields = output.split('\0');
  const changes: ContentChange[] = [];
  for (let at = 0; at < fields.length && fields[at] !== '';) {
    const code = fields[at]!;
    const letter = code[0]!;
    const twoPaths = letter === 'R' || letter === 'C';
    const from = twoPaths ? fields[at + 1] : undefined;
    const path = fields[at + (twoPaths ? 2 : 1)] ?? '';
    at += twoPaths ? 3 : 2;
    const status = STATUS[letter];
    if (!status || !path.startsWith(prefix)) continue;
    const inside = path.slice(prefix.length);
    const change = classifyPath(inside, status);
    if (from !== undefined && from.startsWith(prefix)) change.from = from.slice(prefix.length);
    changes.push(change);
  }
  return changes;
}

/** What kind of content file a path inside the content folder is. */
export function classifyPath(path: string, status: ChangeStatus): ContentChange {
  const [folder, name = ''] = path.split('/', 2);
  const nested = path.split('/').length > 2;
  const entity: Record<string, ChangeKind> = { enterprises: 'enterprise', directives: 'directive', people: 'person' };
  if (!nested && folder === 'documents' && name.endsWith('.en.md')) {
    return { status, kind: 'translation', path, id: name.slice(0, -'.en.md'.length) };
  }
  if (!nested && folder === 'documents' && name.endsWith('.md')) {
    return { status, kind: 'document', path, id: name.slice(0, -'.md'.length) };
  }
  if (!nested && folder !== undefined && entity[folder] && name.endsWith('.md')) {
    return { status, kind: entity[folder], path, id: name.slice(0, -'.md'.length) };
  }
  if (folder === 'sources') return { status, kind: 'source', path };
  return { status, kind: 'other', path };
}

/** What a document cites, as the checker read it: the entity pages that show it. */
export interface DocumentLinks {
  enterprises: readonly string[];
  directives: readonly string[];
  people: readonly string[];
  speaker?: string;
}

const ENTITY_FOLDER: Partial<Record<ChangeKind, string>> = {
  enterprise: 'enterprises',
  directive: 'directives',
  person: 'people',
};

/**
 * The site's pages that a change touches, in both languages, without the base path: a document's
 * own pages and those of every entity it cites (they quote it), and each changed entity's page.
 * Deleted entries are left out (their pages are gone); the lists are sorted and unique.
 */
export function touchedPages(
  changes: readonly ContentChange[],
  documents: ReadonlyMap<string, DocumentLinks>,
  langs: readonly string[] = ['zh', 'en'],
): string[] {
  const pages = new Set<string>();
  const add = (kind: string, id: string) => {
    for (const lang of langs) pages.add(`/${lang}/${kind}/${id}/`);
  };
  for (const change of changes) {
    if (change.status === 'deleted' || change.id === undefined) continue;
    if (change.kind === 'document' || change.kind === 'translation') {
      add('documents', change.id);
      const links = documents.get(change.id);
      if (!links) continue;
      for (const id of links.enterprises) add('enterprises', id);
      for (const id of links.directives) add('directives', id);
      for (const id of new Set([...links.people, ...(links.speaker ? [links.speaker] : [])])) add('people', id);
    } else {
      const folder = ENTITY_FOLDER[change.kind];
      if (folder) add(folder, change.id);
    }
  }
  return [...pages].sort();
}

const HEADINGS: Record<ChangeKind, string> = {
  document: 'Documents',
  translation: 'Translations',
  enterprise: 'Enterprises and agencies',
  directive: 'Directives',
  person: 'People',
  source: 'Raw sources',
  other: 'Other content files',
};

/** Escapes text for a Markdown table cell or list item. */
function cell(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('`', '\\`').replaceAll('\n', ' ');
}

/**
 * The job summary a reviewer reads: what the change adds, changes and deletes, by kind, and what
 * the checker found, with the problems in the changed files listed first (up to `limit`).
 */
export function formatChangeSummary(
  changes: readonly ContentChange[],
  problems: readonly Problem[],
  changedFiles: ReadonlySet<string>,
  limit = 50,
): string {
  const lines: string[] = ['## Content changes', ''];
  if (changes.length === 0) lines.push('This change touches no file under the content folder.', '');
  else {
    lines.push('| kind | added | changed | deleted |', '| --- | ---: | ---: | ---: |');
    for (const kind of Object.keys(HEADINGS) as ChangeKind[]) {
      const ofKind = changes.filter((change) => change.kind === kind);
      if (ofKind.length === 0) continue;
      const count = (test: (status: ChangeStatus) => boolean) => ofKind.filter((c) => test(c.status)).length;
      lines.push(
        `| ${HEADINGS[kind]} | ${count((s) => s === 'added')} | ${count((s) => s === 'modified' || s === 'renamed')} | ${count((s) => s === 'deleted')} |`,
      );
    }
    lines.push('');
    for (const kind of Object.keys(HEADINGS) as ChangeKind[]) {
      const ofKind = changes.filter((change) => change.kind === kind);
      if (ofKind.length === 0) continue;
      lines.push(`### ${HEADINGS[kind]}`, '');
      for (const change of ofKind) {
        const renamed = change.from ? ` (from \`${cell(change.from)}\`)` : '';
        lines.push(`- ${change.status}: \`${cell(change.path)}\`${renamed}`);
      }
      lines.push('');
    }
  }
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  lines.push('## Checker', '');
  lines.push(
    errors === 0 && warnings === 0
      ? '`npm run check`: no problems.'
      : `\`npm run check\`: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`,
  );
  const ordered = [...problems].sort((a, b) => Number(changedFiles.has(b.file)) - Number(changedFiles.has(a.file)));
  if (ordered.length > 0) {
    lines.push('', '| | file | line | field | message |', '| --- | --- | ---: | --- | --- |');
    for (const problem of ordered.slice(0, limit)) {
      const mark = problem.severity === 'error' ? 'error' : 'warning';
      lines.push(
        `| ${mark} | \`${cell(problem.file)}\` | ${problem.line ?? ''} | ${cell(problem.field ?? '')} | ${cell(problem.message)} |`,
      );
    }
    if (ordered.length > limit)
      lines.push('', `…and ${ordered.length - limit} more: run \`npm run check\` to see all.`);
  }
  lines.push('');
  return lines.join('\n');
}
