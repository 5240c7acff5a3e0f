import { Document as YamlDocument, isScalar, Scalar, visit } from 'yaml';
import type { DocumentInput } from '../schema/document.ts';

// The curated documents' field order; the draft follows it so a diff against them reads well.
const FIELD_ORDER = [
  'id',
  'status',
  'type',
  'title',
  'subtitle',
  'summary',
  'date',
  'date_precision',
  'date_basis',
  'date_note',
  'published',
  'uploaded',
  'speaker',
  'speaker_role',
  'meeting',
  'region',
  'script',
  'enterprises',
  'directives',
  'people',
  'source',
  'notes',
  'review',
] as const;

const DATE_KEYS = new Set(['date', 'published', 'uploaded', 'retrieved', 'issued', 'as_of']);

/**
 * Serialises draft frontmatter the way the curated documents are written: their field order,
 * dates as quoted strings (the checker refuses unquoted ones), long text folded (`>-`) at
 * 100 columns, lists indented under their key.
 */
export function serialiseFrontmatter(data: DocumentInput): string {
  const ordered: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) if (data[key] !== undefined) ordered[key] = data[key];
  // Shared objects (a date note reused as a defect note) are written out, not as YAML aliases.
  const doc = new YamlDocument(ordered, { aliasDuplicateObjects: false });
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (isScalar(pair.value) && typeof pair.value.value === 'string') {
        if (DATE_KEYS.has(key)) pair.value.type = Scalar.QUOTE_DOUBLE;
        else if (pair.value.value.length > 80 && !pair.value.value.includes('\n'))
          pair.value.type = Scalar.BLOCK_FOLDED;
      }
    },
  });
  return doc.toString({ lineWidth: 100, minContentWidth: 20 });
}

/** The whole draft file: frontmatter between `---` lines, a blank line, the Markdown body. */
export function formatDraft(data: DocumentInput, body: string): string {
  return `---\n${serialiseFrontmatter(data)}---\n\n${body}`;
}
