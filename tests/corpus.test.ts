import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { listBlockKinds } from '../src/checker/blocks.ts';
import { checkContent } from '../src/checker/check-content.ts';
import { formatProblem } from '../src/checker/problem.ts';
import { createRandom } from '../src/corpus/create-random.ts';
import { extractSentencePools } from '../src/corpus/extract-sentence-pools.ts';
import { formatFrontmatter } from '../src/corpus/format-frontmatter.ts';
import {
  generateCorpus,
  generateEntityPools,
  sizeEntityPools,
  type CorpusFile,
} from '../src/corpus/generate-corpus.ts';
import { splitFrontmatter } from '../src/lib/frontmatter.ts';
import { listScriptForms } from '../src/lib/script-convert.ts';

const ROOT = join(import.meta.dirname, '..');
const SOURCES = join(ROOT, 'content', 'documents');
const pools = extractSentencePools(
  readdirSync(SOURCES)
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({ name, text: readFileSync(join(SOURCES, name), 'utf8') })),
);

const generate = (docs: number, seed = 1): CorpusFile[] => [...generateCorpus({ docs, seed }, pools)];

interface GeneratedDocument {
  data: Record<string, unknown>;
  body: string;
  translation?: string;
}

/** The documents of a corpus, frontmatter parsed, each with its translation's body if any. */
function readDocuments(files: readonly CorpusFile[]): GeneratedDocument[] {
  const split = (text: string) => splitFrontmatter(text) as { yaml: string; body: string };
  const translations = new Map(
    files.filter((f) => f.path.endsWith('.en.md')).map((f) => [f.path.slice(0, -6), split(f.text).body]),
  );
  return files
    .filter((f) => f.path.startsWith('documents/') && !f.path.endsWith('.en.md'))
    .map((f) => {
      const { yaml, body } = split(f.text);
      return { data: parse(yaml) as Record<string, unknown>, body, translation: translations.get(f.path.slice(0, -3)) };
    });
}

const corpus60 = generate(60);
const documents600 = readDocuments(generate(600, 7));

describe('extractSentencePools', () => {
  test('keeps whole sentences, free of redaction, damage and Markdown', () => {
    expect(pools.sentences['zh-Hans'].length).toBeGreaterThan(100);
    expect(pools.sentences['zh-Hant']).toHaveLength(pools.sentences['zh-Hans'].length);
    for (const sentence of pools.sentences['zh-Hans']) {
      expect(sentence).toMatch(/[。！？；]$/);
      expect(sentence).not.toMatch(/[A-Za-z*\\#?<>[\]]|锟/);
    }
    for (const sentence of pools.english) expect(sentence).not.toMatch(/damaged|\[|\*|\bxx\b/);
    expect(pools.englishHeadings.length).toBeGreaterThan(0);
  });

  test('splits at 。！？； and drops fragments without an ending', () => {
    const text = '---\nid: x\n---\n\n同志们:\n\n第一句话在这里结束了。第二句话也在这里结束；没有结尾的半句话在这里\n';
    expect(extractSentencePools([{ name: 'x.md', text }]).sentences['zh-Hans']).toEqual([
      '第一句话在这里结束了。',
      '第二句话也在这里结束；',
    ]);
  });
});

describe('generateCorpus', () => {
  test('is deterministic: the same size and seed give byte-identical files', () => {
    expect(generate(60)).toEqual(corpus60);
    expect(generate(60, 2)).not.toEqual(corpus60);
  });

  test('writes an archive the checker accepts, with pools sized for 60 documents', () => {
    const result = checkContent(
      corpus60.map((file) => ({
        relative: file.path,
        display: `content/${file.path}`,
        bytes: new TextEncoder().encode(file.text),
      })),
    );
    expect(result.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    expect(result.warnings).toBeLessThanOrEqual(3);
    expect(result.counts).toMatchObject({ documents: 60, enterprises: 20, directives: 10, people: 10 });
  });

  test('gives ids as dated slugs, unique and lowercase', () => {
    const ids = readDocuments(corpus60).map((doc) => doc.data.id as string);
    expect(new Set(ids).size).toBe(60);
    for (const id of ids) expect(id).toMatch(/^\d{4}(?:-\d{2}){0,2}-synthetic-\d{6}$/);
  });

  test('bodies run 1,000–12,000 characters, median about 4,000', () => {
    const lengths = documents600.map((doc) => doc.body.length).sort((a, b) => a - b);
    expect(lengths[0]).toBeGreaterThanOrEqual(1000);
    expect(lengths.at(-1)).toBeLessThanOrEqual(12000);
    expect(lengths[300]).toBeGreaterThan(3300);
    expect(lengths[300]).toBeLessThan(4800);
  });

  test('about one document in six is traditional and one in ten translated', () => {
    const share = (count: number) => count / documents600.length;
    const traditional = documents600.filter((doc) => doc.data.script === 'zh-Hant').length;
    const translated = documents600.filter((doc) => doc.translation !== undefined).length;
    expect(share(traditional)).toBeGreaterThan(1 / 6 - 0.05);
    expect(share(traditional)).toBeLessThan(1 / 6 + 0.05);
    expect(share(translated)).toBeGreaterThan(0.06);
    expect(share(translated)).toBeLessThan(0.14);
  });

  test('translations align with their originals block for block', () => {
    const translated = documents600.filter((doc) => doc.translation !== undefined);
    expect(translated.length).toBeGreaterThan(0);
    for (const doc of translated) expect(listBlockKinds(doc.translation!)).toEqual(listBlockKinds(doc.body));
  });

  test('bodies name each listed enterprise in the document’s script', () => {
    const entities = generateEntityPools(sizeEntityPools(600), 7, pools);
    const forms = new Map(entities.enterprises.map((e) => [e.data.id, e.forms]));
    for (const doc of documents600) {
      for (const id of doc.data.enterprises as string[]) {
        const names = forms.get(id)![doc.data.script as 'zh-Hans' | 'zh-Hant'];
        expect(
          names.some((name) => doc.body.includes(name)),
          `${doc.data.id as string} names ${id}`,
        ).toBe(true);
      }
    }
  });

  test('has bilingual titles, English summaries of 80–150 words, speakers on speeches', () => {
    for (const doc of documents600) {
      const summary = doc.data.summary as { en: string };
      const words = summary.en.split(/\s+/).length;
      expect(words).toBeGreaterThanOrEqual(80);
      expect(words).toBeLessThanOrEqual(150);
      if (doc.data.type === 'speech') expect(doc.data.speaker).toMatch(/^person-\d+$/);
    }
    const types = new Set(documents600.map((doc) => doc.data.type));
    expect([...types].sort()).toEqual(['exchange', 'news', 'notice', 'other', 'report', 'speech']);
    const years = documents600.map((doc) => Number(String(doc.data.date).slice(0, 4)));
    expect(Math.min(...years)).toBeGreaterThanOrEqual(1995);
    expect(Math.max(...years)).toBeLessThanOrEqual(2025);
  });
});

describe('entity pools', () => {
  test.each([
    [60, { enterprises: 20, directives: 10, people: 10 }],
    [1000, { enterprises: 30, directives: 15, people: 20 }],
    [10000, { enterprises: 300, directives: 150, people: 200 }],
    [100000, { enterprises: 3000, directives: 1500, people: 2000 }],
  ])('sizeEntityPools(%i)', (docs, sizes) => {
    expect(sizeEntityPools(docs)).toEqual(sizes);
  });

  test('at 10,000 documents, names and aliases are unique in both scripts and trees are shallow', () => {
    const { enterprises, directives, people } = generateEntityPools(sizeEntityPools(10000), 1, pools);
    expect([enterprises.length, directives.length, people.length]).toEqual([300, 150, 200]);
    const owner = new Map<string, string>();
    for (const { data } of [...enterprises, ...directives, ...people]) {
      expect(data.aliases.length).toBeGreaterThanOrEqual(1);
      expect(data.aliases.length).toBeLessThanOrEqual(3);
      for (const form of [data.name.zh, ...data.aliases].flatMap(listScriptForms)) {
        expect(owner.get(form) ?? data.id, `"${form}" of ${data.id}`).toBe(data.id);
        owner.set(form, data.id);
      }
    }
    const parentOf = new Map(enterprises.map(({ data }) => [data.id, data.parent]));
    for (const { data } of enterprises) {
      let depth = 0;
      for (let id = data.parent; id !== undefined; id = parentOf.get(id)) depth += 1;
      expect(depth).toBeLessThanOrEqual(2);
    }
  });
});

describe('formatFrontmatter', () => {
  test('quotes what YAML would misread, and reads back as written', () => {
    const data = {
      id: '2014-04-14-synthetic-000001',
      type: 'speech',
      script: 'zh-Hant',
      date: '2014-04-14',
      flag: 'true',
      number: '1e5',
      title: { zh: '在会上的讲话：“三供一业”', en: 'Speech: "quoted" #1' },
      empty: [],
      people: ['person-0001'],
      roles: [{ title: { zh: '厂长', en: 'Director' }, as_of: '2005' }],
      left_out: undefined,
    };
    const text = formatFrontmatter(data);
    expect(text).toContain('\nid: 2014-04-14-synthetic-000001\n');
    expect(text).toContain('\nscript: zh-Hant\n');
    expect(text).toContain('\ndate: "2014-04-14"\n');
    expect(text).toContain('\nflag: "true"\n');
    expect(text).not.toContain('left_out');
    const { left_out: _, ...expected } = data;
    expect(parse((splitFrontmatter(text) as { yaml: string }).yaml)).toEqual(expected);
  });
});

describe('createRandom', () => {
  test('repeats its sequence for a seed and stays in range', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const draws = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(draws);
    for (const x of draws) expect(x >= 0 && x < 1).toBe(true);
    const r = createRandom(1);
    for (let i = 0; i < 1000; i += 1) {
      const n = r.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
      expect(r.skewedIndex(7)).toBeLessThan(7);
    }
  });
});

describe('the corpus CLI', () => {
  const cli = join(ROOT, 'src', 'cli', 'corpus.ts');
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: ROOT, encoding: 'utf8' });
  const folders: string[] = [];
  const makeFolder = (): string => {
    const folder = mkdtempSync(join(tmpdir(), 'corpus-'));
    folders.push(folder);
    return folder;
  };
  afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  test('writes the archive and prints its figures; replaces it only with --force', () => {
    const out = makeFolder();
    const first = run('--docs', '5', '--out', out, '--seed', '3');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(
      /^generated 5 documents \(\d+ translations\), 20 enterprises, 10 directives, 10 people: [\d,]+ characters in [\d.]+ s/,
    );
    expect(readdirSync(join(out, 'documents')).filter((name) => !name.endsWith('.en.md'))).toHaveLength(5);

    const refused = run('--docs', '3', '--out', out);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('is not empty');

    expect(run('--docs', '3', '--out', out, '--force').status).toBe(0);
    expect(readdirSync(join(out, 'documents')).filter((name) => !name.endsWith('.en.md'))).toHaveLength(3);
  });

  test('--force refuses a folder that holds anything but a generated corpus', () => {
    const stray = makeFolder();
    expect(run('--docs', '2', '--out', stray).status).toBe(0);
    writeFileSync(join(stray, 'notes.txt'), 'keep me');
    const refused = run('--docs', '2', '--out', stray, '--force');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('refusing to empty');
    expect(readFileSync(join(stray, 'notes.txt'), 'utf8')).toBe('keep me');

    const archive = makeFolder();
    mkdirSync(join(archive, 'documents'));
    writeFileSync(join(archive, 'documents', '2014-04-14-holding-speech.md'), '---\nid: x\n---\n');
    expect(run('--docs', '2', '--out', archive, '--force').stderr).toContain('documents/2014-04-14-holding-speech.md');
    expect(readdirSync(join(archive, 'documents'))).toEqual(['2014-04-14-holding-speech.md']);
  });

  test('rejects a missing or malformed --docs', () => {
    const out = makeFolder();
    expect(run('--out', out).stderr).toContain('--docs must be a whole number');
    expect(run('--docs', '2.5', '--out', out).status).toBe(1);
  });
});
