// `node src/cli/corpus.ts --docs N --out DIR [--seed S] [--from DIR] [--force]`: writes a synthetic
// archive of N documents, made from the sentences of the real one, for benchmarks. --force
// replaces a corpus written earlier; it refuses a folder holding anything else.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { classifyContentPath } from '../checker/collections.ts';
import { extractSentencePools } from '../corpus/extract-sentence-pools.ts';
import { generateCorpus } from '../corpus/generate-corpus.ts';
import { failWithUsage, readCommandLine } from './command-line.ts';

const FOLDERS = ['documents', 'enterprises', 'directives', 'people'];
const GENERATED_NAME = /^(?:\d{4}(?:-\d{2}){0,2}-synthetic-\d{6,}(?:\.en)?|(?:enterprise|directive|person)-\d+)\.md$/;

/** The entries of `dir` that a corpus written by this command would not have. */
function listForeignEntries(dir: string): string[] {
  const foreign: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !FOLDERS.includes(entry.name)) {
      foreign.push(entry.name);
      continue;
    }
    for (const name of readdirSync(join(dir, entry.name))) {
      if (!GENERATED_NAME.test(name)) foreign.push(`${entry.name}/${name}`);
    }
  }
  return foreign;
}

const USAGE = 'usage: node src/cli/corpus.ts --docs N --out DIR [--seed S] [--from CONTENT_DIR] [--force]';

function fail(message: string): never {
  return failWithUsage(USAGE, message);
}

const values = readCommandLine(USAGE, {
  options: {
    docs: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    from: { type: 'string', default: 'content' },
    force: { type: 'boolean', default: false },
  },
});
const docs = Number(values.docs);
const seed = Number(values.seed);
if (!Number.isInteger(docs) || docs < 1) fail(`--docs must be a whole number of at least 1, got ${values.docs}`);
if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
  fail(`--seed must be a whole number from 0 to 4294967295, got ${values.seed}`);
}
if (!values.out) fail('--out DIR is required');
const out = resolve(values.out);
const from = resolve(values.from);
const sources = join(from, 'documents');
if (!existsSync(sources)) fail(`no documents to take sentences from: ${sources} does not exist`);
const started = performance.now();
const pools = extractSentencePools(
  readdirSync(sources)
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({ name, text: readFileSync(join(sources, name), 'utf8') })),
);
if (pools.sentences['zh-Hans'].length === 0 || pools.english.length === 0) {
  fail(`${sources} needs Chinese documents and at least one English translation (<id>.en.md) to take sentences from`);
}

if (existsSync(out) && readdirSync(out).length > 0) {
  if (!values.force) {
    fail(`${out} is not empty: choose an empty folder, or pass --force to replace a corpus written there`);
  }
  // --force only ever deletes an earlier corpus: one stray file means the folder is something else.
  const foreign = listForeignEntries(out);
  if (foreign.length > 0) {
    fail(
      `refusing to empty ${out}: it holds ${foreign.length} entries a generated corpus does not have (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}); choose another folder`,
    );
  }
  for (const folder of FOLDERS) rmSync(join(out, folder), { recursive: true, force: true });
}

const counts = { documents: 0, translations: 0, enterprises: 0, directives: 0, people: 0 };
let characters = 0;
for (const folder of FOLDERS) mkdirSync(join(out, folder), { recursive: true });
for (const file of generateCorpus({ docs, seed }, pools)) {
  writeFileSync(join(out, file.path), file.text);
  characters += file.text.length;
  const kind = classifyContentPath(file.path);
  if (kind.kind === 'translation') counts.translations += 1;
  else if (kind.kind === 'entry') counts[kind.collection] += 1;
}
const seconds = ((performance.now() - started) / 1000).toFixed(2);
console.log(
  `generated ${counts.documents} documents (${counts.translations} translations), ${counts.enterprises} enterprises, ${counts.directives} directives, ${counts.people} people: ${characters.toLocaleString('en')} characters in ${seconds} s → ${out}`,
);
