/**
 * required-phrase: the scoped messages of a role, taken together, must contain a phrase of every
 * group (a greeting in the first agent message; thanks AND goodbye in the last two). Fires once,
 * at the first (or last) scoped message; never when the role has no message at all. With `when`,
 * only conversations that meet a precondition are judged (flow.revisit: a complaint message or a
 * solution offered).
 */
import type { MatchSpec, PhraseItem } from '../pack/pack-types.js';
import type { Role } from '../model/conversation.js';
import { defineRuleType } from './define.js';
import { applyScope, inlineMatch, inlineMatchProperties, roleOption, scopeOption, type ScopeOption } from './common-options.js';

export interface RequiredPhraseOptions {
  role: Role;
  phrases?: PhraseItem[];
  exceptions?: PhraseItem[];
  allOf?: MatchSpec[];
  scope?: ScopeOption;
  reportAt: 'first' | 'last';
  when?: Array<MatchSpec & { role: Role }>;
}

export default defineRuleType<RequiredPhraseOptions, 'missing'>({
  meta: {
    id: 'required-phrase',
    description: {
      zh: '指定范围内（如首条/末两条客服消息）必须出现所列短语；缺少则扣分。',
      en: 'The scoped messages (e.g. the first agent message, the last two) must contain a phrase of each group; fires when one is missing.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        role: roleOption('agent'),
        phrases: { ...inlineMatchProperties.phrases, description: 'One group: any of these satisfies the rule. 任一短语即可。' },
        exceptions: inlineMatchProperties.exceptions,
        allOf: {
          type: 'array',
          minItems: 1,
          items: { $ref: '#/$defs/matchSpec' },
          description: 'Several groups that must ALL occur (e.g. thanks and goodbye). 多组短语须全部出现。',
        },
        scope: scopeOption,
        reportAt: { enum: ['first', 'last'], default: 'first', description: 'Which scoped message the finding points at. 定位到范围内第一条或最后一条。' },
        when: {
          type: 'array',
          minItems: 1,
          description:
            'Precondition: the rule judges only conversations where a message of the given role matches one of these (a complaint, a solution offered). 前提条件：仅当某角色有消息命中其中之一时才检查本会话。',
          items: {
            type: 'object',
            properties: { role: roleOption('customer', 'Whose messages are searched. 在谁的消息中查找。'), ...inlineMatchProperties },
            required: ['role', 'phrases'],
            additionalProperties: false,
          },
        },
      },
      additionalProperties: false,
    },
    phraseUses: (o: RequiredPhraseOptions) => [
      ...(o.phrases ? [{ pointer: '/phrases', role: o.role ?? 'agent', polarity: 'required' as const, items: o.phrases, ...(o.scope ? { scope: o.scope } : {}) }] : []),
      ...(o.allOf ?? []).map((g, i) => ({ pointer: `/allOf/${i}/phrases`, role: o.role ?? 'agent', polarity: 'required' as const, items: g.phrases, ...(o.scope ? { scope: o.scope } : {}) })),
    ],
    messages: {
      missing: { zh: '缺少所需用语（{missing}）', en: 'Missing required wording ({missing})' },
    },
  },
  create(options, tools) {
    const groups: MatchSpec[] = [];
    if (options.phrases) groups.push({ phrases: options.phrases, ...(options.exceptions ? { exceptions: options.exceptions } : {}) });
    if (options.allOf) groups.push(...options.allOf);
    if (groups.length === 0) tools.fail(tools.pointer, 'give "phrases" or "allOf"');
    const queries = groups.map((g, i) =>
      tools.match(g, options.allOf && i >= (options.phrases ? 1 : 0) ? `${tools.pointer}/allOf/${i - (options.phrases ? 1 : 0)}` : tools.pointer),
    );
    const labels = groups.map((g) => g.phrases.slice(0, 3).map((p) => (typeof p === 'string' ? p : '…')).join('/'));
    const when = options.when?.map((w, i) => ({ role: w.role, query: tools.match(inlineMatch(w), `${tools.pointer}/when/${i}`) }));
    return (ctx) => {
      const scoped = applyScope(ctx.utterances(options.role), options.scope);
      if (scoped.length === 0) return;
      if (when && !when.some((w) => ctx.utterances(w.role).some((m) => w.query.test(m)))) return;
      const missing = queries.flatMap((q, i) => (scoped.some((m) => q.test(m)) ? [] : [labels[i]!]));
      if (missing.length === 0) return;
      const at = options.reportAt === 'last' ? scoped[scoped.length - 1]! : scoped[0]!;
      ctx.report({ messageIndex: at.index, range: { start: 0, end: at.text.length }, messageId: 'missing', data: { missing: missing.join('; ') } });
    };
  },
});
