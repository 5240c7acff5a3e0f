// The build's settings, parsed once: its command line and the ARCHIVE_* environment variables.
// Every setting that can change what a build writes lives in `siteSettingsSchema`, which is
// strict: an ARCHIVE_* variable it does not know stops the build with a suggestion instead of
// being ignored. The build's cache key digests the whole parsed object (src/build/key.ts), so a
// setting added here invalidates the caches without anyone keeping a list.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';

/** The environment's settings that change the site (all of them go into the build's cache key). */
export const siteSettingsSchema = z
  .object({
    ARCHIVE_SITE_URL: z.url({ message: 'must be an absolute URL such as https://example.org' }).optional(),
    ARCHIVE_BASE: z.string().optional(),
    ARCHIVE_REPO_URL: z.string().optional(),
    ARCHIVE_REPO_BRANCH: z.string().optional(),
    ARCHIVE_DRAFTS: z.enum(['0', '1', ''], { message: 'must be 1 (publish drafts) or 0' }).optional(),
    ARCHIVE_INDEX_PART_CHARS: z
      .string()
      .regex(/^[1-9][0-9]*$/, { message: 'must be a whole number of characters, at least 1' })
      .optional(),
  })
  .strict();

export type SiteSettings = z.output<typeof siteSettingsSchema>;

/** Environment variables read elsewhere that do not change the built site's bytes. */
const OTHER_VARIABLES = ['ARCHIVE_CONTENT'] as const;

/** What `npm run build` was asked to do. */
export interface BuildSettings {
  content: string;
  out: string;
  full: boolean;
  /** --timings FILE: the phases' times as JSON (for `npm run bench`). */
  timings?: string;
  site: SiteSettings;
}

export const BUILD_USAGE = 'usage: npm run build [-- --content PATH] [--out DIR] [--full] [--timings FILE]';

const BUILD_OPTIONS = {
  content: { type: 'string' },
  out: { type: 'string' },
  full: { type: 'boolean' },
  timings: { type: 'string' },
} as const;

const commandLineSchema = z
  .object({
    content: z.string().min(1, { message: 'needs a folder' }).optional(),
    out: z.string().min(1, { message: 'needs a folder' }).optional(),
    full: z.boolean().optional(),
    timings: z.string().min(1, { message: 'needs a file' }).optional(),
  })
  .strict();

/** A likely intended name for a mistyped one, if one is close. */
function likely(input: string, names: readonly string[]): string | undefined {
  if (names.length === 0) return undefined;
  const best = closest(input, [...names]);
  return distance(input, best) <= Math.max(2, Math.floor(input.length / 3)) ? best : undefined;
}

/** The option named in one of parseArgs's messages ("Unknown option '--ful'"). */
function unknownOption(message: string): string | undefined {
  return /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
}

/**
 * Parses the build's command line and environment; returns the settings, or every problem
 * found, each naming the flag or variable and what to do.
 */
export function parseBuildSettings(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string = process.cwd(),
): { settings: BuildSettings } | { problems: string[] } {
  const problems: string[] = [];
  let values: Record<string, string | boolean | undefined> = {};
  try {
    values = parseArgs({ args: [...argv], options: BUILD_OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const message = (error as Error).message;
    const option = unknownOption(message);
    if (option) {
      const hint = likely(option.replace(/^-+/, '').split('=')[0]!, Object.keys(BUILD_OPTIONS));
      problems.push(`unknown option ${option}${hint ? `; did you mean --${hint}?` : ''}`);
    } else problems.push(message.split('\n')[0]!.replace(/\. To specify.*$/, ''));
  }
  const line = commandLineSchema.safeParse(values);
  if (!line.success) for (const issue of line.error.issues) problems.push(`--${issue.path.join('.')} ${issue.message}`);

  const known = new Set<string>([...Object.keys(siteSettingsSchema.shape), ...OTHER_VARIABLES]);
  const archive = Object.fromEntries(
    Object.entries(env).filter(([name, value]) => name.startsWith('ARCHIVE_') && value !== undefined),
  );
  for (const name of Object.keys(archive).sort()) {
    if (known.has(name)) continue;
    const hint = likely(name, [...known]);
    problems.push(
      `unknown setting ${name} in the environment${hint ? `; did you mean ${hint}?` : ''} (unset it, or add it to src/schema/settings.ts)`,
    );
    delete archive[name];
  }
  for (const name of OTHER_VARIABLES) delete archive[name];
  const site = siteSettingsSchema.safeParse(archive);
  if (!site.success) {
    for (const issue of site.error.issues) {
      const name = String(issue.path[0]);
      problems.push(`${name}=${JSON.stringify(env[name])} ${issue.message}`);
    }
  }
  if (problems.length > 0 || !line.success || !site.success) return { problems };
  const content = line.data.content ?? env.ARCHIVE_CONTENT ?? 'content';
  return {
    settings: {
      content: resolve(cwd, content),
      out: resolve(cwd, line.data.out ?? 'dist'),
      full: line.data.full ?? false,
      timings: line.data.timings,
      site: site.data,
    },
  };
}
