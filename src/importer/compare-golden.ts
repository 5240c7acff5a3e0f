import { splitFrontmatter } from '../lib/frontmatter.ts';
import type { Document } from '../schema/index.ts';
import type { ImportOutcome } from './import-page.ts';
import { plainText } from './structure.ts';

/** One field of one document: what the curated document says and what the importer found. */
export interface FieldComparison {
  field: string;
  expected: string;
  actual: string;
  /** 1 for a match, 0 for a miss; for id lists the F1 score, for the id the word overlap. */
  score: number;
}

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The body's blocks as plain text (no Markdown), whitespace runs squashed. */
export function listPlainBlocks(markdown: string): string[] {
  return markdown
    .split(/\n\s*\n/)
    .map((block) => squash(plainText(block.trim())))
    .filter((block) => block !== '');
}

function f1(expected: readonly string[], actual: readonly string[]): number {
  if (expected.length === 0 && actual.length === 0) return 1;
  const hits = actual.filter((id) => expected.includes(id)).length;
  if (hits === 0) return 0;
  const precision = hits / actual.length;
  const recall = hits / expected.length;
  return (2 * precision * recall) / (precision + recall);
}

function overlap(a: string, b: string): number {
  const [x, y] = [new Set(a.split('-')), new Set(b.split('-'))];
  const common = [...x].filter((w) => y.has(w)).length;
  return common / new Set([...x, ...y]).size;
}

/**
 * Compares an import with the curated document made by hand from the same raw page: title,
 * date (with precision and basis), type, speaker (person, and office as the text gives it),
 * meeting, script, the first and last body lines
 * (whitespace squashed), the share of curated paragraphs reproduced exactly, entity ids (F1)
 * and the id (word overlap: the hand-made English slug is not expected).
 */
export function compareWithCurated(curated: Document, curatedFile: string, outcome: ImportOutcome): FieldComparison[] {
  const split = splitFrontmatter(curatedFile);
  const expectedBlocks = 'body' in split ? listPlainBlocks(split.body) : [];
  const report = outcome.report;
  const actualBlocks = outcome.draft
    ? listPlainBlocks(outcome.draft.markdown.replace(/^---\n[\s\S]*?\n---\n/, ''))
    : [];
  const same = (field: string, expected: string | undefined, actual: string | null | undefined): FieldComparison => ({
    field,
    expected: expected ?? '—',
    actual: actual ?? '—',
    score: squash(expected ?? '') === squash(actual ?? '') ? 1 : 0,
  });
  const lists = (field: string, expected: readonly string[], actual: readonly string[]): FieldComparison => ({
    field,
    expected: expected.join(' '),
    actual: actual.join(' '),
    score: f1(expected, actual),
  });
  const actualSet = new Set(actualBlocks);
  const reproduced = expectedBlocks.filter((block) => actualSet.has(block)).length;
  return [
    same('title', curated.title.zh, report.title),
    same('date', curated.date, report.date),
    same('date_precision', curated.date_precision, report.date_precision),
    same('date_basis', curated.date_basis, report.date_basis),
    same('type', curated.type, report.type),
    same('speaker', curated.speaker, report.speaker),
    same('speaker_role', curated.speaker_role?.zh, report.speaker_role),
    same('meeting', curated.meeting?.zh, report.meeting),
    same('script', curated.script, report.script),
    same('body_first_line', expectedBlocks[0], report.body_first_line),
    same('body_last_line', expectedBlocks.at(-1), report.body_last_line),
    {
      field: 'paragraphs',
      expected: `${expectedBlocks.length} blocks`,
      actual: `${reproduced} reproduced exactly`,
      score: expectedBlocks.length === 0 ? 0 : reproduced / expectedBlocks.length,
    },
    lists('enterprises', curated.enterprises, report.enterprises),
    lists('directives', curated.directives, report.directives),
    lists('people', curated.people, report.people),
    { field: 'id', expected: curated.id, actual: report.id ?? '—', score: overlap(curated.id, report.id ?? '') },
  ];
}
