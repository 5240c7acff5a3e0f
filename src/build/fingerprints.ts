// Fingerprints of the content for incremental builds (src/build/plan.ts): what each file
// contributes, taken from the bytes the checker reads, and kept between builds by the files'
// stat so that an unchanged file is not read at all.
import { spawnSync } from 'node:child_process';
import { contentBytes, type ContentFile } from '../checker/check-content.ts';
import { classifyContentPath } from '../checker/collections.ts';
import { loadContentFiles } from '../checker/load-content.ts';
import { digest } from '../lib/digest.ts';
import type { BuildState } from './plan.ts';
import { readFrontmatterBytes } from '../lib/frontmatter.ts';
import { GIT_LOG_ARGS, parseGitLog } from '../lib/git-history.ts';

/** What the search records of a content tree are made from, for the shard cache (`SearchCache`). */
export interface SearchInputs {
  /** Every entity file (records carry entity names and aliases). */
  entities: string;
  /** For each document, its Chinese record's sources (the document file) and its English record's (frontmatter and translation). */
  documents: Record<string, { zh: string; en: string }>;
}

/** What the fingerprints take from one content file (`fingerprintFile`), so that it is read once. */
export interface FilePrint {
  /** For an entity file, the digest of its bytes. */
  entity?: string;
  /**
   * For a document or translation: its kind and id, and digests of its frontmatter and of the
   * whole file (with the frontmatter in the shared fingerprint, a change to the file that leaves
   * the frontmatter as it was is a change of its text).
   */
  text?: { kind: 'entry' | 'translation'; id: string; frontmatter: string; bytes: string };
}

/**
 * What the fingerprints take from a content file's bytes (`bytesDigest` is `digest([bytes])`
 * when the caller has it); undefined for files outside the collections.
 */
export function fingerprintFile(
  file: ContentFile,
  bytes: Uint8Array,
  bytesDigest: string = digest([bytes]),
): FilePrint | undefined {
  const kind = classifyContentPath(file.relative);
  if (kind.kind === 'other') return undefined;
  if (kind.kind === 'entry' && kind.collection !== 'documents') return { entity: bytesDigest };
  const split = readFrontmatterBytes(bytes);
  const frontmatter = typeof split === 'string' ? split : String(split.problem);
  return { text: { kind: kind.kind, id: kind.id, frontmatter: digest([frontmatter]), bytes: bytesDigest } };
}

/** A file's print as a build took it, with the file's stat at the time. */
export interface KeptPrint {
  signature: string;
  print: FilePrint;
}

/**
 * How long before a build a file must have last changed for its print to be kept: a file
 * written again within the same tick of the file system's clock could keep its stat (FAT's
 * clock ticks every 2 s; ext4's and APFS's every nanosecond).
 */
const SETTLED_MS = 2_000;

/**
 * Takes the prints an earlier build kept (`keepPrints`) for the files whose stat is unchanged:
 * each goes into `prints` and its digest onto the file, so that neither the checker nor the
 * fingerprints read it again. Any write to a file moves its change time (ctime), which no tool
 * can set back, so a file with the same size, inode and modification and change times has the
 * same bytes.
 */
export function takeKeptPrints(
  files: readonly ContentFile[],
  kept: ReadonlyMap<string, KeptPrint>,
  prints: Map<string, FilePrint>,
): void {
  for (const file of files) {
    const entry = kept.get(file.relative);
    if (!entry || !file.stat || entry.signature !== file.stat.signature) continue;
    prints.set(file.relative, entry.print);
    file.digest = entry.print.text?.bytes ?? entry.print.entity;
  }
}

/** The prints to keep for the next build: those of files that had settled when the build began at `startedMs`. */
export function keepPrints(
  files: readonly ContentFile[],
  prints: ReadonlyMap<string, FilePrint>,
  startedMs: number,
): Map<string, KeptPrint> {
  const kept = new Map<string, KeptPrint>();
  for (const file of files) {
    const print = prints.get(file.relative);
    if (print && file.stat && file.stat.changedMs < startedMs - SETTLED_MS) {
      kept.set(file.relative, { signature: file.stat.signature, print });
    }
  }
  return kept;
}

/**
 * The fingerprints of a content tree: one for everything many pages show (every frontmatter,
 * every entity file, the list of files), one per document for what only its own page shows (its
 * text, its translation's text, its Git dates), and what search records are made from. `prints`
 * holds what was taken from files as they were read (by the checker, `checkContent`'s
 * `onRead`); a file missing from it is read here.
 */
export function fingerprintContent(
  root: string,
  files: readonly ContentFile[] = loadContentFiles(root),
  prints: ReadonlyMap<string, FilePrint> = new Map(),
): Pick<BuildState, 'metadata' | 'documents'> & { search: SearchInputs } {
  const git = spawnSync('git', ['-C', root, ...GIT_LOG_ARGS], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const history = git.status === 0 ? parseGitLog(git.stdout) : new Map();
  const shared: string[] = [];
  const entities: string[] = [];
  const texts = new Map<string, string[]>();
  const search = new Map<string, { zh: string; en: string[] }>();
  for (const file of files) {
    const print = prints.get(file.relative) ?? fingerprintFile(file, contentBytes(file));
    if (!print) continue;
    shared.push(file.relative);
    if (print.entity) {
      shared.push(print.entity);
      entities.push(file.relative, print.entity);
      continue;
    }
    const { kind, id, frontmatter, bytes } = print.text!;
    shared.push(frontmatter);
    const inputs = search.get(id) ?? { zh: '', en: [] };
    if (kind === 'translation') inputs.en.push(bytes);
    else {
      inputs.zh = bytes;
      inputs.en.push(frontmatter);
    }
    search.set(id, inputs);
    const parts = texts.get(id) ?? [];
    parts.push(`${kind}\u0000${bytes}\u0000${JSON.stringify(history.get(file.relative) ?? null)}`);
    texts.set(id, parts);
  }
  return {
    metadata: digest(shared),
    documents: Object.fromEntries([...texts].map(([id, parts]) => [id, digest(parts.sort())])),
    search: {
      entities: digest(entities),
      documents: Object.fromEntries(
        [...search].map(([id, inputs]) => [id, { zh: inputs.zh, en: digest(inputs.en.sort()) }]),
      ),
    },
  };
}
