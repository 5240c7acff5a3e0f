import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Prints `message` and the usage line to stderr and exits with 1. */
export function failWithUsage(usage: string, message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(1);
}

/** The command line's options as `config` declares them; an unknown or malformed one stops with the usage line. */
export function readCommandLine<const T extends ParseArgsConfig>(
  usage: string,
  config: T,
): ReturnType<typeof parseArgs<T>>['values'] {
  try {
    return parseArgs(config).values;
  } catch (error) {
    return failWithUsage(usage, (error as Error).message);
  }
}
