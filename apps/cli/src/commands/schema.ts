/** `zhijian schema pack|conversation`: prints a JSON Schema. */
import { buildPackSchema, conversationSchema, defaultRegistry } from '@zhijian/core';
import { renderHelp } from '../help.js';
import { EXIT, UsageError, type Command } from './command.js';

const TARGETS = new Map<string, () => unknown>([
  ['pack', () => buildPackSchema(defaultRegistry)],
  ['conversation', () => conversationSchema],
]);

export const schema: Command = {
  name: 'schema',
  options: {},
  positionals: true,
  summary: (t) => t.schemaSummary,
  usage: (t) => t.schemaUsage,
  help: (t) => renderHelp({ usage: t.schemaUsage, description: t.schemaDescription, rows: t.commonOptions }, t),
  async run({ positionals }, { t, stdout }) {
    const [target, extra] = positionals;
    if (extra !== undefined) throw new UsageError(t.unexpectedArgument(extra));
    const build = target === undefined ? undefined : TARGETS.get(target);
    if (!build) throw new UsageError(target === undefined ? t.schemaTarget : t.invalidChoice('schema', target, [...TARGETS.keys()].join(', ')));
    stdout.write(`${JSON.stringify(build(), null, 2)}\n`);
    return EXIT.ok;
  },
};
