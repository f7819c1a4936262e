import { parseArgs, type ParseArgsConfig } from 'node:util';

type HelpOption = { help: { type: 'boolean'; short: 'h' } };
type WithHelp<T extends ParseArgsConfig> = T & { options: NonNullable<T['options']> & HelpOption };

/**
 * A command's arguments read against its options, with `--help` (`-h`) added: help prints the usage, and an unknown
 * option or a missing value prints what was wrong and the usage, never a stack trace. Either way it returns null with
 * `process.exitCode` set (0 for help, 2 for a mistake), and the command does nothing.
 */
export function readArgs<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<WithHelp<T>>> | null {
  const withHelp = { ...config, options: { ...config.options, help: { type: 'boolean', short: 'h' } } } as WithHelp<T>;
  let parsed: ReturnType<typeof parseArgs<WithHelp<T>>>;
  try {
    parsed = parseArgs(withHelp);
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exitCode = 2;
    return null;
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    process.exitCode = 0;
    return null;
  }
  return parsed;
}
