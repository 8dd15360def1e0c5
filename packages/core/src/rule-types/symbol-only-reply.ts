/**
 * symbol-only-reply: a message of the role made only of emoji, emoticon codes, punctuation,
 * symbols or whitespace (its comparison text is empty), optionally only while a context holds:
 * one of the last N messages of another role before it matches a MatchSpec (the customer is
 * dissatisfied: etiquette.symbol-only-reply). The context window counts the other role's messages
 * only, across any messages of the role in between. Media rows (an image, an order card) are
 * content, never symbol-only, whatever their text. The finding is the whole message.
 */
import type { PhraseItem } from '../pack/pack-types.js';
import { MEDIA_KINDS, type MessageKind, type Role } from '../model/conversation.js';
import { defineRuleType, type MatchQuery } from './define.js';
import { inlineMatch, inlineMatchProperties, roleOption } from './common-options.js';

export interface SymbolOnlyContext {
  role?: Role;
  last?: number;
  phrases: PhraseItem[];
  exceptions?: PhraseItem[];
  unless?: PhraseItem[];
  notNegated?: boolean;
}

export interface SymbolOnlyReplyOptions {
  role: Role;
  context?: SymbolOnlyContext;
}

export default defineRuleType<SymbolOnlyReplyOptions, 'symbolOnly' | 'symbolOnlyInContext'>({
  meta: {
    id: 'symbol-only-reply',
    description: {
      zh: '仅含表情、符号或标点的回复（可限定为客户不满时）；图片、订单卡片不算。',
      en: 'A reply made only of emoji, emoticon codes, punctuation or symbols (optionally only while the customer is dissatisfied); media rows never count.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        role: roleOption('agent', 'Whose symbol-only messages are checked. 检查谁的消息。'),
        context: {
          type: 'object',
          description:
            'Fire only when one of the last N messages of another role before the message matches (complaint or negative words). Without it, every symbol-only message fires. 仅当此前对方最近 N 条消息之一命中时触发。',
          properties: {
            role: roleOption('customer', 'Whose earlier messages are read. 读取谁的前序消息。'),
            last: {
              type: 'integer',
              minimum: 1,
              default: 2,
              description: "How many of that role's messages before the reply are read (messages of other roles in between are skipped, not counted). 读取其最近几条消息（中间的其他角色消息不计数）。",
            },
            ...inlineMatchProperties,
            phrases: { ...inlineMatchProperties.phrases, description: 'Context phrases (complaint or negative words). 语境短语（投诉、负面情绪词）。' },
          },
          required: ['phrases'],
          additionalProperties: false,
        },
      },
      additionalProperties: false,
    },
    messages: {
      symbolOnly: { zh: '仅用表情或符号回复：「{evidence}」', en: 'Reply made only of emoji or symbols: "{evidence}"' },
      symbolOnlyInContext: {
        zh: '客户表达不满（「{trigger}」）时仅用表情或符号回复：「{evidence}」',
        en: 'Reply made only of emoji or symbols while the customer is dissatisfied ("{trigger}"): "{evidence}"',
      },
    },
  },
  create(o, tools) {
    const context = o.context;
    const contextRole: Role = context?.role ?? 'customer';
    const last = context?.last ?? 2;
    const query: MatchQuery | undefined = context ? tools.match(inlineMatch(context), `${tools.pointer}/context`) : undefined;

    return (ctx) => {
      const earlier = query ? ctx.utterances(contextRole) : [];
      let seen = 0; // earlier[0..seen) precede the current message (both lists are in message order)
      for (const m of ctx.utterances(o.role)) {
        if (MEDIA_KINDS.has(m.kind as MessageKind) || m.comparison.text.length > 0) continue;
        const whole = { start: 0, end: m.original.length };
        if (!query) {
          ctx.report({ messageIndex: m.index, originalRange: whole, messageId: 'symbolOnly' });
          continue;
        }
        // The last N context messages before this one, nearest first; the first that matches names the trigger.
        while (seen < earlier.length && earlier[seen]!.index < m.index) seen++;
        for (let i = seen - 1; i >= Math.max(0, seen - last); i--) {
          const c = earlier[i]!;
          const hit = query.first(c);
          if (!hit) continue;
          const trigger = c.original.slice(c.norm.starts[hit.start], c.norm.ends[hit.end - 1]);
          ctx.report({ messageIndex: m.index, originalRange: whole, messageId: 'symbolOnlyInContext', data: { trigger } });
          break;
        }
      }
    };
  },
});
