import { closest, distance } from 'fastest-levenshtein';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Prints `message` and the usage line to stderr and exits with 1. */
export function failWithUsage(usage: string, message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(1);
}

/** "did you mean --full?" for an unknown option a typo away from a declared one, else nothing. */
export function suggestOption(message: string, declared: readonly string[]): string | undefined {
  const unknown = /^Unknown option '--([^'=]+)/.exec(message)?.[1];
  if (unknown === undefined || declared.length === 0) return undefined;
  const nearest = closest(unknown, [...declared]);
  return distance(unknown, nearest) <= Math.max(1, Math.floor(nearest.length / 3)) ? `--${nearest}` : undefined;
}

/** The command line's options as `config` declares them; an unknown or malformed one stops with the usage line. */
export function readCommandLine<const T extends ParseArgsConfig>(
  usage: string,
  config: T,
): ReturnType<typeof parseArgs<T>>['values'] {
  try {
    return parseArgs(config).values;
  } catch (error) {
    const message = (error as Error).message;
    const suggestion = suggestOption(message, Object.keys(config.options ?? {}));
    return failWithUsage(usage, suggestion ? `${message}: did you mean ${suggestion}?` : message);
  }
}
