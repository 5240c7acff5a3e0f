import { resolve } from 'node:path';

/**
 * The content directory every command reads: `--content PATH` on the command line wins, then
 * the ARCHIVE_CONTENT environment variable, then `content/` in the working directory.
 */
export function resolveContentDir(argv: readonly string[] = [], env: NodeJS.ProcessEnv = process.env): string {
  const flag = argv.indexOf('--content');
  const fromFlag = flag >= 0 ? argv[flag + 1] : argv.find((arg) => arg.startsWith('--content='))?.slice(10);
  return resolve(fromFlag ?? env.ARCHIVE_CONTENT ?? 'content');
}
