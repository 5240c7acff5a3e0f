// A directive's use over time as its page shows it (UsageOverTime.astro), kept for the whole
// build here: an Astro component's frontmatter runs anew for every page it renders, so what it
// keeps there is made again for each.
import type { ArchiveIndex, EntityKey, IndexedDocument } from '../lib/archive-index.ts';
import { findMentions } from '../lib/find-mentions.ts';
import { extractContexts } from '../lib/keyword-in-context.ts';
import { listBlockTexts } from '../lib/search-records.ts';
import { indexUsage, readUsage, type EntityUsage, type UsageIndex } from '../lib/trends/usage.ts';
import { readBody } from './archive.ts';

/** Every entity's use, indexed once per archive. */
const indexes = new WeakMap<ArchiveIndex, UsageIndex>();

/** An entity's use over time (`readUsage`), from the archive's usage index made once. */
export function loadEntityUsage(archive: ArchiveIndex, key: EntityKey): EntityUsage {
  let index = indexes.get(archive);
  if (!index) indexes.set(archive, (index = indexUsage(archive.documents)));
  return readUsage(index, key);
}

/** Where a document first names an entity: the paragraph (1-based, as the reading view numbers them) and its sentence. */
export interface FirstMention {
  paragraph?: number;
  context?: ReturnType<typeof extractContexts>[number];
}

/** First mentions found, per archive, by entity and document: both languages' pages show the same. */
const firstMentions = new WeakMap<ArchiveIndex, Map<string, FirstMention>>();

/**
 * The block texts of the documents read last: the first and latest uses of an archive's
 * directives fall on few documents (the newest texts name most of them), each parsed once
 * rather than once per directive. A few are enough; more would only hold texts in memory.
 */
const blocks = new Map<string, { body: string; blocks: string[] }>();
const BLOCKS_KEPT = 16;

function readBlocks(file: string): string[] {
  const body = readBody(file);
  let kept = blocks.get(file);
  // Kept by the text itself, not only its path: `astro dev` renders again after an edit.
  if (kept?.body !== body) {
    kept = { body, blocks: listBlockTexts(body) };
    if (blocks.size >= BLOCKS_KEPT) blocks.delete(blocks.keys().next().value!);
  }
  // The newest last: the oldest goes first.
  blocks.delete(file);
  blocks.set(file, kept);
  return kept.blocks;
}

/** Where `doc` first names the entity `key` (nowhere: both fields undefined). */
export function loadFirstMention(archive: ArchiveIndex, key: EntityKey, doc: IndexedDocument): FirstMention {
  let found = firstMentions.get(archive);
  if (!found) firstMentions.set(archive, (found = new Map()));
  const id = `${key}\u0000${doc.id}`;
  let mention = found.get(id);
  if (!mention) {
    mention = {};
    for (const [i, block] of readBlocks(doc.file).entries()) {
      const mentions = findMentions(block, archive.matcher).filter(
        (other) => `${other.collection}/${other.id}` === key,
      );
      if (mentions.length > 0) {
        mention = { paragraph: i + 1, context: extractContexts(block, mentions.slice(0, 1))[0] };
        break;
      }
    }
    found.set(id, mention);
  }
  return mention;
}
