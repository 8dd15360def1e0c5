/** What every command is: a name, its help, its options (node:util parseArgs) and run(). */
import type { ParseArgsConfig } from 'node:util';
import type { Lang } from '@zhijian/core';
import type { Strings } from '../i18n/index.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | Array<string | boolean> | undefined>;
  positionals: string[];
}

export interface Io {
  /** Standard input, opened only by a command that reads it. */
  openStdin(): NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export interface CommandContext extends Io {
  lang: Lang;
  t: Strings;
}

export interface Command {
  name: string;
  /** One line for the program's command list. */
  summary(t: Strings): string;
  /** The usage line (shown after a usage error). */
  usage(t: Strings): string;
  /** The full `--help` text. */
  help(t: Strings): string;
  /** Options besides --help and --lang, which every command accepts. */
  options: OptionSpec;
  /** Whether the command takes positional arguments. */
  positionals: boolean;
  /** Resolves to the exit code. Throws UsageError / UserError for the user's mistakes. */
  run(args: ParsedArgs, ctx: CommandContext): Promise<number>;
}

export const EXIT = { ok: 0, failUnder: 1, usage: 2, internal: 70 } as const;

/** A mistake in the command line: printed with a pointer to the help, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A problem with the user's files (unreadable, invalid pack): printed as is, exit 2. */
export class UserError extends Error {
  override name = 'UserError';
}
