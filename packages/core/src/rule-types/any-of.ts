/**
 * any-of: one rule made of several detectors of other types (a forbidden phrase OR a bare 嗯 to a
 * complaint). Findings merge under the rule's id; at most one per message, the first detector first.
 */
import { defineRuleType, type RuleEvaluator, type Texts } from './define.js';

export interface AnyOfOptions {
  detectors: Array<{ type: string; options?: Record<string, unknown> }>;
}

export default defineRuleType<AnyOfOptions, never>({
  meta: {
    id: 'any-of',
    description: {
      zh: '组合规则：任一子检测器命中即记为本规则的发现。',
      en: 'Combinator: a finding of any of its detectors (other rule types) is a finding of this rule.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        detectors: { type: 'array', minItems: 1, items: { $ref: '#/$defs/detector' }, description: 'Detectors, each a rule type with its options. 子检测器。' },
      },
      required: ['detectors'],
      additionalProperties: false,
    },
    messages: {},
    phraseUses: (o: AnyOfOptions, detector) =>
      (o.detectors ?? []).flatMap((d, i) => detector(d.type, d.options ?? {}, `/detectors/${i}/options`)),
  },
  create(options, tools) {
    const subs: Array<{ evaluate: RuleEvaluator; messages: Record<string, Texts> }> = options.detectors.map((d, i) => {
      if (d.type === 'any-of') tools.fail(`${tools.pointer}/detectors/${i}/type`, 'any-of cannot nest another any-of');
      return tools.detector(d.type, d.options ?? {}, `${tools.pointer}/detectors/${i}`);
    });
    return (ctx) => {
      for (const sub of subs) {
        sub.evaluate({
          conversation: ctx.conversation,
          messages: ctx.messages,
          timeZone: ctx.timeZone,
          now: ctx.now,
          utterances: ctx.utterances,
          report: (input) => ctx.report({ ...input, texts: input.texts ?? sub.messages[input.messageId] } as never),
          note: (id, data, texts) => ctx.note(id as never, data, texts ?? sub.messages[id]),
        });
      }
    };
  },
});
