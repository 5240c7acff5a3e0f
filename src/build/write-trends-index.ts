// Writes the trends indexes (src/lib/trends/trend-index.ts), one per language, from the checked
// entries: every document's text (Chinese: the original, folded to simplified; English: the
// translation, where there is one), block by block as the reading view numbers paragraphs.
// As the search index (src/build/write-search-index.ts): the documents in page order are cut
// into parts (`planIndexParts`), each part is tokenised once into a file of per-bucket sections
// (src/lib/trends/trend-parts.ts) kept in the build cache, and the parts are joined bucket by
// bucket into the site. A joined file made from the same sections as the last build's is linked
// from the kept joined index without joining; one whose contents are the last build's is linked
// instead of gzipped again; the kept files are checked against what was written first (they are
// hard links to the published site's, which other tools may edit).
import { createHash } from 'node:crypto';
import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { readAt, shareFile, sumBytes, sumFile, sumZipped } from './files.ts';
import { dirname, join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { readContentBody, type CheckedEntry, type CheckResult } from '../checker/check-content.ts';
import { compareOldestFirst, type EntityCatalogue } from '../lib/archive-index.ts';
import { listBlockTexts } from '../lib/search-records.ts';
import { TREND_FILES, type TrendDocs, type TrendManifest } from '../lib/trends/trend-index.ts';
import {
  joinSections,
  readPartHead,
  trendBucketCount,
  TrendPartBuilder,
  type PartHead,
} from '../lib/trends/trend-parts.ts';
import { foldChineseText } from '../lib/trends/fold.ts';
import { listUnits, type TrendLanguage } from '../lib/trends/units.ts';
import { planIndexParts } from './write-search-index.ts';

const gzip = promisify(gzipCallback);

/** What one language's trends index came to. */
export interface TrendIndexResult {
  documents: number;
  units: number;
  buckets: number;
  positionBuckets: number;
  /** Bytes on disk, gzipped. */
  bytes: number;
  parts: number;
  /** Documents tokenised in this build, and documents whose part was kept from an earlier one. */
  tokenised: number;
  reused: number;
  /** Bucket files joined in this build, and gzipped (the rest were linked from the last build's). */
  joined: number;
  zipped: number;
  /** The cache entries this build used (parts and the kept joined index), which the cache must keep. */
  keys: string[];
}

/** What writing one language's trends index needs. */
export interface TrendsJob {
  site: string;
  lang: TrendLanguage;
  /** The documents the build shows, in any order. */
  documents: readonly CheckedEntry[];
  translations: CheckResult['entries']['translations'];
  catalogue: EntityCatalogue;
  /** Characters of text per part (`readPartBudget`). */
  partBudget: number;
  /**
   * Where parts are kept between builds: `salt` names the code and settings the joined index
   * depends on, `key` a part's cache entry from its documents and bucket count.
   */
  cache?: { dir: string; salt: string; key: (documents: readonly CheckedEntry[], buckets: number) => string };
}

/** The folder of a language's trends index in the site. */
export const trendsFolder = (lang: TrendLanguage) => `trends-${lang}`;

/**
 * Bytes of a translation's file per English word (unit), measured on the synthetic archive
 * (10,000 documents, 1,048 translated: 3.31 M words in 21.8 MB of translation files): what turns
 * the texts' lengths, known before tokenising, into an estimate of an index's units for its
 * bucket count. Chinese: a body's characters (43.5 M units in 10,000 bodies).
 */
const ENGLISH_BYTES_PER_UNIT = 6.6;

/** A document's text in a language, as units an index will hold, estimated from lengths alone. */
function estimateUnits(doc: CheckedEntry, lang: TrendLanguage, translations: TrendsJob['translations']): number {
  if (lang === 'zh') return doc.characters;
  const translation = translations.get(doc.id);
  return translation ? (translation.size ?? translation.bytes?.length ?? 0) / ENGLISH_BYTES_PER_UNIT : 0;
}

/** Adds a document's counted text in one language to a part, block by block. */
function addDocument(
  builder: TrendPartBuilder,
  doc: CheckedEntry,
  lang: TrendLanguage,
  translations: TrendsJob['translations'],
): void {
  if (lang === 'zh') {
    const traditional = doc.script === 'zh-Hant';
    builder.addChinese(listBlockTexts(readContentBody(doc.file)).map((block) => foldChineseText(block, traditional)));
    return;
  }
  const translation = translations.get(doc.id);
  builder.add(
    translation ? listBlockTexts(readContentBody(translation)).map((block) => listUnits(block, 'en').values) : [],
  );
}

/** Bytes of a section's digest in a part file's trailer. */
const SECTION_DIGEST = 20;

/**
 * Tokenises a part's documents and writes it to `file` (under a temporary name, renamed when
 * complete): the part's bytes, then the SHA-1 of each section (what a joined file's source is
 * made from), then the SHA-1 of all that. Yields to the event loop between documents.
 */
async function writePart(
  file: string,
  documents: readonly CheckedEntry[],
  job: TrendsJob,
  buckets: number,
): Promise<void> {
  const builder = new TrendPartBuilder();
  for (const [n, doc] of documents.entries()) {
    addDocument(builder, doc, job.lang, job.translations);
    if (n % 20 === 19) await setImmediate();
  }
  const part = builder.encode(buckets, buckets);
  const head = readPartHead(part);
  const digests = new Uint8Array(SECTION_DIGEST * (head.offsets.length - 1));
  for (let s = 0; s + 1 < head.offsets.length; s += 1) {
    digests.set(
      createHash('sha1')
        .update(part.subarray(head.offsets[s], head.offsets[s + 1]))
        .digest(),
      s * SECTION_DIGEST,
    );
  }
  const partial = `${file}.partial`;
  const whole = createHash('sha1').update(part).update(digests).digest();
  writeFileSync(partial, part);
  writeFileSync(partial, digests, { flag: 'a' });
  writeFileSync(partial, whole, { flag: 'a' });
  renameSync(partial, file);
}

/** A part on disk: its head and each section's digest. */
interface PartFile {
  path: string;
  head: PartHead;
  digests: Uint8Array;
  start: number;
}

/**
 * The head and section digests of the part at `path` when it is a whole part of `pages` pages
 * and `buckets` buckets as `writePart` wrote it, its digest computed again (a part cut short,
 * emptied or changed is made again rather than published), else undefined.
 */
function openPart(path: string, pages: number, buckets: number): Omit<PartFile, 'start'> | undefined {
  try {
    const bytes = new Uint8Array(readFileSync(path));
    const end = bytes.length - SECTION_DIGEST;
    if (end < 0) return undefined;
    const whole = createHash('sha1').update(bytes.subarray(0, end)).digest();
    if (!whole.equals(bytes.subarray(end))) return undefined;
    const head = readPartHead(bytes);
    if (head.sizes.length !== pages || head.buckets !== buckets || head.positionBuckets !== buckets) return undefined;
    const sections = head.offsets.at(-1)!;
    if (sections + SECTION_DIGEST * 2 * buckets !== end) return undefined;
    return { path, head, digests: bytes.slice(sections, end) };
  } catch {
    return undefined;
  }
}

/** The last build's joined index, kept in the cache: what each file was made from and what it is. */
interface KeptJoined {
  salt: string;
  /** Its bucket folder in `index/`. */
  folder: string;
  /** Per file: its sections' digest (`source`), its contents' (`sum`), its bytes' on disk (`written`) and size. */
  files: Record<string, { source: string; sum: string; written: string; size: number }>;
}

/** The kept joined index's folder in the cache. */
const joinedEntry = (lang: TrendLanguage) => `trends-joined-${lang}`;

/** The kept joined index, with only the files whose bytes are still those written. */
function readKept(dir: string): KeptJoined | undefined {
  try {
    const kept = JSON.parse(readFileSync(join(dir, 'record.json'), 'utf8')) as KeptJoined;
    const files: KeptJoined['files'] = {};
    for (const [path, file] of Object.entries(kept.files)) {
      // Gone or changed in place: made again.
      if (sumFile(join(dir, 'index', kept.folder, path)) === file.written) files[path] = file;
    }
    return { ...kept, files };
  } catch {
    return undefined;
  }
}

/** What a part that ends too soon is said to be (`readAt`). */
const cutShort = (path: string) => `the trends index part ${path} is cut short; build again with --full`;

/** Files joined (or linked) before the gzips of a batch are awaited. */
const FILES_PER_BATCH = 128;

/** Writes `trends-<lang>/` into `job.site` for the documents a build shows. */
export async function writeTrendsIndex(job: TrendsJob): Promise<TrendIndexResult> {
  const { lang } = job;
  // Pages in date order, then id: the search index's numbering, so that a page's fragment there
  // is its text here (the trends page shows sentences from it).
  const documents = [...job.documents].sort(compareOldestFirst);
  const weight = (doc: CheckedEntry) => estimateUnits(doc, lang, job.translations);
  const buckets = trendBucketCount(documents.reduce((sum, doc) => sum + weight(doc), 0));
  const plan = planIndexParts(documents, job.partBudget, weight);
  const scratch = join(job.site, `${trendsFolder(lang)}.parts`);
  mkdirSync(job.cache ? job.cache.dir : scratch, { recursive: true });
  const keys: string[] = [];
  const parts: PartFile[] = [];
  let tokenised = 0;
  for (const [p, part] of plan.entries()) {
    const key = job.cache?.key(part.documents, buckets);
    const path = key ? join(job.cache!.dir, key) : join(scratch, String(p));
    if (key) keys.push(key);
    let found = key ? openPart(path, part.documents.length, buckets) : undefined;
    if (!found) {
      await writePart(path, part.documents, job, buckets);
      tokenised += part.documents.length;
      found = openPart(path, part.documents.length, buckets);
      if (!found) throw new Error(`the trends index part ${path} could not be read back`);
    }
    parts.push({ ...found, start: part.start });
  }

  // The documents' table, from the frontmatter and the parts' sizes.
  const speakerIndex = new Map<string, number>();
  const table: TrendDocs = { lang, years: [], type: [], speaker: [], size: [], types: [], speakers: [] };
  for (const doc of documents) {
    table.years.push(Number(doc.date.slice(0, 4)));
    let type = table.types.indexOf(doc.type);
    if (type < 0) type = table.types.push(doc.type) - 1;
    table.type.push(type);
    let speaker = -1;
    const person = doc.speaker ? job.catalogue.people.get(doc.speaker) : undefined;
    if (person) {
      speaker = speakerIndex.get(person.id) ?? table.speakers.push({ id: person.id, ...person.name }) - 1;
      speakerIndex.set(person.id, speaker);
    }
    table.speaker.push(speaker);
  }
  for (const part of parts) table.size.push(...part.head.sizes);

  const root = join(job.site, trendsFolder(lang));
  const staging = join(root, '.partial');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(staging, 'c'), { recursive: true });
  mkdirSync(join(staging, 'p'), { recursive: true });
  const keptDir = job.cache && join(job.cache.dir, joinedEntry(lang));
  const kept = keptDir ? readKept(keptDir) : undefined;
  const salt = job.cache?.salt ?? '';
  const files: KeptJoined['files'] = {};
  const name = createHash('sha256');
  let bytes = 0;
  let joined = 0;
  let zipped = 0;
  // Level 4: measured on 400 counts files at 10,000 documents, 2.5 times as fast as level 6 for
  // 2% more bytes; positions files hardly compress at any level.
  const level = 4;
  // A file from its contents: linked from the kept index when they are the same, else gzipped.
  const pending: Promise<void>[] = [];
  const place = (path: string, source: string, contents: Uint8Array) => {
    const sum = sumZipped(contents, level);
    const old = kept?.files[path];
    if (old && old.sum === sum && linkKept(path)) {
      files[path] = { ...old, source };
      return;
    }
    zipped += 1;
    files[path] = { source, sum, written: '', size: 0 };
    pending.push(
      gzip(contents, { level }).then((data) => {
        writeFileSync(join(staging, path), data);
        files[path]!.written = sumBytes(data);
        files[path]!.size = data.length;
      }),
    );
  };
  const linkKept = (path: string) => {
    try {
      linkSync(join(keptDir!, 'index', kept!.folder, path), join(staging, path));
      return true;
    } catch {
      return false;
    }
  };

  place(TREND_FILES.docs, '', new TextEncoder().encode(JSON.stringify(table)));
  const sections = 2 * buckets;
  const pathOf = (s: number) => (s < buckets ? TREND_FILES.counts(s) : TREND_FILES.positions(s - buckets));
  const sourceOf = (s: number) => {
    const hash = createHash('sha1').update(`${salt}\u0000${buckets}\u0000${s}\u0000${parts.length}`);
    const start = new Uint8Array(4);
    for (const part of parts) {
      new DataView(start.buffer).setUint32(0, part.start, true);
      hash.update(start).update(part.digests.subarray(s * SECTION_DIGEST, (s + 1) * SECTION_DIGEST));
    }
    return hash.digest('base64');
  };
  const fds = parts.map((part) => openSync(part.path, 'r'));
  try {
    for (let from = 0; from < sections; from += FILES_PER_BATCH) {
      const to = Math.min(sections, from + FILES_PER_BATCH);
      const wanted: { s: number; source: string }[] = [];
      for (let s = from; s < to; s += 1) {
        const path = pathOf(s);
        const source = sourceOf(s);
        const old = kept?.salt === salt ? kept.files[path] : undefined;
        if (old && old.source === source && linkKept(path)) files[path] = old;
        else wanted.push({ s, source });
      }
      // The sections to join: the batch's whole range from each part when most of it is wanted.
      const whole = wanted.length * 4 > to - from;
      const ranges = parts.map((part, p) =>
        whole
          ? {
              base: part.head.offsets[from]!,
              bytes: readAt(
                fds[p]!,
                part.head.offsets[from]!,
                part.head.offsets[to]! - part.head.offsets[from]!,
                cutShort(part.path),
              ),
            }
          : undefined,
      );
      for (const { s, source } of wanted) {
        const own = parts.map((part, p) => {
          const [begin, end] = [part.head.offsets[s]!, part.head.offsets[s + 1]!];
          const range = ranges[p];
          const section = range
            ? range.bytes.subarray(begin - range.base, end - range.base)
            : readAt(fds[p]!, begin, end - begin, cutShort(part.path));
          return { start: part.start, section };
        });
        place(pathOf(s), source, joinSections(own, s < buckets));
        joined += 1;
      }
      await Promise.all(pending.splice(0));
    }
  } finally {
    for (const fd of fds) closeSync(fd);
  }
  await Promise.all(pending.splice(0));

  const paths = [TREND_FILES.docs, ...Array.from({ length: sections }, (_, s) => pathOf(s))];
  for (const path of paths) {
    name.update(`${path}\u0000${files[path]!.sum}\u0000`);
    bytes += files[path]!.size;
  }
  const manifest: TrendManifest = { folder: name.digest('hex').slice(0, 16), buckets, positionBuckets: buckets };
  for (const entry of readdirSync(root)) {
    if (entry !== '.partial') rmSync(join(root, entry), { recursive: true, force: true });
  }
  renameSync(staging, join(root, manifest.folder));
  writeFileSync(join(root, 'index.json'), JSON.stringify(manifest));

  if (keptDir) {
    rmSync(keptDir, { recursive: true, force: true });
    for (const path of paths) {
      const copy = join(keptDir, 'index', manifest.folder, path);
      mkdirSync(dirname(copy), { recursive: true });
      shareFile(join(root, manifest.folder, path), copy);
    }
    const record: KeptJoined = { salt, folder: manifest.folder, files };
    writeFileSync(join(keptDir, 'record.json'), JSON.stringify(record));
  }
  rmSync(scratch, { recursive: true, force: true });
  return {
    documents: documents.length,
    units: table.size.reduce((sum, size) => sum + size, 0),
    buckets,
    positionBuckets: buckets,
    bytes,
    parts: plan.length,
    tokenised,
    reused: documents.length - tokenised,
    joined,
    zipped,
    keys: keptDir ? [...keys, joinedEntry(lang)] : keys,
  };
}
