/** `zhijian schema pack|conversation`: prints a JSON Schema. */
import { buildPackSchema, conversationSchema, type RuleTypeRegistry } from '@zhijian/core';
import { loadRegistry, pluginOption } from '../io/plugins.js';
import { renderHelp } from '../help.js';
import { EXIT, UsageError, type Command } from './command.js';

const TARGETS = new Map<string, (registry: RuleTypeRegistry) => unknown>([
  ['pack', (registry) => buildPackSchema(registry)],
  ['conversation', () => conversationSchema],
]);

export const schema: Command = {
  name: 'schema',
  options: { ...pluginOption },
  positionals: true,
  summary: (t) => t.schemaSummary,
  usage: (t) => t.schemaUsage,
  help: (t) => renderHelp({ usage: t.schemaUsage, description: t.schemaDescription, rows: [...t.pluginOptions, ...t.commonOptions] }, t),
  async run({ positionals, values }, { t, stdout }) {
    const [target, extra] = positionals;
    if (extra !== undefined) throw new UsageError(t.unexpectedArgument(extra));
    const build = target === undefined ? undefined : TARGETS.get(target);
    if (!build) throw new UsageError(target === undefined ? t.schemaTarget : t.invalidChoice('schema', target, [...TARGETS.keys()].join(', ')));
    stdout.write(`${JSON.stringify(build(await loadRegistry(values.plugin, process.cwd(), t)), null, 2)}\n`);
    return EXIT.ok;
  },
};
