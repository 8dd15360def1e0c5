/** `zhijian inspect`: the terminal inspector (Ink), reviewing a scored batch into the review store. */
import { userInfo } from 'node:os';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '@zhijian/core';
import { renderHelp } from '../help.js';
import type { Strings } from '../i18n/index.js';
import { checkInputs, STDIN } from '../io/inputs.js';
import { loadRegistry, pluginOption } from '../io/plugins.js';
import { loadPack, readPackJson } from '../score/load-pack.js';
import { STRATEGIES, type Strategy } from '../inspect/sample.js';
import { EXIT, UsageError, type Command, type CommandContext, type ParsedArgs } from './command.js';

/** Relative to the working directory (the store's default). */
export const DEFAULT_DB = '.zhijian/reviews.db';

interface InspectOptions {
  files: string[];
  pack: string;
  db: string;
  inspector: string | undefined;
  sample: number | undefined;
  strategy: Strategy;
  seed: string;
  timeZone: string;
  plugins: unknown;
}

export const inspect: Command = {
  name: 'inspect',
  options: {
    pack: { type: 'string', short: 'p' },
    db: { type: 'string' },
    inspector: { type: 'string' },
    sample: { type: 'string' },
    strategy: { type: 'string' },
    seed: { type: 'string' },
    tz: { type: 'string' },
    ...pluginOption,
  },
  positionals: true,
  summary: (t) => t.inspect.summary,
  usage: (t) => t.inspect.usage,
  help: (t) =>
    renderHelp(
      {
        usage: t.inspect.usage,
        description: t.inspect.description,
        rows: [...t.inspect.options, ...t.pluginOptions, ...t.commonOptions],
        exitCodes: t.inspect.exitCodes,
        examples: t.inspect.examples,
      },
      t,
    ),
  run: (args, ctx) => runInspect(parseOptions(args, ctx.t), ctx),
};

function parseOptions({ values, positionals }: ParsedArgs, t: Strings): InspectOptions {
  const str = (name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  if (positionals.length === 0) throw new UsageError(t.missingInputs);
  if (positionals.includes(STDIN)) throw new UsageError(t.inspect.noStdin);
  const pack = str('pack');
  if (pack === undefined) throw new UsageError(t.missingPack);
  const sampleText = str('sample');
  const sample = sampleText === undefined ? undefined : Number(sampleText);
  if (sample !== undefined && (!/^\d+$/.test(sampleText!.trim()) || sample < 1)) throw new UsageError(t.invalidNumber('--sample', sampleText!));
  const strategy = str('strategy') ?? 'random';
  if (!(STRATEGIES as readonly string[]).includes(strategy)) throw new UsageError(t.invalidChoice('--strategy', strategy, STRATEGIES.join(', ')));
  const timeZone = str('tz') ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) throw new UsageError(t.invalidTimeZone(timeZone));
  return {
    files: positionals,
    pack,
    db: str('db') ?? DEFAULT_DB,
    inspector: str('inspector'),
    sample,
    strategy: strategy as Strategy,
    seed: str('seed') ?? '0',
    timeZone,
    plugins: values.plugin,
  };
}

function defaultInspector(env: NodeJS.ProcessEnv): string {
  if (env.ZHIJIAN_INSPECTOR) return env.ZHIJIAN_INSPECTOR;
  try {
    return userInfo().username || 'inspector';
  } catch {
    return 'inspector';
  }
}

async function runInspect(o: InspectOptions, ctx: CommandContext): Promise<number> {
  const { t } = ctx;
  const stdin = ctx.openStdin() as NodeJS.ReadStream;
  const stdout = ctx.stdout as NodeJS.WriteStream;
  if (stdin.isTTY !== true || stdout.isTTY !== true) {
    ctx.stderr.write(`${t.inspect.noTty}\n`);
    return EXIT.usage;
  }
  const registry = await loadRegistry(o.plugins, process.cwd(), t);
  const pack = loadPack(o.pack, false, t, registry);
  const packJson = readPackJson(o.pack, t);
  const inputs = checkInputs(o.files, t);
  const inspector = o.inspector ?? defaultInspector(ctx.env);
  // Ink, React and SQLite load only here; React's production build (its development build checks
  // every render and is several times slower).
  process.env.NODE_ENV ??= 'production';
  const { runInspector } = await import('../inspect/run.js');
  return runInspector({
    inputs,
    pack,
    packJson,
    db: o.db,
    inspector,
    sample: o.sample,
    strategy: o.strategy,
    seed: o.seed,
    timeZone: o.timeZone,
    lang: ctx.lang,
    t,
    stdin,
    stdout,
    stderr: ctx.stderr as NodeJS.WriteStream,
    openStdin: ctx.openStdin,
  });
}
