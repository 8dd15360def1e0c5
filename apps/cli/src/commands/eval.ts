/**
 * `zhijian eval`: runs a pack on labelled conversations and prints, per rule, TP / FP / FN,
 * precision, recall and F1, the totals, and every disagreement with its evidence; `--sweep` shows
 * one rule's precision and recall over a range of thresholds, so a QA manager can choose one.
 */
import { DEFAULT_TIME_ZONE, compilePack, isValidTimeZone, PackError, type Conversation, type PackDef } from '@zhijian/core';
import { renderHelp } from '../help.js';
import type { Strings } from '../i18n/index.js';
import { checkInputs, errnoReason, STDIN } from '../io/inputs.js';
import { loadRegistry, pluginOption } from '../io/plugins.js';
import { formatProblem } from '../io/problems.js';
import { readConversations } from '../io/read-conversations.js';
import { formatPackProblems, readPackJson } from '../score/load-pack.js';
import { readLabels } from '../eval/labels.js';
import { renderJson, renderTable, type EvalReport } from '../eval/render.js';
import { evaluateLabelled, sweepThreshold, thresholdRange } from '../eval/run-eval.js';
import { EXIT, UsageError, UserError, type Command, type CommandContext, type ParsedArgs } from './command.js';

interface EvalOptions {
  files: string[];
  pack: string;
  labels: string;
  format: 'table' | 'json';
  sweep: string | undefined;
  range: [number, number, number];
  rules: string[] | undefined;
  ignore: string[];
  disable: string[];
  timeZone: string;
  plugins: unknown;
}

export const evaluate: Command = {
  name: 'eval',
  options: {
    pack: { type: 'string', short: 'p' },
    labels: { type: 'string', short: 'l' },
    format: { type: 'string', short: 'f' },
    sweep: { type: 'string' },
    range: { type: 'string' },
    rules: { type: 'string' },
    ignore: { type: 'string' },
    disable: { type: 'string' },
    tz: { type: 'string' },
    ...pluginOption,
  },
  positionals: true,
  summary: (t) => t.evaluation.summary,
  usage: (t) => t.evaluation.usage,
  help: (t) =>
    renderHelp(
      {
        usage: t.evaluation.usage,
        description: t.evaluation.description,
        rows: [...t.evaluation.options, ...t.pluginOptions, ...t.commonOptions],
        exitCodes: t.evaluation.exitCodes,
        examples: t.evaluation.examples,
      },
      t,
    ),
  run: (args, ctx) => runEval(parseOptions(args, ctx.t), ctx),
};

const list = (s: string | undefined): string[] | undefined =>
  s === undefined ? undefined : s.split(',').map((x) => x.trim()).filter((x) => x.length > 0);

function parseOptions({ values, positionals }: ParsedArgs, t: Strings): EvalOptions {
  const str = (name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  if (positionals.length === 0) throw new UsageError(t.missingInputs);
  if (positionals.filter((p) => p === STDIN).length > 1) throw new UsageError(t.stdinTwice);
  const pack = str('pack');
  if (pack === undefined) throw new UsageError(t.missingPack);
  const labels = str('labels');
  if (labels === undefined) throw new UsageError(t.evaluation.missingLabels);
  const format = str('format') ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(t.invalidChoice('--format', format, 'table, json'));
  const timeZone = str('tz') ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) throw new UsageError(t.invalidTimeZone(timeZone));
  const rangeText = str('range') ?? '0.05:0.95:0.05';
  const range = rangeText.split(':').map(Number);
  if (range.length !== 3 || range.some((x) => !Number.isFinite(x)) || range[2]! <= 0 || range[0]! > range[1]! || range[0]! < 0 || range[1]! > 1) {
    throw new UsageError(t.evaluation.badRange(rangeText));
  }
  if (str('range') !== undefined && str('sweep') === undefined) throw new UsageError(t.evaluation.rangeWithoutSweep);
  return {
    files: positionals,
    pack,
    labels,
    format,
    sweep: str('sweep'),
    range: range as [number, number, number],
    rules: list(str('rules')),
    ignore: list(str('ignore')) ?? [],
    disable: list(str('disable')) ?? [],
    timeZone,
    plugins: values.plugin,
  };
}

async function runEval(o: EvalOptions, ctx: CommandContext): Promise<number> {
  const { t, lang, stderr } = ctx;
  const e = t.evaluation;
  const registry = await loadRegistry(o.plugins, process.cwd(), t);
  const raw = readPackJson(o.pack, t) as PackDef;
  const labels = readLabels(o.labels, t);
  const inputs = checkInputs(o.files, t);

  const ruleIds = new Set((Array.isArray(raw?.rules) ? raw.rules : []).map((r) => r.id));
  for (const id of [...o.disable, ...(o.sweep ? [o.sweep] : [])]) if (!ruleIds.has(id)) throw new UsageError(e.unknownRule(id));
  if (o.sweep && o.disable.includes(o.sweep)) throw new UsageError(e.sweepDisabled(o.sweep));
  const def: PackDef = o.disable.length === 0 ? raw : { ...raw, rules: raw.rules.map((r) => (o.disable.includes(r.id) ? { ...r, enabled: false } : r)) };
  let pack;
  try {
    pack = compilePack(def, { registry, source: o.pack });
  } catch (err) {
    if (err instanceof PackError) throw new UserError(formatPackProblems(o.pack, err.problems, t));
    throw err;
  }
  let current: number | undefined;
  if (o.sweep) {
    const rule = pack.rulesById.get(o.sweep)!;
    const prop = (rule.type.meta.optionsSchema.properties as Record<string, { type?: string; default?: number }> | undefined)?.threshold;
    if (prop?.type !== 'number') throw new UsageError(e.noThreshold(o.sweep, rule.type.meta.id));
    current = (rule.def.options as { threshold?: number } | undefined)?.threshold ?? prop.default;
  }

  // The rules compared: the labeller's ($rules), else every automatic rule of the pack (those
  // disabled by --disable included: their labels all count as missed).
  let judged = o.rules ?? labels.rules ?? pack.rules.filter((r) => !r.manual && (r.def.enabled !== false || o.disable.includes(r.def.id))).map((r) => r.def.id);
  judged = judged.filter((r) => !o.ignore.includes(r));
  for (const r of judged) if (!ruleIds.has(r)) stderr.write(`${e.ruleNotInPack(r)}\n`);

  // Read the labelled conversations (the others are skipped).
  const conversations: Conversation[] = [];
  const seen = new Set<string>();
  let unlabelled = 0;
  let problems = 0;
  for (const input of inputs) {
    try {
      for await (const batch of readConversations(input, { timeZone: o.timeZone, lang, openStdin: ctx.openStdin, onNotUtf8: () => stderr.write(`${t.notUtf8(input.name)}\n`) })) {
        for (const p of batch.problems) stderr.write(`${formatProblem(input.name, p, lang)}\n`);
        problems += batch.problems.length;
        for (const c of batch.conversations) {
          if (!labels.conversations.has(c.id)) unlabelled++;
          else if (seen.has(c.id)) stderr.write(`${e.duplicate(input.name, c.id)}\n`);
          else {
            seen.add(c.id);
            conversations.push(c);
          }
        }
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === undefined) throw err;
      throw new UserError(t.fileUnreadable(input.name, errnoReason(err, t)));
    }
  }
  const missing = [...labels.conversations.keys()].filter((id) => !seen.has(id));
  if (problems > 0) stderr.write(`${t.problemsSummary(problems)}\n`);
  if (unlabelled > 0) stderr.write(`${e.unlabelled(unlabelled)}\n`);
  if (missing.length > 0) stderr.write(`${e.missing(missing.length, missing.slice(0, 3).join(', '))}\n`);
  if (conversations.length === 0) {
    stderr.write(`${e.nothingToCompare}\n`);
    return EXIT.usage;
  }

  const run = { timeZone: o.timeZone, lang };
  const report: EvalReport = {
    pack: { id: pack.def.id, version: pack.def.version },
    comparison: evaluateLabelled(pack, conversations, labels.conversations, judged, run),
    disabled: o.disable,
  };
  if (o.sweep) {
    const thresholds = thresholdRange(...o.range);
    report.sweep = { ruleId: o.sweep, rows: sweepThreshold(def, o.sweep, thresholds, current, conversations, labels.conversations, registry, run) };
  }
  ctx.stdout.write(o.format === 'json' ? renderJson(report) : renderTable(report, t));
  return EXIT.ok;
}
