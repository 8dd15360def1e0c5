/**
 * `zhijian pack lint <pack...>`: every problem with its JSON pointer (exit 2 on errors).
 * `zhijian pack test <pack...>`: runs the examples packs carry (exit 1 when one fails).
 */
import { compilePack, lintPack, PackError, runPackExamples, type LintResult } from '@zhijian/core';
import { renderHelp } from '../help.js';
import { loadRegistry, pluginOption } from '../io/plugins.js';
import { formatPackProblems, readPackJson } from '../score/load-pack.js';
import { EXIT, UsageError, UserError, type Command, type CommandContext } from './command.js';

const ACTIONS = ['lint', 'test'] as const;

export const pack: Command = {
  name: 'pack',
  options: { ...pluginOption },
  positionals: true,
  summary: (t) => t.packSummary,
  usage: (t) => t.packUsage,
  help: (t) => renderHelp({ usage: t.packUsage, description: t.packDescription, rows: [...t.pluginOptions, ...t.commonOptions], exitCodes: t.packExitCodes, examples: t.packExamples }, t),
  async run({ positionals, values }, ctx) {
    const [action, ...files] = positionals;
    if (action === undefined || !(ACTIONS as readonly string[]).includes(action)) {
      throw new UsageError(action === undefined ? ctx.t.packAction : ctx.t.invalidChoice('pack', action, ACTIONS.join(', ')));
    }
    if (files.length === 0) throw new UsageError(ctx.t.missingPacks);
    const registry = await loadRegistry(values.plugin, process.cwd(), ctx.t);
    return action === 'lint' ? lint(files, registry, ctx) : test(files, registry, ctx);
  },
};

type Registry = Awaited<ReturnType<typeof loadRegistry>>;

function lint(files: string[], registry: Registry, ctx: CommandContext): number {
  const { t, stdout } = ctx;
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    let result: LintResult;
    try {
      result = lintPack(readPackJson(file, t), { registry, lang: ctx.lang });
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      stdout.write(`${err.message}\n`);
      errors++;
      continue;
    }
    const e = result.problems.filter((p) => p.severity === 'error').length;
    errors += e;
    warnings += result.problems.length - e;
    if (result.problems.length > 0) stdout.write(`${formatPackProblems(file, result.problems, t, true)}\n`);
    stdout.write(`${t.lintFileSummary(file, e, result.problems.length - e, result.allowed.length)}\n`);
  }
  stdout.write(`${t.lintSummary(files.length, errors, warnings)}\n`);
  return errors > 0 ? EXIT.usage : EXIT.ok;
}

function test(files: string[], registry: Registry, ctx: CommandContext): number {
  const { t, stdout } = ctx;
  let failed = 0;
  let passed = 0;
  let invalid = 0;
  for (const file of files) {
    let compiled;
    try {
      compiled = compilePack(readPackJson(file, t), { registry, source: file, lang: ctx.lang });
    } catch (err) {
      if (err instanceof PackError) stdout.write(`${formatPackProblems(file, err.problems, t)}\n`);
      else if (err instanceof UserError) stdout.write(`${err.message}\n`);
      else throw err;
      invalid++;
      continue;
    }
    const outcomes = runPackExamples(compiled, { lang: ctx.lang });
    for (const o of outcomes.filter((x) => !x.passed)) {
      const what = o.description ? ` (${o.description})` : '';
      stdout.write(`${file}: ${o.pointer}: ${t.exampleFailed(o.ruleId, o.index, o.expect, what, o.problem ?? '')}\n`);
    }
    const f = outcomes.filter((x) => !x.passed).length;
    failed += f;
    passed += outcomes.length - f;
    const rules = new Set(outcomes.map((o) => o.ruleId)).size;
    stdout.write(`${t.packTestFileSummary(file, outcomes.length - f, f, rules)}\n`);
  }
  stdout.write(`${t.packTestSummary(passed, failed)}\n`);
  if (invalid > 0) return EXIT.usage;
  return failed > 0 ? EXIT.failUnder : EXIT.ok;
}
