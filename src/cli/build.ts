// `npm run build [-- --content PATH] [--out DIR] [--full] [--timings FILE]`: check the content,
// build the site, index it (src/build/run.ts). Settings come from the command line and the
// ARCHIVE_* environment variables, parsed once (src/schema/settings.ts): an unknown flag or
// setting stops the build with a suggestion rather than being ignored.
import { existsSync } from 'node:fs';
import { LockRefused } from '../build/lock.ts';
import { runBuild } from '../build/run.ts';
import { BUILD_USAGE, parseBuildSettings } from '../schema/settings.ts';
import { applyCommittedSite, warnIfNoSite } from './site-address.ts';

// The committed site address (package.json's homepage) becomes ARCHIVE_SITE_URL and ARCHIVE_BASE
// unless the environment sets them, before the settings are read: it is part of the build key.
applyCommittedSite(process.cwd());
const parsed = parseBuildSettings(process.argv.slice(2), process.env);
if ('problems' in parsed) {
  for (const problem of parsed.problems) console.error(`build: ${problem}`);
  console.error(BUILD_USAGE);
  process.exit(2);
}
const { settings } = parsed;
if (!existsSync(settings.content)) {
  console.error(`content directory not found: ${settings.content} (set ARCHIVE_CONTENT or pass --content PATH)`);
  process.exit(1);
}
try {
  process.exitCode = await runBuild(settings, process.cwd());
  if (process.exitCode === 0) warnIfNoSite();
} catch (error) {
  if (!(error instanceof LockRefused)) throw error;
  console.error(`build refused: ${error.message}`);
  process.exitCode = 1;
}
