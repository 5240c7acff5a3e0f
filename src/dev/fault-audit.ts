// The fault points of `npm run build` and how each is judged: a build stopped at a phase (by
// SIGINT or SIGKILL, with the edit it was building kept or undone), a cache file damaged
// (truncated, emptied, deleted, overwritten), and two builds at once. After each fault the next
// build must give exactly the bytes of a fresh `--full` build of the same content, or stop with
// a message naming the damaged file and the remedy (`--full`), and leave no temporary folder.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { FORMATTED_CITATIONS } from '../build/citation-store.ts';
import { PHASES } from '../build/run.ts';
import { cacheRoot, keptResultsDir, resultCachePath, searchCacheDir } from '../build/store.ts';
import { RECORD } from '../build/transaction.ts';
import {
  compareTrees,
  damageFile,
  digestTree,
  runBuild,
  type BuildOutcome,
  type Damage,
  DAMAGES,
} from './fault-injection.ts';

/** The document whose text the audit edits, and the line it appends. */
const EDITED = 'documents/2017-08-04-jinduicheng-meeting.md';
const EDIT = '\n审计时追加的一句话，随后可能撤回。\n';

/** A fault point and what came of it. */
export interface FaultResult {
  fault: string;
  /** False when the build ended before reaching the point (nothing to judge). */
  reached: boolean;
  /** Empty when the outcome is right; otherwise what went wrong. */
  divergences: string[];
}

/** A content tree, an output folder and reference builds of both states of the edited document. */
export class FaultBench {
  readonly content: string;
  readonly out: string;
  private readonly original: Buffer;
  private readonly base: string;
  private references = new Map<'original' | 'edited', Map<string, string>>();

  readonly project: string;
  readonly work: string;
  readonly env: NodeJS.ProcessEnv;

  constructor(project: string, work: string, fixture: string, env: NodeJS.ProcessEnv) {
    this.project = project;
    this.work = work;
    this.env = env;
    this.content = join(work, 'content');
    this.out = join(work, 'dist');
    this.base = join(work, 'base');
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    cpSync(fixture, this.content, { recursive: true });
    this.original = readFileSync(join(this.content, EDITED));
  }

  private build(args: string[] = [], extra: Partial<Parameters<typeof runBuild>[0]> = {}): Promise<BuildOutcome> {
    return runBuild({ project: this.project, content: this.content, out: this.out, args, env: this.env, ...extra });
  }

  /** Sets the edited document to one of its two states. */
  setText(state: 'original' | 'edited'): void {
    writeFileSync(
      join(this.content, EDITED),
      state === 'original' ? this.original : Buffer.concat([this.original, Buffer.from(EDIT)]),
    );
  }

  /** Full builds of both states into folders of their own: the references, and the output folder's base. */
  async prepare(): Promise<void> {
    for (const state of ['edited', 'original'] as const) {
      this.setText(state);
      const out = join(this.work, `reference-${state}`);
      const result = await runBuild({
        project: this.project,
        content: this.content,
        out,
        args: ['--full'],
        env: this.env,
      });
      if (result.status !== 0) throw new Error(`reference build failed:\n${result.log}`);
      this.references.set(state, digestTree(out));
    }
    // The output folder starts as a copy of the reference: its record is all a build trusts.
    cpSync(join(this.work, 'reference-original'), this.base, { recursive: true });
  }

  /** Puts the output folder back to the base build of the original text. */
  reset(): void {
    for (const path of [this.out, `${this.out}.build`, `${this.out}.lock`])
      rmSync(path, { recursive: true, force: true });
    cpSync(this.base, this.out, { recursive: true });
    this.setText((this.state = 'original'));
    this.warm = false;
  }

  /** What is wrong with the output folder after a build that should have given `state`'s site. */
  judge(state: 'original' | 'edited', outcome: BuildOutcome, damaged?: string): string[] {
    if (outcome.status !== 0) {
      const named = damaged !== undefined && outcome.log.includes(damaged) && outcome.log.includes('--full');
      return named ? [] : [`the build failed without naming the file and the remedy:\n${outcome.log.slice(-2000)}`];
    }
    const differences = compareTrees(digestTree(this.out), this.references.get(state)!);
    return [...differences.slice(0, 20), ...this.leftovers()];
  }

  /** Temporary files or folders left beside the output folder. */
  leftovers(): string[] {
    const name = basename(this.out);
    return readdirSync(dirname(this.out))
      .filter((entry) => entry.startsWith(`${name}.`))
      .map((entry) => `left behind: ${entry}`);
  }

  /**
   * Stops an incremental build (or, with `full`, a first build into an empty folder) at `at`
   * with `signal`, undoes the edit or not, builds again and judges the result.
   */
  async interrupt(at: RegExp, signal: NodeJS.Signals, undo: boolean, full = false): Promise<FaultResult> {
    this.reset();
    if (full) rmSync(this.out, { recursive: true, force: true });
    this.setText('edited');
    const fault = `${full ? 'first build' : 'incremental build'} stopped by ${signal} at ${at.source}${undo ? ', edit undone' : ''}`;
    const first = await this.build([], { stop: { at, signal } });
    if (!first.interrupted) return { fault, reached: false, divergences: [] };
    if (undo) this.setText('original');
    const next = await this.build();
    return { fault, reached: true, divergences: this.judge(undo ? 'original' : 'edited', next) };
  }

  /** The English index's part folder in the search cache (the one the joined English index was made from). */
  private englishPart(search: string): string | undefined {
    try {
      const sums = JSON.parse(readFileSync(join(search, 'joined-en', 'files.json'), 'utf8')) as Record<string, string>;
      const fragment = Object.entries(sums).find(([path]) => /\/f\/0\.bin$/.test(path));
      if (!fragment) return undefined;
      const hash = fragment[1];
      for (const name of readdirSync(search)) {
        const candidate = join(search, name, 'f', '0.json');
        if (!existsSync(candidate)) continue;
        if (createHash('sha1').update(readFileSync(candidate)).digest('base64') === hash) return join(search, name);
      }
    } catch {
      // no joined English index yet
    }
    return undefined;
  }

  /** Every kind of file builds keep, found in the cache and the output folder as they are now. */
  cacheFiles(): { kind: string; path: string | undefined }[] {
    const search = searchCacheDir(this.project, this.out);
    const first = (dir: string, test: (name: string) => boolean = () => true) => {
      try {
        const name = readdirSync(dir).sort().find(test);
        return name === undefined ? undefined : join(dir, name);
      } catch {
        return undefined;
      }
    };
    // The English side: after an edit to a Chinese text without translation, the English index
    // is kept whole and its parts reused, so damage there is what the next build meets.
    const part = this.englishPart(search);
    const joined = join(search, 'joined-en');
    const joinedFolder = first(join(joined, 'index'), (name) => !name.includes('.'));
    const published = first(join(this.out, 'search-en'), (name) => !name.includes('.'));
    const trendsPart = first(search, (name) => /^trends-[0-9a-f]+$/.test(name));
    const trendsKept = join(search, 'trends-joined-en');
    const trendsFolder = first(join(trendsKept, 'index'), (name) => !name.includes('.'));
    const trendsPublished = first(join(this.out, 'trends-en'), (name) => !name.includes('.'));
    const compile = (() => {
      try {
        const dir = join(cacheRoot(this.project), 'compile');
        const file = readdirSync(dir, { recursive: true, withFileTypes: true }).find((entry) => entry.isFile());
        return file && join(file.parentPath, file.name);
      } catch {
        return undefined;
      }
    })();
    return [
      { kind: 'content prints', path: resultCachePath(this.project, 'prints', this.content) },
      { kind: 'checker results', path: resultCachePath(this.project, 'check', this.content) },
      { kind: 'text facts', path: resultCachePath(this.project, 'texts', this.content) },
      { kind: 'reading view', path: first(join(search, 'views')) },
      { kind: 'kept result', path: first(keptResultsDir(this.project, this.out), (name) => name.endsWith('.v8')) },
      { kind: 'formatted citations', path: first(join(search, FORMATTED_CITATIONS)) },
      { kind: 'index part postings', path: part && join(part, 'postings.bin') },
      { kind: 'index part fragment', path: part && join(part, 'f', '0.json') },
      { kind: 'published search fragment', path: published && join(published, 'f', '0.bin') },
      { kind: 'index part page lengths', path: part && join(part, 'lengths.bin') },
      { kind: 'index part digest', path: part && join(part, 'digest.txt') },
      { kind: 'joined index bucket', path: joinedFolder && first(join(joinedFolder, 'b')) },
      { kind: 'joined index manifest', path: join(joined, 'index', 'index.json') },
      { kind: 'joined index sums', path: join(joined, 'sums.json') },
      { kind: 'joined index file hashes', path: join(joined, 'files.json') },
      { kind: 'published search bucket', path: published && first(join(published, 'b')) },
      { kind: 'trends index part', path: trendsPart },
      { kind: 'kept trends bucket', path: trendsFolder && first(join(trendsFolder, 'c')) },
      { kind: 'kept trends record', path: join(trendsKept, 'record.json') },
      { kind: 'published trends bucket', path: trendsPublished && first(join(trendsPublished, 'p')) },
      { kind: 'build record', path: join(this.out, RECORD) },
      { kind: 'compile cache', path: compile },
    ];
  }

  private state: 'original' | 'edited' = 'original';

  /**
   * Damages one kind of kept file, then builds the other state of the edited document and judges
   * the result. Scenarios follow one another without a reset, so the output folder's files are
   * hard links to the cache's as after any build (what a tool editing the site damages too); the
   * first builds the edit so that there is a last build to keep things from.
   */
  async damage(kind: string, damage: Damage): Promise<FaultResult> {
    const fault = `${kind} ${damage}`;
    if (!this.warm) {
      this.reset();
      this.setText((this.state = 'edited'));
      const warm = await this.build();
      if (warm.status !== 0) throw new Error(`build failed:\n${warm.log}`);
      this.warm = true;
    }
    const path = this.cacheFiles().find((file) => file.kind === kind)?.path;
    if (!path || !existsSync(path)) return { fault, reached: false, divergences: [] };
    damageFile(path, damage);
    this.setText((this.state = this.state === 'edited' ? 'original' : 'edited'));
    const next = await this.build();
    const divergences = this.judge(this.state, next, path);
    if (next.status !== 0 || divergences.length > 0) {
      // Start the next scenario from a sound build.
      const full = await this.build(['--full']);
      if (full.status !== 0) throw new Error(`--full failed after ${fault}:\n${full.log}`);
    }
    return { fault, reached: true, divergences };
  }

  private warm = false;

  /** Starts a second build into the same folder while the first renders; judges both. */
  async concurrent(): Promise<FaultResult> {
    this.reset();
    this.setText('edited');
    let second: BuildOutcome | undefined;
    const first = await this.build([], {
      during: {
        at: /^phase: render/,
        run: async () => {
          second = await this.build();
        },
      },
    });
    const divergences = this.judge('edited', first);
    if (!second) divergences.push('the second build did not run');
    else if (second.status === 0) divergences.push('the second build was not refused');
    else if (!/another build \(process \d+\) is writing/.test(second.log)) {
      divergences.push(`the second build failed without saying why:\n${second.log.slice(-1000)}`);
    }
    return { fault: 'two builds into the same folder', reached: true, divergences };
  }
}

/** The points where the audit stops a build: every phase it reports, and after it renders pages. */
export const STOP_POINTS: RegExp[] = [
  ...PHASES.map((phase) => new RegExp(`^phase: ${phase}\\b`)),
  /^rendered \d+ pages again/,
];

export { DAMAGES };
