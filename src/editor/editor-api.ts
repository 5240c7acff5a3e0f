import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { checkContent, contentBytes, type ContentFile } from '../checker/check-content.ts';
import { COLLECTIONS } from '../checker/collections.ts';
import { loadContentFiles } from '../checker/load-content.ts';
import { formatProblem, type Problem } from '../checker/problem.ts';
import { createMentionMatcher, type AliasEntry } from '../lib/find-mentions.ts';
import { renderBlocks } from '../lib/render-blocks.ts';
import { SLUG_PATTERN } from '../schema/common.ts';
import { describeForms } from './describe-form.ts';
import { listEntries, type ContentTexts } from './list-entries.ts';
import { formatEntryFile, readFrontmatter, updateFrontmatter, type FieldMap } from './update-frontmatter.ts';

/** An answer of the editor's API: an HTTP status and a JSON body. */
export interface ApiAnswer {
  status: number;
  body: unknown;
}

const ENTITY_COLLECTIONS = ['enterprises', 'directives', 'people'] as const;

/** Refuses anything but a known collection and a slug id, so no request can name another path. */
function locate(root: string, collection: unknown, id: unknown): { path: string; relative: string } | ApiAnswer {
  if (typeof collection !== 'string' || !(Object.hasOwn(COLLECTIONS, collection) || collection === 'translations')) {
    return refuse(400, `unknown collection ${JSON.stringify(collection)}`);
  }
  if (typeof id !== 'string' || id.length > 200 || !SLUG_PATTERN.test(id)) {
    return refuse(400, `id must be a lowercase ASCII slug like "jinan-investment-holding", got ${JSON.stringify(id)}`);
  }
  const relative = collection === 'translations' ? `documents/${id}.en.md` : `${collection}/${id}.md`;
  return { path: join(root, relative), relative };
}

// Answers are told apart from request data (which has a `status` field of its own) by this mark.
const ANSWER = Symbol('answer');

function isAnswer(value: unknown): value is ApiAnswer {
  return typeof value === 'object' && value !== null && ANSWER in value;
}

function refuse(status: number, error: string): ApiAnswer {
  return { status, body: { error }, [ANSWER]: true } as ApiAnswer;
}

function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function readTexts(root: string): ContentTexts {
  const texts: ContentTexts = new Map();
  for (const file of loadContentFiles(root, dirname(root))) {
    if (file.relative.endsWith('.md')) texts.set(file.relative, new TextDecoder().decode(contentBytes(file)));
  }
  return texts;
}

/** The display path the checker gives a file of this tree: `content/documents/x.md`. */
function displayOf(root: string, relative: string): string {
  return `${basename(root)}/${relative}`;
}

/**
 * Runs the checker over the tree with some files replaced. Returns the problems of those files,
 * and the errors the change would cause in other files (an alias now claimed twice, say).
 */
function checkWith(root: string, replaced: Map<string, string>): Problem[] {
  const current = loadContentFiles(root, dirname(root));
  const files: ContentFile[] = current.filter((file) => !replaced.has(file.relative));
  for (const [relative, text] of replaced) {
    files.push({ relative, display: displayOf(root, relative), bytes: new TextEncoder().encode(text) });
  }
  files.sort((a, b) => a.relative.localeCompare(b.relative));
  const shown = new Set([...replaced.keys()].map((relative) => displayOf(root, relative)));
  const after = checkContent(files).problems;
  const elsewhere = after.filter((problem) => !shown.has(problem.file) && problem.severity === 'error');
  if (elsewhere.length === 0) return after.filter((problem) => shown.has(problem.file));
  const before = new Set(checkContent(current).problems.map(formatProblem));
  return after.filter(
    (problem) => shown.has(problem.file) || (problem.severity === 'error' && !before.has(formatProblem(problem))),
  );
}

/**
 * Writes `text` to `path` only if the file still holds `before` (undefined: only if there is no
 * file), through a temporary file and a rename, so a crash never leaves half a file. The checker
 * runs between opening a file and saving it (half a second in a large archive): a change made
 * on disk meanwhile, by another program or another editor tab, must not be overwritten, so the
 * file is compared again at the last moment, after the new text is on disk beside it. A new file
 * is linked into place, which fails if one appeared. Returns false, writing nothing, when the
 * file changed.
 */
function writeIfUnchanged(path: string, before: string | undefined, text: string): boolean {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(temporary, text);
  try {
    if (before === undefined) {
      try {
        linkSync(temporary, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw error;
      }
      return true;
    }
    if (!existsSync(path) || readFileSync(path, 'utf8') !== before) return false;
    renameSync(temporary, path);
    return true;
  } finally {
    rmSync(temporary, { force: true });
  }
}

function changedMeanwhile(relative: string): ApiAnswer {
  return refuse(
    409,
    `${relative} was changed on disk while it was being checked; nothing was written. Copy your changes, reopen the entry and apply them again.`,
  );
}

/** The entity lists the pickers offer and the matcher the preview links with. */
function listAliases(texts: ContentTexts): AliasEntry[] {
  const aliases: AliasEntry[] = [];
  for (const [relative, text] of texts) {
    const [collection, name] = relative.split('/') as [string, string];
    if (!(ENTITY_COLLECTIONS as readonly string[]).includes(collection)) continue;
    try {
      const { data } = readFrontmatter(text);
      const id = name.slice(0, -3);
      const forms = [(data.name as { zh?: unknown } | undefined)?.zh, ...((data.aliases as unknown[]) ?? [])];
      for (const alias of forms) {
        if (typeof alias === 'string' && alias.trim()) {
          aliases.push({ alias, collection: collection as AliasEntry['collection'], id });
        }
      }
    } catch {
      // An unreadable entity file is reported by the checker on save; it offers no names meanwhile.
    }
  }
  return aliases;
}

/** Everything the client needs to start: the forms, and every entry with its state. */
export function getIndex(root: string): ApiAnswer {
  return { status: 200, body: { forms: describeForms(), entries: listEntries(readTexts(root)) } };
}

/** One entry's data and body, with the hash a save must quote so changes on disk are not lost. */
export function getEntry(root: string, collection: unknown, id: unknown): ApiAnswer {
  const place = locate(root, collection, id);
  if (isAnswer(place)) return place;
  if (!existsSync(place.path)) return refuse(404, `${place.relative} does not exist`);
  const text = readFileSync(place.path, 'utf8');
  try {
    const { data, body } = readFrontmatter(text);
    return { status: 200, body: { data, body, hash: hashText(text) } };
  } catch (error) {
    const reason = (error as Error).message;
    return refuse(422, `${place.relative} cannot be opened in the form: ${reason}. Fix it in a text editor.`);
  }
}

/** The request to save one entry. */
export interface SaveRequest {
  collection: unknown;
  id: unknown;
  data: unknown;
  body?: unknown;
  /** The hash the entry had when it was opened; absent for a new entry. */
  hash?: unknown;
  /** Write even though the checker found errors (an explicit second action in the client). */
  confirmInvalid?: unknown;
}

function readRequestData(data: unknown): FieldMap | ApiAnswer {
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return refuse(400, 'data must be an object of fields');
  }
  return data as FieldMap;
}

/** The next text of an entry, or why there is none: a conflict, a clash with an existing file. */
function nextText(
  place: { path: string; relative: string },
  data: FieldMap,
  body: string | undefined,
  hash: unknown,
): { before: string | undefined; text: string } | ApiAnswer {
  const exists = existsSync(place.path);
  if (hash === undefined || hash === null) {
    if (exists) return refuse(409, `${place.relative} already exists: choose another id`);
    return { before: undefined, text: formatEntryFile(data, body ?? '') };
  }
  if (!exists) return refuse(409, `${place.relative} was deleted on disk since it was opened`);
  const before = readFileSync(place.path, 'utf8');
  if (hashText(before) !== hash) {
    return refuse(
      409,
      `${place.relative} was changed on disk since you opened it; nothing was written. Copy your changes, reopen the entry and apply them again.`,
    );
  }
  return { before, text: updateFrontmatter(before, data, body) };
}

/**
 * Saves one entry: edits only the changed fields of the file, runs the checker over the tree
 * with the new file in place, and writes only when it passes or the user confirmed an invalid
 * save. Returns the checker's problems for the file either way.
 */
export function saveEntry(root: string, request: SaveRequest): ApiAnswer {
  const place = locate(root, request.collection, request.id);
  if (isAnswer(place)) return place;
  const data = readRequestData(request.data);
  if (isAnswer(data)) return data;
  if (request.body !== undefined && typeof request.body !== 'string') {
    return refuse(400, 'body must be text');
  }
  const next = nextText(place, data, request.body, request.hash);
  if (isAnswer(next)) return next;
  const problems = checkWith(root, new Map([[place.relative, next.text]]));
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0 && request.confirmInvalid !== true) {
    return { status: 422, body: { saved: false, file: place.relative, problems } };
  }
  if (next.text !== next.before && !writeIfUnchanged(place.path, next.before, next.text)) {
    return changedMeanwhile(place.relative);
  }
  return {
    status: 200,
    body: {
      saved: true,
      file: place.relative,
      changed: next.text !== next.before,
      problems,
      hash: hashText(next.text),
    },
  };
}

/** The request to create an entity from a name the importer proposed in a draft's review list. */
export interface CandidateRequest {
  collection: unknown;
  id: unknown;
  data: unknown;
  /** The draft whose review list proposed the name. */
  document: unknown;
  /** The hash the draft had when it was opened. */
  hash: unknown;
  /** The candidate's name as the review list writes it. */
  candidate: unknown;
  confirmInvalid?: unknown;
}

/**
 * Creates an enterprise or directive from a review candidate: writes the new entity file, adds
 * its id to the draft's list and removes the candidate from the draft's review list, changing
 * only those lines of the draft. Both files are checked together before anything is written.
 */
export function createFromCandidate(root: string, request: CandidateRequest): ApiAnswer {
  if (request.collection !== 'enterprises' && request.collection !== 'directives') {
    return refuse(400, 'a candidate becomes an enterprise or a directive');
  }
  const place = locate(root, request.collection, request.id);
  if (isAnswer(place)) return place;
  const documentPlace = locate(root, 'documents', request.document);
  if (isAnswer(documentPlace)) return documentPlace;
  const data = readRequestData(request.data);
  if (isAnswer(data)) return data;
  const entity = nextText(place, data, undefined, undefined);
  if (isAnswer(entity)) return entity;
  if (!existsSync(documentPlace.path)) return refuse(404, `${documentPlace.relative} does not exist`);
  const draftText = readFileSync(documentPlace.path, 'utf8');
  if (hashText(draftText) !== request.hash) {
    return refuse(409, `${documentPlace.relative} was changed on disk since you opened it`);
  }
  const draft = readFrontmatter(draftText).data;
  const review = draft.review as { candidates?: { name: string }[] } | undefined;
  const candidates = review?.candidates ?? [];
  if (!candidates.some((candidate) => candidate.name === request.candidate)) {
    return refuse(404, `${documentPlace.relative} proposes no ${JSON.stringify(request.candidate)}`);
  }
  const list = (Array.isArray(draft[request.collection]) ? draft[request.collection] : []) as string[];
  const nextDraft: FieldMap = {
    ...draft,
    [request.collection]: list.includes(request.id as string) ? list : [...list, request.id as string],
    review: { ...review, candidates: candidates.filter((candidate) => candidate.name !== request.candidate) },
  };
  const draftNext = updateFrontmatter(draftText, nextDraft);
  const problems = checkWith(
    root,
    new Map([
      [place.relative, entity.text],
      [documentPlace.relative, draftNext],
    ]),
  );
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0 && request.confirmInvalid !== true) return { status: 422, body: { saved: false, problems } };
  // The draft is written first: if it changed meanwhile, nothing is written at all; if the
  // entity's id was taken meanwhile, the draft is put back as it was.
  if (!writeIfUnchanged(documentPlace.path, draftText, draftNext)) return changedMeanwhile(documentPlace.relative);
  if (!writeIfUnchanged(place.path, undefined, entity.text)) {
    writeIfUnchanged(documentPlace.path, draftNext, draftText);
    return refuse(409, `${place.relative} was created on disk meanwhile: choose another id`);
  }
  return { status: 200, body: { saved: true, file: place.relative, problems, hash: hashText(draftNext) } };
}

/** The body rendered as the site renders it, entity links included (they point into the editor). */
export function previewBody(root: string, body: unknown): ApiAnswer {
  if (typeof body !== 'string') return refuse(400, 'body must be text');
  const matcher = createMentionMatcher(listAliases(readTexts(root)));
  const blocks = renderBlocks(body, { matcher, hrefFor: (entry) => `#/${entry.collection}/${entry.id}` });
  return { status: 200, body: { html: blocks.map((block) => block.html).join('\n') } };
}
