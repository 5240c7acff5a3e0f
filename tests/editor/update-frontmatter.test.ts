import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/checker/check-content.ts';
import {
  formatEntryFile,
  readFrontmatter,
  updateFrontmatter,
  type FieldMap,
} from '../../src/editor/update-frontmatter.ts';
import { BASE_ARCHIVE, readTree, toContentFiles } from '../helpers/content-tree.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CONTENT = join(ROOT, 'content');
const SPEECH = join(CONTENT, 'documents', '2014-04-14-jinan-holding-assistance-and-reform-speech.md');

function listMarkdown(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listMarkdown(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

const FILES = [...listMarkdown(CONTENT), ...listMarkdown(join(ROOT, 'tests', 'fixtures'))].map((path) => [
  relative(ROOT, path),
  path,
]);

/** The lines that differ between two texts: everything between their common first and last lines. */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end += 1;
  return { removed: a.slice(start, a.length - end), added: b.slice(start, b.length - end) };
}

const clone = <T>(value: T): T => structuredClone(value);

describe('saving without changes', () => {
  test.each(FILES)('%s stays byte-identical', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    let data: FieldMap;
    let body: string;
    try {
      ({ data, body } = readFrontmatter(text));
    } catch (error) {
      // Only the checker's deliberately broken cases may be unreadable: they are fixed in a text editor.
      if (path.startsWith(CONTENT)) throw error;
      return;
    }
    // The client sends back a copy of what it read, as JSON.
    const sent = JSON.parse(JSON.stringify(data)) as FieldMap;
    expect(updateFrontmatter(text, sent, body)).toBe(text);
  });

  test('keeps a byte-order mark and CRLF line endings', () => {
    const text = '\uFEFF---\r\nid: a\r\nname:\r\n  zh: 甲\r\n  en: A\r\n---\r\nBody\r\n';
    const { data, body } = readFrontmatter(text);
    expect(updateFrontmatter(text, data, body)).toBe(text);
    const changed = updateFrontmatter(text, { ...data, name: { zh: '甲', en: 'B' } });
    expect(changed).toBe('\uFEFF---\r\nid: a\r\nname:\r\n  zh: 甲\r\n  en: B\r\n---\r\nBody\r\n');
  });
});

describe('changing one field changes only its lines', () => {
  const text = readFileSync(SPEECH, 'utf8');
  const { data } = readFrontmatter(text);

  test('a new English summary replaces only the summary.en block, folded as the archive folds it', () => {
    const next = clone(data) as { summary: { en: string } };
    next.summary.en =
      'Sheng Juntai relays the city-wide conference of 11 April 2014 and sets the Holding Group five requirements for its assistance and relief work, stressing that speed must serve quality.';
    const after = updateFrontmatter(text, next as FieldMap);
    const { removed, added } = changedLines(text, after);
    const oldBlock = /\n {2}en: >-\n((?: {4}.*\n)+)date:/.exec(text.slice(text.indexOf('\nsummary:')))![1]!;
    expect(removed).toEqual(oldBlock.trimEnd().split('\n'));
    expect(added).toEqual([
      '    Sheng Juntai relays the city-wide conference of 11 April 2014 and sets the Holding Group five',
      '    requirements for its assistance and relief work, stressing that speed must serve quality.',
    ]);
    expect(readFrontmatter(after).data).toEqual(next);
  });

  test('a date keeps its quotes, so YAML tools cannot turn it into a timestamp', () => {
    const after = updateFrontmatter(text, { ...clone(data), date: '2014-04-15' });
    expect(changedLines(text, after)).toEqual({ removed: ['date: "2014-04-14"'], added: ['date: "2014-04-15"'] });
  });

  test('adding an id to a list adds one line', () => {
    const next = clone(data) as { enterprises: string[] };
    next.enterprises.push('jinan-new-enterprise');
    expect(changedLines(text, updateFrontmatter(text, next as FieldMap))).toEqual({
      removed: [],
      added: ['  - jinan-new-enterprise'],
    });
  });

  test('a field inside a list of objects changes only its own line', () => {
    const next = clone(data) as { source: { defects: { note: { en: string } }[] } };
    next.source.defects[0]!.note.en = 'Separators lost; read as 14 April 2014.';
    const { removed, added } = changedLines(text, updateFrontmatter(text, next as FieldMap));
    expect(removed).toHaveLength(1);
    expect(added).toEqual(['        en: Separators lost; read as 14 April 2014.']);
  });

  test('a new optional field is inserted where the data puts it, and removing it restores the file', () => {
    const entries = Object.entries(clone(data));
    const at = entries.findIndex(([key]) => key === 'date_note') + 1;
    const next = Object.fromEntries([...entries.slice(0, at), ['uploaded', '2014-04-16'], ...entries.slice(at)]);
    const after = updateFrontmatter(text, next as FieldMap);
    expect(changedLines(text, after)).toEqual({ removed: [], added: ['uploaded: "2014-04-16"'] });
    expect(after.indexOf('uploaded:')).toBeLessThan(after.indexOf('published:'));
    expect(updateFrontmatter(after, data)).toBe(text);
  });

  test('comments and the body are left alone', () => {
    const withComment = '---\n# kept\nid: a # also kept\nkind: group\n---\n\n正文。\n';
    const after = updateFrontmatter(withComment, { id: 'a', kind: 'company' });
    expect(after).toBe('---\n# kept\nid: a # also kept\nkind: company\n---\n\n正文。\n');
  });
});

describe('new files', () => {
  test('a new entity is written in the archive style and passes the checker', () => {
    const text = formatEntryFile({
      id: 'jinan-new-factory',
      name: { zh: '济南新厂', en: 'Jinan New Factory' },
      aliases: [],
      kind: 'factory',
      description: { zh: '一家工厂。', en: 'A factory.' },
    });
    expect(text).toBe(
      '---\nid: jinan-new-factory\nname:\n  zh: 济南新厂\n  en: Jinan New Factory\naliases: []\nkind: factory\ndescription:\n  zh: 一家工厂。\n  en: A factory.\n---\n',
    );
    const tree = readTree(BASE_ARCHIVE);
    tree.set('enterprises/jinan-new-factory.md', new TextEncoder().encode(text));
    expect(checkContent(toContentFiles(tree)).errors).toBe(0);
  });
});

describe('importer drafts', () => {
  const draft = readFileSync(join(ROOT, 'tests', 'fixtures', 'editor', '2015-draft.md'), 'utf8');

  test('English written into an empty "" is written plain, as the archive writes English', () => {
    const data = clone(readFrontmatter(draft).data) as { title: { en: string } };
    data.title.en = 'Speech to the workers of a factory';
    expect(changedLines(draft, updateFrontmatter(draft, data as FieldMap))).toEqual({
      removed: ['  en: ""'],
      added: ['  en: Speech to the workers of a factory'],
    });
  });
});

describe('values written in braces', () => {
  test('stay in braces on their one line when changed', () => {
    const text = readFileSync(join(BASE_ARCHIVE, 'documents', '2014-04-14-holding-speech.md'), 'utf8');
    const data = clone(readFrontmatter(text).data) as { region: { city: { en: string } } };
    data.region.city.en = 'Jinan City';
    const after = updateFrontmatter(text, data as FieldMap);
    expect(changedLines(text, after)).toEqual({
      removed: ['  city: { zh: 济南市, en: Jinan }'],
      added: ['  city: { zh: 济南市, en: Jinan City }'],
    });
  });
});

describe('lists', () => {
  const text = '---\nid: a\naliases:\n  - 甲\n  # the short form\n  - 乙\n  - 丙\n---\n';

  test('removing an item removes only its line, keeping comments between items', () => {
    expect(updateFrontmatter(text, { id: 'a', aliases: ['甲', '丙'] })).toBe(
      '---\nid: a\naliases:\n  - 甲\n  # the short form\n  - 丙\n---\n',
    );
  });

  test('appending items adds only their lines', () => {
    expect(updateFrontmatter(text, { id: 'a', aliases: ['甲', '乙', '丙', '丁'] })).toBe(
      '---\nid: a\naliases:\n  - 甲\n  # the short form\n  - 乙\n  - 丙\n  - 丁\n---\n',
    );
  });

  test('removing a proposed entity from a review list removes only its lines', () => {
    const draft = readFileSync(join(ROOT, 'tests', 'fixtures', 'editor', '2015-draft.md'), 'utf8');
    const data = clone(readFrontmatter(draft).data) as { review: { candidates: unknown[] } };
    data.review.candidates = [];
    expect(changedLines(draft, updateFrontmatter(draft, data as FieldMap))).toEqual({
      removed: [
        '  candidates:',
        '    - name: 某某机械厂',
        '      kind: enterprise',
        '      count: 1',
        '      context: 某某机械厂的职工安置已经完成。',
      ],
      added: ['  candidates: []'],
    });
  });
});

describe('every field of every file', () => {
  /** Paths of every text value in the data, lists and nested fields included. */
  function textPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
    if (typeof value === 'string') return [path];
    if (Array.isArray(value)) return value.flatMap((item, i) => textPaths(item, [...path, i]));
    if (value && typeof value === 'object') {
      return Object.entries(value).flatMap(([key, item]) => textPaths(item, [...path, key]));
    }
    return [];
  }

  const CONTENT_FILES = FILES.filter(([, path]) => path!.startsWith(CONTENT));

  test.each(CONTENT_FILES)('%s: changing any one text reads back as exactly that change', (_name, path) => {
    const text = readFileSync(path!, 'utf8');
    const { data } = readFrontmatter(text);
    for (const fieldPath of textPaths(data)) {
      const next = clone(data) as Record<string | number, unknown>;
      let parent = next;
      for (const key of fieldPath.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
      const last = fieldPath[fieldPath.length - 1]!;
      parent[last] = `${String(parent[last])} (edited: "quoted", 2014-02-30, #not a comment)`;
      const after = updateFrontmatter(text, next as FieldMap);
      expect(readFrontmatter(after).data, fieldPath.join('.')).toEqual(next);
      expect(readFrontmatter(after).body).toBe(readFrontmatter(text).body);
    }
  });
});
