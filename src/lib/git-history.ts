/** When a file was first added and last changed, according to Git. */
export interface FileHistory {
  /** ISO date of the oldest commit touching the file (in the history available). */
  added: string;
  /** ISO date of the newest commit touching the file. */
  updated: string;
}

/** The arguments of the one `git log` call a build makes for the whole content tree. */
export const GIT_LOG_ARGS = ['log', '--format=%x00%cI', '--name-only', '--no-renames', '--relative', '--', '.'];

/**
 * Reads the output of `git log --format=%x00%cI --name-only` (newest commit first) into the
 * history of each file, paths relative to where git ran. A shallow clone gives the dates of the
 * history it has; the oldest commit it has stands for "added".
 */
export function parseGitLog(output: string): Map<string, FileHistory> {
  const history = new Map<string, FileHistory>();
  for (const commit of output.split('\0').slice(1)) {
    const [date = '', ...files] = commit.split('\n').filter((line) => line.trim() !== '');
    for (const file of files) {
      const known = history.get(file);
      if (known) known.added = date;
      else history.set(file, { added: date, updated: date });
    }
  }
  return history;
}
