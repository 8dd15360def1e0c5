/**
 * overlap: talking over the other side (抢话, handling.interruption). An utterance of the role
 * fires when it starts strictly after an utterance of the other role has started and before that
 * one ends, and the two overlap by at least N seconds. Backchannels (嗯, 对, 好的: comparison text
 * of at most M characters, or one of the listed words) are listening, not interrupting. Utterances
 * without a start or an end cannot be placed and are left out, with a note.
 */
import type { Role } from '../model/conversation.js';
import type { MessageView } from '../engine/message-view.js';
import { codePointLength, comparisonText } from '../normalize/index.js';
import { defineRuleType } from './define.js';
import { roleOption, secondsOf } from './common-options.js';

export interface OverlapOptions {
  role: Role;
  other: Role;
  minOverlapSeconds: number;
  backchannelMaxLength: number;
  backchannels: string[];
}

export default defineRuleType<OverlapOptions, 'overlap' | 'untimed'>({
  meta: {
    id: 'overlap',
    description: {
      zh: '一方在另一方说话未结束时插话（抢话），重叠达到规定秒数；“嗯、对、好的”等附和不算。',
      en: 'One side starts talking while the other is still speaking and they overlap by N seconds or more; backchannels (嗯, 对, 好的) do not count.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        role: roleOption('agent', 'Whose utterances are judged (the one who interrupts). 被检查的一方（插话者）。'),
        other: roleOption('customer', 'Whose speech must not be interrupted. 不应被打断的一方。'),
        minOverlapSeconds: {
          type: 'number',
          exclusiveMinimum: 0,
          default: 1,
          description: 'The two utterances must overlap by at least this many seconds. 重叠至少多少秒才算抢话。',
        },
        backchannelMaxLength: {
          type: 'integer',
          minimum: 0,
          default: 2,
          description:
            'Utterances whose comparison text has at most this many characters are backchannels (0: none by length). 比较文本不超过此字数的语句视为附和（0 表示不按长度判断）。',
        },
        backchannels: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          uniqueItems: true,
          default: [],
          description: 'Utterances whose whole comparison text is one of these are backchannels (是的, 明白). 整句等于这些词的语句视为附和。',
        },
      },
      additionalProperties: false,
    },
    messages: {
      overlap: {
        zh: '在对方说话时插话，重叠 {seconds} 秒：「{evidence}」',
        en: 'Talked over the other side for {seconds} s: "{evidence}"',
      },
      untimed: {
        zh: '{count} 条语句缺少开始或结束时间，未参与抢话判断',
        en: '{count} utterance(s) without a start or end time were left out of the interruption check',
      },
    },
  },
  create(o, tools) {
    const backchannels = new Set(o.backchannels.map((w) => comparisonText(tools.normalize(w))));
    const minMs = o.minOverlapSeconds * 1000;
    const isBackchannel = (m: MessageView): boolean => {
      const text = m.comparison.text;
      return codePointLength(text) <= o.backchannelMaxLength || backchannels.has(text);
    };
    const timed = (m: MessageView): boolean => m.ts !== undefined && m.endTs !== undefined;

    return (ctx) => {
      let untimed = 0;
      const others = ctx.utterances(o.other).filter((c) => timed(c) || (untimed++, false));
      for (const a of ctx.utterances(o.role)) {
        if (isBackchannel(a)) continue;
        if (!timed(a)) {
          untimed++;
          continue;
        }
        const start = a.ts!;
        for (const c of others) {
          if (!(c.ts! < start && start < c.endTs!)) continue;
          const overlap = Math.min(a.endTs!, c.endTs!) - start;
          if (overlap < minMs) continue;
          ctx.report({
            messageIndex: a.index,
            originalRange: { start: 0, end: a.original.length },
            messageId: 'overlap',
            data: { seconds: secondsOf(overlap) },
          });
          break;
        }
      }
      if (untimed > 0) ctx.note('untimed', { count: untimed });
    };
  },
});
