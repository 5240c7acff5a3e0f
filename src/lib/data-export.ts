import { stringify } from 'csv-stringify/sync';
import { listDocumentEntities, type ArchiveIndex, type IndexedDocument } from './archive-index.ts';
import { defOf, type AnySchema } from './zod-def.ts';
import { documentSchema } from '../schema/index.ts';
import { isPartial, type TranslationCoverage } from './translation-blocks.ts';

/** The column of a flat table, derived from a schema field. */
export interface Column {
  /** Dotted path: `title.en`, `source.url`. */
  name: string;
  /** Frictionless Data type of the column. */
  type: 'string' | 'boolean' | 'integer';
}

/**
 * The columns of a flat table for a schema: nested objects become dotted columns, lists one
 * column (`; `-joined text, or JSON for lists of objects). Derived from the schema, so a new
 * field appears in every export without touching the exporters.
 */
export function listColumns(schema: AnySchema, prefix = ''): Column[] {
  let def = defOf(schema);
  while (def.innerType) def = defOf(def.innerType);
  if (def.type === 'object' && def.shape) {
    return Object.entries(def.shape).flatMap(([key, child]) => listColumns(child, prefix ? `${prefix}.${key}` : key));
  }
  if (def.type === 'union' && def.options) return [{ name: prefix, type: 'string' }];
  return [{ name: prefix, type: def.type === 'boolean' ? 'boolean' : 'string' }];
}

/** The value of one column for an entry, as text (lists joined, lists of objects as JSON). */
export function cellValue(value: unknown, column: string): string | boolean {
  let current: unknown = value;
  for (const key of column.split('.')) {
    current = current && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
  }
  if (current === undefined || current === null) return '';
  if (typeof current === 'boolean') return current;
  if (Array.isArray(current)) {
    return current.every((item) => typeof item === 'string') ? current.join('; ') : JSON.stringify(current);
  }
  if (typeof current === 'object') return JSON.stringify(current);
  return String(current);
}

/** Fields kept out of exports: the importer's review list exists only in drafts. */
const EDITORIAL_ONLY = new Set(['review']);

const SCHEMA_COLUMNS = listColumns(documentSchema).filter((column) => !EDITORIAL_ONLY.has(column.name.split('.')[0]!));

/** Columns of the document table: every published schema field, then what the archive adds. */
export const DOCUMENT_COLUMNS: Column[] = [
  ...SCHEMA_COLUMNS,
  { name: 'url.zh', type: 'string' },
  { name: 'url.en', type: 'string' },
  { name: 'translated', type: 'boolean' },
  { name: 'translation', type: 'string' },
  { name: 'translated_paragraphs', type: 'integer' },
  { name: 'paragraphs', type: 'integer' },
  { name: 'characters', type: 'integer' },
];

/**
 * The translation columns of a document: `translated` is true for a full or partial one;
 * `translation` says which (`full`, `partial`, or empty for none); the counts are of ¶-numbered
 * blocks, empty without a translation.
 */
export function translationCells(
  coverage: TranslationCoverage | undefined,
): Record<'translated' | 'translation' | 'translated_paragraphs' | 'paragraphs', string | boolean | number> {
  if (!coverage) return { translated: false, translation: '', translated_paragraphs: '', paragraphs: '' };
  return {
    translated: true,
    translation: isPartial(coverage) ? 'partial' : 'full',
    translated_paragraphs: coverage.translated,
    paragraphs: coverage.paragraphs,
  };
}

/** One row per document, in the order of DOCUMENT_COLUMNS. */
export function documentRow(
  doc: IndexedDocument,
  extra: { urlZh: string; urlEn: string; translation?: TranslationCoverage },
): Record<string, string | boolean | number> {
  const row: Record<string, string | boolean | number> = {};
  for (const column of SCHEMA_COLUMNS) row[column.name] = cellValue(doc, column.name);
  row['url.zh'] = extra.urlZh;
  row['url.en'] = extra.urlEn;
  Object.assign(row, translationCells(extra.translation));
  row.characters = doc.characters;
  return row;
}

/** Document–entity edges with how often the text names the entity, for network analysis. */
export function buildGraph(archive: ArchiveIndex): {
  nodes: { id: string; kind: string; label_zh: string; label_en: string }[];
  edges: { source: string; target: string; mentions: number; listed: boolean }[];
} {
  const nodes: { id: string; kind: string; label_zh: string; label_en: string }[] = [];
  for (const doc of archive.documents) {
    nodes.push({ id: `documents/${doc.id}`, kind: 'document', label_zh: doc.title.zh, label_en: doc.title.en });
  }
  for (const collection of ['enterprises', 'directives', 'people'] as const) {
    for (const entity of archive[collection].values()) {
      nodes.push({
        id: `${collection}/${entity.id}`,
        kind: collection,
        label_zh: entity.name.zh,
        label_en: entity.name.en,
      });
    }
  }
  const edges: { source: string; target: string; mentions: number; listed: boolean }[] = [];
  for (const doc of archive.documents) {
    const counts = new Map(Object.entries(doc.mentions).map(([key, count]) => [key, count ?? 0]));
    const listed = new Set<string>(listDocumentEntities(doc));
    for (const target of [...new Set([...listed, ...counts.keys()])].sort()) {
      edges.push({
        source: `documents/${doc.id}`,
        target,
        mentions: counts.get(target) ?? 0,
        listed: listed.has(target),
      });
    }
  }
  return { nodes, edges };
}

/** What makes a spreadsheet program read a cell as a formula: its first character (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as spreadsheet programs should show it: one that would start a formula (`=`, `+`,
 * `-`, `@`, tab, carriage return: `=HYPERLINK(…)` in a title) gets a leading apostrophe, which
 * Excel, LibreOffice and Google Sheets read as "text, not a formula" (OWASP, "CSV Injection").
 * Everything else is unchanged. The JSON downloads keep the value as written.
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** How documents.csv tells readers about the apostrophes (the data package's resource description). */
export const CSV_FORMULA_NOTE =
  "A text cell that would begin with =, +, -, @, a tab or a carriage return starts with an apostrophe (') so that spreadsheet programs do not run it as a formula; documents.json has every value unchanged.";

/**
 * The document table as CSV (RFC 4180: CRLF, quoted where needed), UTF-8. With `bom`, a
 * byte-order mark first: Excel reads a CSV without one in the system's legacy code page, so the
 * Chinese would be garbled, while the Frictionless libraries (and the data package standard,
 * whose encodings are the registered names: `utf-8`, not `utf-8-sig`) read the mark as part of
 * the first column's name. Hence two files: `documents.csv` without it, for data tools and the
 * data package, `documents-excel.csv` with it.
 */
export function formatDocumentCsv(rows: ReturnType<typeof documentRow>[]): string {
  return stringify(rows, {
    header: true,
    columns: DOCUMENT_COLUMNS.map((column) => column.name),
    cast: { boolean: (value) => (value ? 'true' : 'false'), string: neutraliseFormula },
    // OWASP also asks for neutralised cells to be quoted.
    quoted_match: /^'[=+\-@\t\r]/,
    record_delimiter: 'windows',
  });
}
