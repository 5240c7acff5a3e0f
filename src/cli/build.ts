// `npm run build [-- --content PATH] [--out DIR] [--full] [--timings FILE]`: check the content,
// build the site, index it (src/build/run.ts). Settings come from the command line and the
// ARCHIVE_* environment variables, parsed once (src/schema/settings.ts): an unknown flag or
// setting stops the build with a suggestion rather than being ignored.
import { existsSync } from 'node:fs';
import { LockRefused } from '../build/lock.ts';
import { runBuild } from '../build/run.ts';
import { BUILD_USAGE, parseBuildSettings } from '../schema/settings.ts';

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
} catch (error) {
  if (!(error instanceof LockRefused)) throw error;
  console.error(`build refused: ${error.message}`);
  process.exitCode = 1;
}
