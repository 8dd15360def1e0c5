/** `zhijian score`: stream conversations through the pack, write each result as soon as it is ready. */
import { DEFAULT_TIME_ZONE, isValidTimeZone, scoreConversation, type CompiledPack, type Lang } from '@zhijian/core';
import { FORMATS } from '../format/index.js';
import type { Formatter } from '../format/index.js';
import { renderHelp } from '../help.js';
import type { Strings } from '../i18n/index.js';
import { checkInputs, errnoReason, STDIN, type Input } from '../io/inputs.js';
import { Output } from '../io/output.js';
import { formatProblem } from '../io/problems.js';
import { Progress } from '../io/progress.js';
import { readConversations } from '../io/read-conversations.js';
import { loadPack } from '../score/load-pack.js';
import { loadRegistry, pluginOption } from '../io/plugins.js';
import { Tally } from '../score/tally.js';
import { EXIT, UsageError, type Command, type CommandContext, type ParsedArgs } from './command.js';

interface ScoreOptions {
  files: string[];
  pack: string;
  format: string;
  timeZone: string;
  strict: boolean;
  failUnder: number | undefined;
  naive: boolean;
  stats: boolean;
  plugins: unknown;
}

export const score: Command = {
  name: 'score',
  options: {
    pack: { type: 'string', short: 'p' },
    format: { type: 'string', short: 'f' },
    tz: { type: 'string' },
    strict: { type: 'boolean' },
    'fail-under': { type: 'string' },
    // Hidden, for the benchmark: the naive matcher baseline and a line of run statistics.
    naive: { type: 'boolean' },
    stats: { type: 'boolean' },
    ...pluginOption,
  },
  positionals: true,
  summary: (t) => t.scoreSummary,
  usage: (t) => t.scoreUsage,
  help: (t) =>
    renderHelp(
      {
        usage: t.scoreUsage,
        description: t.scoreDescription,
        rows: [...t.scoreOptions, ...t.pluginOptions, ...t.commonOptions],
        exitCodes: t.scoreExitCodes,
        examples: t.scoreExamples,
      },
      t,
    ),
  run: (args, ctx) => runScore(parseOptions(args, ctx.t), ctx),
};

function parseOptions({ values, positionals }: ParsedArgs, t: Strings): ScoreOptions {
  const str = (name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  if (positionals.length === 0) throw new UsageError(t.missingInputs);
  if (positionals.filter((p) => p === STDIN).length > 1) throw new UsageError(t.stdinTwice);
  const pack = str('pack');
  if (pack === undefined) throw new UsageError(t.missingPack);
  const format = str('format') ?? 'table';
  if (!FORMATS.has(format)) throw new UsageError(t.invalidChoice('--format', format, [...FORMATS.keys()].join(', ')));
  const timeZone = str('tz') ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) throw new UsageError(t.invalidTimeZone(timeZone));
  const failUnderText = str('fail-under');
  const failUnder = failUnderText === undefined ? undefined : Number(failUnderText);
  if (failUnder !== undefined && (failUnderText!.trim() === '' || !Number.isFinite(failUnder))) {
    throw new UsageError(t.invalidNumber('--fail-under', failUnderText!));
  }
  return { files: positionals, pack, format, timeZone, strict: values.strict === true, failUnder, naive: values.naive === true, stats: values.stats === true, plugins: values.plugin };
}

async function runScore(o: ScoreOptions, ctx: CommandContext): Promise<number> {
  const { t, lang, stderr } = ctx;
  const started = performance.now();
  const registry = await loadRegistry(o.plugins, process.cwd(), t);
  const pack = loadPack(o.pack, o.naive, t, registry, lang);
  const inputs = checkInputs(o.files, t);
  const out = new Output(ctx.stdout);
  const formatter = FORMATS.get(o.format)!({ t, pack });
  const tally = new Tally(pack, o.failUnder);
  const progress = new Progress(stderr, t);
  const warn = (line: string): void => {
    progress.clear();
    stderr.write(`${line}\n`);
  };

  out.write(formatter.header());
  let problems = 0;
  let unreadable = 0;
  for (const input of inputs) {
    const read = await scoreInput(input, { pack, formatter, out, tally, lang, timeZone: o.timeZone, ctx, progress, warn });
    problems += read.problems;
    if (!read.ok) unreadable++;
  }
  out.write(formatter.footer(tally));
  await out.flush();
  progress.clear();

  if (problems > 0) stderr.write(`${t.problemsSummary(problems)}\n`);
  if (o.stats) stderr.write(`${JSON.stringify(stats(tally, started))}\n`);
  if (unreadable > 0) return EXIT.usage;
  if (tally.conversations === 0) {
    stderr.write(`${t.nothingRead}\n`);
    return EXIT.usage;
  }
  if (o.strict && problems > 0) {
    stderr.write(`${t.strictFailed}\n`);
    return EXIT.usage;
  }
  if (tally.belowThreshold > 0) {
    stderr.write(`${t.failUnder(tally.belowThreshold, o.failUnder!)}\n`);
    return EXIT.failUnder;
  }
  return EXIT.ok;
}

interface InputRun {
  pack: CompiledPack;
  formatter: Formatter;
  out: Output;
  tally: Tally;
  lang: Lang;
  timeZone: string;
  ctx: CommandContext;
  progress: Progress;
  warn(line: string): void;
}

/** Scores one input; a read error mid-way is reported and ends this input only. */
async function scoreInput(input: Input, run: InputRun): Promise<{ ok: boolean; problems: number }> {
  const { pack, formatter, out, tally, lang, timeZone, ctx, progress, warn } = run;
  let problems = 0;
  try {
    const batches = readConversations(input, {
      timeZone,
      lang,
      openStdin: ctx.openStdin,
      onNotUtf8: () => warn(ctx.t.notUtf8(input.name)),
    });
    for await (const batch of batches) {
      for (const p of batch.problems) warn(formatProblem(input.name, p, lang));
      problems += batch.problems.length;
      for (const conversation of batch.conversations) {
        const result = scoreConversation(pack, conversation, { timeZone, lang });
        tally.add(result, conversation.messages.length);
        out.write(formatter.result(result));
        await out.flushIfFull();
      }
      await out.flush();
      progress.update(tally.conversations);
    }
    return { ok: true, problems };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === undefined) throw err;
    warn(ctx.t.fileUnreadable(input.name, errnoReason(err, ctx.t)));
    return { ok: false, problems };
  }
}

function stats(tally: Tally, started: number) {
  const seconds = (performance.now() - started) / 1000;
  return {
    conversations: tally.conversations,
    messages: tally.messages,
    seconds: Math.round(seconds * 1000) / 1000,
    conversationsPerSecond: Math.round(tally.conversations / seconds),
    // resourceUsage().maxRSS is in kilobytes.
    maxRssMB: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10,
  };
}
