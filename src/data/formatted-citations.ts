// The formatted citations of document pages, kept between builds. citeproc-js takes seconds to
// load the four styles (Chicago's most) and milliseconds per entry, and a document's entries
// depend only on its CSL-JSON item, the style files and citeproc's version: a text-only edit,
// the usual incremental build, changes none of them. So entries are kept, by a digest of all
// three, in one append-only file in the build cache, and citeproc is loaded only when an entry
// is missing. A line cut short by an interrupted build is skipped when read.
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import citeprocPackage from 'citeproc/package.json' with { type: 'json' };
import { digest } from '../lib/digest.ts';
import { CITATION_STYLES, formatCitationStyles, type CitationStyleId } from '../lib/citations/csl-styles.ts';
import type { CslItem } from '../lib/citations/format-csl-json.ts';

type Entries = Record<CitationStyleId, string>;

const STORE = join(process.cwd(), 'node_modules', '.cache', 'soe-archive', 'formatted-citations.jsonl');
const SALT = digest([citeprocPackage.version, ...CITATION_STYLES.flatMap(({ id, style }) => [id, style])]);

let kept: Map<string, Entries> | undefined;

function readStore(): Map<string, Entries> {
  const entries = new Map<string, Entries>();
  let text = '';
  try {
    text = readFileSync(STORE, 'utf8');
  } catch {
    return entries;
  }
  for (const line of text.split('\n')) {
    try {
      const [key, value] = JSON.parse(line) as [string, Entries];
      if (typeof key === 'string' && value && CITATION_STYLES.every(({ id }) => typeof value[id] === 'string')) {
        entries.set(key, value);
      }
    } catch {
      // An empty or cut-short line: that entry is formatted again.
    }
  }
  return entries;
}

/** A document's formatted citation in every style, as HTML, from the store or from citeproc. */
export function loadFormattedCitations(item: CslItem): Entries {
  kept ??= readStore();
  const key = digest([SALT, JSON.stringify(item)]);
  let entries = kept.get(key);
  if (!entries) {
    entries = formatCitationStyles(item);
    kept.set(key, entries);
    try {
      mkdirSync(dirname(STORE), { recursive: true });
      appendFileSync(STORE, `${JSON.stringify([key, entries])}\n`);
    } catch {
      // A read-only cache only costs the next build the formatting.
    }
  }
  return entries;
}
