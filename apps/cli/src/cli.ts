/** Dispatch: global flags, `help`, then the command's own arguments. Never a stack trace for a user error. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EXIT, UsageError, UserError, type Command, type CommandContext, type Io, type OptionSpec, type ParsedArgs } from './commands/command.js';
import { editor } from './commands/editor.js';
import { evaluate } from './commands/eval.js';
import { inspect } from './commands/inspect.js';
import { pack } from './commands/pack.js';
import { report as reportCommand } from './commands/report.js';
import { schema } from './commands/schema.js';
import { score } from './commands/score.js';
import { renderHelp, twoColumns } from './help.js';
import { LANGS, langFromArgv, langFromEnv, strings, type Strings } from './i18n/index.js';

/** The commands. Adding one: a file in commands/ and one line here. */
const COMMANDS: readonly Command[] = [score, pack, schema, editor, inspect, reportCommand, evaluate];

/** Accepted by every command. */
const COMMON_OPTIONS: OptionSpec = {
  help: { type: 'boolean', short: 'h' },
  lang: { type: 'string' },
};

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const lang = langFromArgv(argv) ?? langFromEnv(io.env);
  const ctx: CommandContext = { ...io, lang, t: strings(lang) };
  let command: Command | undefined;
  try {
    const args = withoutLeadingLang(argv, ctx.t);
    const [first, ...rest] = args;
    if (first === undefined) throw new UsageError(ctx.t.noCommand);
    if (first === '--version' || first === '-v') return printVersion(ctx);
    if (first === '--help' || first === '-h') return print(ctx, programHelp(ctx.t));
    if (first === 'help') return help(rest, ctx);
    command = COMMANDS.find((c) => c.name === first);
    if (!command) throw new UsageError(first.startsWith('-') ? ctx.t.unknownOption(first) : ctx.t.unknownCommand(first));
    const parsed = parseCommandArgs(command, rest, ctx.t);
    if (parsed.values.help === true) return print(ctx, command.help(ctx.t));
    return await command.run(parsed, ctx);
  } catch (err) {
    return report(err, command, ctx);
  }
}

function report(err: unknown, command: Command | undefined, ctx: CommandContext): number {
  const { t, stderr } = ctx;
  if (err instanceof UsageError) {
    const usage = command ? `${t.usageLabel}${command.usage(t)}` : programUsage(t);
    stderr.write(`zhijian: ${err.message}\n${usage}\n${command ? t.seeHelp(command.name) : t.programFooter}\n`);
    return EXIT.usage;
  }
  if (err instanceof UserError) {
    stderr.write(`${err.message}\n`);
    return EXIT.usage;
  }
  stderr.write(`${t.internalError}\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  return EXIT.internal;
}

/** `zhijian --lang en score …` is the same as `zhijian score … --lang en`. */
function withoutLeadingLang(argv: readonly string[], t: Strings): string[] {
  const args = [...argv];
  while (args[0] === '--lang' || args[0]?.startsWith('--lang=')) {
    const value = args[0] === '--lang' ? args[1] : args[0].slice('--lang='.length);
    if (value === undefined) throw new UsageError(t.optionNeedsValue('--lang'));
    if (!(LANGS as readonly string[]).includes(value)) throw new UsageError(t.invalidChoice('--lang', value, LANGS.join(', ')));
    args.splice(0, args[0] === '--lang' ? 2 : 1);
  }
  return args;
}

function parseCommandArgs(command: Pick<Command, 'options' | 'positionals'>, args: string[], t: Strings): ParsedArgs {
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs({ args, options: { ...COMMON_OPTIONS, ...command.options }, allowPositionals: command.positionals, strict: true });
  } catch (err) {
    throw new UsageError(describeParseError(err, t));
  }
  const lang = parsed.values.lang;
  if (typeof lang === 'string' && !(LANGS as readonly string[]).includes(lang)) {
    throw new UsageError(t.invalidChoice('--lang', lang, LANGS.join(', ')));
  }
  return parsed;
}

/** node:util parseArgs errors, in the user's language. */
function describeParseError(err: unknown, t: Strings): string {
  const e = err as { code?: string; message?: string };
  const message = e.message ?? String(err);
  const quoted = /'([^' ]+)/.exec(message)?.[1] ?? '';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return t.unknownOption(quoted);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return message.includes('does not take') ? t.optionTakesNoValue(quoted) : t.optionNeedsValue(quoted);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return t.unexpectedArgument(quoted);
    default:
      return t.badArguments(message);
  }
}

/** `zhijian help [command]` (the --lang and --help flags are accepted there too). */
function help(rest: string[], ctx: CommandContext): number {
  const [name, extra] = parseCommandArgs({ options: {}, positionals: true }, rest, ctx.t).positionals;
  if (extra !== undefined) throw new UsageError(ctx.t.unexpectedArgument(extra));
  if (name === undefined) return print(ctx, programHelp(ctx.t));
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(ctx.t.unknownCommand(name));
  return print(ctx, command.help(ctx.t));
}

function commandList(t: Strings): string {
  const rows = [['help', t.helpSummary] as [string, string], ...COMMANDS.map((c): [string, string] => [c.name, c.summary(t)])];
  return `${t.commandsLabel}\n${twoColumns(rows)}`;
}

function programUsage(t: Strings): string {
  return `${t.usageLabel}${t.programUsage}\n\n${commandList(t)}`;
}

function programHelp(t: Strings): string {
  return renderHelp(
    {
      usage: t.programUsage,
      description: `${t.programSummary}\n\n${commandList(t)}`,
      rows: [...t.programOptions, ...t.commonOptions],
      footer: t.programFooter,
    },
    t,
  );
}

function print(ctx: CommandContext, text: string): number {
  ctx.stdout.write(text);
  return EXIT.ok;
}

function printVersion(ctx: CommandContext): number {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return print(ctx, `${pkg.version}\n`);
}
