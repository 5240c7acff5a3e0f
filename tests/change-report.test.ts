import { describe, expect, it } from 'vitest';
import { formatChangeSummary, parseNameStatus, touchedPages } from '../src/checker/change-report.ts';

// What `git diff --name-status -z -M base...HEAD -- content` prints for a typical pull request.
const DIFF = [
  'A',
  'content/documents/1997-03-01-government-work-report.md',
  'A',
  'content/documents/1997-03-01-government-work-report.en.md',
  'A',
  'content/sources/1997-03-01-government-work-report.txt',
  'M',
  'content/directives/modern-enterprise-system.md',
  'R087',
  'content/people/li-peng-old.md',
  'content/people/li-peng.md',
  'D',
  'content/enterprises/state-economic-commission.md',
  'M',
  'src/cli/build.ts',
  '',
].join('\0');

describe('change report', () => {
  it('sorts a diff into documents, translations, sources and entities, ignoring files outside content/', () => {
    const changes = parseNameStatus(DIFF, 'content/');
    expect(changes.map((change) => [change.status, change.kind, change.id ?? change.path])).toEqual([
      ['added', 'document', '1997-03-01-government-work-report'],
      ['added', 'translation', '1997-03-01-government-work-report'],
      ['added', 'source', 'sources/1997-03-01-government-work-report.txt'],
      ['modified', 'directive', 'modern-enterprise-system'],
      ['renamed', 'person', 'li-peng'],
      ['deleted', 'enterprise', 'state-economic-commission'],
    ]);
    expect(changes[4]!.from).toBe('people/li-peng-old.md');
  });

  it('keeps file names with spaces, commas and Chinese whole', () => {
    const changes = parseNameStatus(['M', 'content/documents/a, b 国企.md', ''].join('\0'), 'content/');
    expect(changes).toEqual([
      { status: 'modified', kind: 'document', path: 'documents/a, b 国企.md', id: 'a, b 国企' },
    ]);
  });

  it('lists the pages a change touches: the document, the entities it cites, changed entities; not deleted ones', () => {
    const changes = parseNameStatus(DIFF, 'content/');
    const documents = new Map([
      [
        '1997-03-01-government-work-report',
        { enterprises: ['state-council'], directives: ['modern-enterprise-system'], people: [], speaker: 'li-peng' },
      ],
    ]);
    expect(touchedPages(changes, documents, ['en'])).toEqual([
      '/en/directives/modern-enterprise-system/',
      '/en/documents/1997-03-01-government-work-report/',
      '/en/enterprises/state-council/',
      '/en/people/li-peng/',
    ]);
  });

  it('summarises counts by kind and puts the changed files\u2019 problems first', () => {
    const changes = parseNameStatus(DIFF, 'content/');
    const summary = formatChangeSummary(
      changes,
      [
        { severity: 'warning', file: 'content/documents/other.md', message: 'old warning' },
        {
          severity: 'error',
          file: 'content/documents/1997-03-01-government-work-report.md',
          line: 3,
          field: 'type',
          message: 'unknown type | "speach"',
        },
      ],
      new Set(['content/documents/1997-03-01-government-work-report.md']),
    );
    expect(summary).toContain('| Documents | 1 | 0 | 0 |');
    expect(summary).toContain('| People | 0 | 1 | 0 |');
    expect(summary).toContain('| Enterprises and agencies | 0 | 0 | 1 |');
    expect(summary).toContain('`npm run check`: 1 error, 1 warning.');
    const rows = summary.split('\n').filter((line) => line.startsWith('| error') || line.startsWith('| warning'));
    expect(rows[0]).toBe(
      '| error | `content/documents/1997-03-01-government-work-report.md` | 3 | type | unknown type \\| "speach" |',
    );
  });

  it('says so when a change touches no content', () => {
    expect(formatChangeSummary([], [], new Set())).toContain('touches no file under the content folder');
  });
});
