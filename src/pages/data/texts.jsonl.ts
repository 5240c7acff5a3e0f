import { writeLargeDownload } from '../../build/handoff.ts';
import { loadArchive, loadTextRecord, loadTranslations } from '../../data/archive.ts';

/**
 * `/data/texts.jsonl`: every document's metadata and full text, one JSON object per line
 * (src/lib/texts-export.ts). Lines are made one at a time into bytes, never one string: at
 * 10,000 documents the file is hundreds of megabytes, which `npm run build` writes line by line
 * (`writeLargeDownload`) rather than through Astro.
 */
export async function GET(): Promise<Response> {
  const [archive, translations] = await Promise.all([loadArchive(), loadTranslations()]);
  const documents = [...archive.documents].reverse();
  // Kept between builds by what it is made from (src/build/kept-results.ts).
  const lines = function* () {
    for (const doc of documents) yield loadTextRecord(doc, translations.get(doc.id));
  };
  if (writeLargeDownload('data/texts.jsonl', lines())) return new Response(null);
  const bytes = Buffer.concat([...lines()]);
  return new Response(bytes, { headers: { 'content-type': 'application/x-ndjson; charset=utf-8' } });
}
