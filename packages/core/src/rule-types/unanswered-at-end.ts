/**
 * unanswered-at-end: the conversation ends with messages of the asking role (customer) after the
 * responder's (agent's) last message, and one of them asks something (crisis.unanswered). Rows of
 * other roles and event rows after them change nothing: a system note or a bot reply at the end is
 * no answer. With no responder message at all, every message of the role trails. The finding
 * points at the question hit of the first trailing message that asks.
 */
import type { PhraseItem } from '../pack/pack-types.js';
import type { Role } from '../model/conversation.js';
import { defineRuleType } from './define.js';
import { inlineMatch, inlineMatchProperties, roleOption } from './common-options.js';

export interface UnansweredAtEndOptions {
  role: Role;
  responder: Role;
  phrases: PhraseItem[];
  exceptions?: PhraseItem[];
  unless?: PhraseItem[];
  notNegated?: boolean;
}

export default defineRuleType<UnansweredAtEndOptions, 'unanswered'>({
  meta: {
    id: 'unanswered-at-end',
    description: {
      zh: '会话结束时，客服最后一条消息之后客户仍有提问未获回复。',
      en: "The conversation ends with the customer's question after the agent's last message.",
    },
    optionsSchema: {
      type: 'object',
      properties: {
        role: roleOption('customer', 'Who asks. 提问方。'),
        responder: roleOption('agent', 'Whose message answers; trailing means after its last message. 应答方。'),
        phrases: { ...inlineMatchProperties.phrases, description: 'Question markers (？, 吗, 怎么…). 提问标志词。' },
        exceptions: inlineMatchProperties.exceptions,
        unless: inlineMatchProperties.unless,
        notNegated: inlineMatchProperties.notNegated,
      },
      required: ['phrases'],
      additionalProperties: false,
    },
    messages: {
      unanswered: { zh: '会话结束时客户的提问未获回复：「{evidence}」', en: 'The customer\'s question was left unanswered at the end: "{evidence}"' },
    },
  },
  create(o, tools) {
    const question = tools.match(inlineMatch(o), tools.pointer);
    return (ctx) => {
      const answers = ctx.utterances(o.responder);
      const lastAnswer = answers.length > 0 ? answers[answers.length - 1]!.index : -1;
      for (const m of ctx.utterances(o.role)) {
        if (m.index <= lastAnswer) continue;
        const hit = question.first(m);
        if (hit) {
          ctx.report({ messageIndex: m.index, range: hit, messageId: 'unanswered' });
          return;
        }
      }
    };
  },
});
