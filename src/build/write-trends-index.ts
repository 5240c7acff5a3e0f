// Writes the trends indexes (src/lib/trends/trend-index.ts), one per language, from the checked
// entries: every document's text (Chinese: the original, folded to simplified; English: the
// translation, where there is one), block by block as the reading view numbers paragraphs.
// Called by the index worker after the search indexes; made whole on every build that runs the
// worker, since every count depends on every text.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { readContentBody, type CheckedEntry, type CheckResult } from '../checker/check-content.ts';
import { compareOldestFirst, type EntityCatalogue } from '../lib/archive-index.ts';
import { listBlockTexts } from '../lib/search-records.ts';
import { TrendIndexBuilder, TREND_FILES, type TrendDocs, type TrendManifest } from '../lib/trends/trend-index.ts';
import { foldChineseText } from '../lib/trends/fold.ts';
import { listUnits, type TrendLanguage } from '../lib/trends/units.ts';

const gzip = promisify(gzipCallback);

/** What one language's trends index came to. */
export interface TrendIndexResult {
  documents: number;
  units: number;
  buckets: number;
  positionBuckets: number;
  /** Bytes on disk, gzipped. */
  bytes: number;
}

/** The folder of a language's trends index in the site. */
export const trendsFolder = (lang: TrendLanguage) => `trends-${lang}`;

/** Adds a document's counted text in one language to the index, block by block; returns its size in units. */
function addDocument(
  builder: TrendIndexBuilder,
  doc: CheckedEntry,
  lang: TrendLanguage,
  translations: CheckResult['entries']['translations'],
): number {
  if (lang === 'zh') {
    const traditional = doc.script === 'zh-Hant';
    return builder.addChinese(
      listBlockTexts(readContentBody(doc.file)).map((block) => foldChineseText(block, traditional)),
    );
  }
  const translation = translations.get(doc.id);
  if (!translation) return builder.add([]);
  return builder.add(listBlockTexts(readContentBody(translation)).map((block) => listUnits(block, 'en').values));
}

/** Writes `trends-<lang>/` into `site` for the documents a build shows (any order). */
export async function writeTrendsIndex(
  site: string,
  lang: TrendLanguage,
  shown: readonly CheckedEntry[],
  translations: CheckResult['entries']['translations'],
  catalogue: EntityCatalogue,
): Promise<TrendIndexResult> {
  // Pages in date order, then id: the search index's numbering, so that a page's fragment there
  // is its text here (the trends page shows sentences from it).
  const documents = [...shown].sort(compareOldestFirst);
  const builder = new TrendIndexBuilder();
  const speakerIndex = new Map<string, number>();
  const table: TrendDocs = { lang, years: [], type: [], speaker: [], size: [], types: [], speakers: [] };
  for (const [i, doc] of documents.entries()) {
    table.years.push(Number(doc.date.slice(0, 4)));
    let type = table.types.indexOf(doc.type);
    if (type < 0) type = table.types.push(doc.type) - 1;
    table.type.push(type);
    let speaker = -1;
    const person = doc.speaker ? catalogue.people.get(doc.speaker) : undefined;
    if (person) {
      speaker = speakerIndex.get(person.id) ?? table.speakers.push({ id: person.id, ...person.name }) - 1;
      speakerIndex.set(person.id, speaker);
    }
    table.speaker.push(speaker);
    table.size.push(addDocument(builder, doc, lang, translations));
    if (i % 100 === 99) await setImmediate();
  }
  const files: [string, Uint8Array][] = [[TREND_FILES.docs, new TextEncoder().encode(JSON.stringify(table))]];
  const hash = createHash('sha256');
  const zipped: [string, Uint8Array][] = [];
  let bytes = 0;
  const flush = async (batch: [string, Uint8Array][]) => {
    const done = await Promise.all(batch.map(async ([path, data]) => [path, await gzip(data, { level: 6 })] as const));
    for (const [path, data] of done) {
      hash.update(path).update(data);
      zipped.push([path, data]);
      bytes += data.length;
    }
  };
  let batch: [string, Uint8Array][] = files;
  for (const file of builder.files()) {
    batch.push(file);
    if (batch.length >= 64) {
      await flush(batch);
      batch = [];
    }
  }
  await flush(batch);
  const folder = hash.digest('hex').slice(0, 16);
  const root = join(site, trendsFolder(lang));
  const made = new Set<string>();
  for (const [path, data] of zipped) {
    const target = join(root, folder, path);
    const dir = target.slice(0, target.lastIndexOf('/'));
    if (!made.has(dir)) mkdirSync(dir, { recursive: true });
    made.add(dir);
    writeFileSync(target, data);
  }
  const manifest: TrendManifest = {
    folder,
    buckets: builder.bucketCount(),
    positionBuckets: builder.positionBucketCount(),
  };
  writeFileSync(join(root, 'index.json'), JSON.stringify(manifest));
  return {
    documents: documents.length,
    units: table.size.reduce((sum, size) => sum + size, 0),
    buckets: manifest.buckets,
    positionBuckets: manifest.positionBuckets,
    bytes,
  };
}
