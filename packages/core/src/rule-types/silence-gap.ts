/**
 * silence-gap: dead air in a call (handling.silence). Walking the utterances in order, a gap is
 * the time between the LATEST end so far and the start of the next utterance, so an utterance
 * that overlaps a longer one opens no false gap. A gap longer than the threshold fires at the
 * utterance after it, unless the last utterance of the holding role (the agent) before the gap
 * asked the other side to hold (请稍等): even if the customer acknowledged it. A hold the customer
 * asks for (你等一下) exempts nothing. An utterance without an end ends at its start; one without
 * a start cannot be placed, so the gaps on both sides of it are not measured. Both are noted.
 */
import type { PhraseItem } from '../pack/pack-types.js';
import { ROLES, type Role } from '../model/conversation.js';
import type { MessageView } from '../engine/message-view.js';
import { defineRuleType } from './define.js';
import { inlineMatchProperties, roleOption, secondsOf } from './common-options.js';

export interface SilenceGapOptions {
  roles: Role[];
  thresholdSeconds: number;
  hold?: { role?: Role; phrases: PhraseItem[]; exceptions?: PhraseItem[] };
}

export default defineRuleType<SilenceGapOptions, 'silence' | 'noEnd' | 'untimed'>({
  meta: {
    id: 'silence-gap',
    description: {
      zh: '通话中出现超过规定秒数的静默（客服请客户稍等后的静默除外）。',
      en: 'A silence longer than N seconds between utterances of a call (unless the agent asked the customer to hold).',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        roles: {
          type: 'array',
          items: { enum: [...ROLES] },
          minItems: 1,
          uniqueItems: true,
          default: ['agent', 'customer'],
          description: 'Whose utterances make up the timeline (events are never utterances). 哪些角色的语句构成时间线（事件行不算）。',
        },
        thresholdSeconds: {
          type: 'number',
          exclusiveMinimum: 0,
          default: 20,
          description: 'Fires when a gap is LONGER than this many seconds. 静默超过此秒数即触发。',
        },
        hold: {
          type: 'object',
          description:
            "A gap is exempt when the last utterance of this role before it asks the other side to hold (请稍等), even if they acknowledged it. Matched literally. 静默前该角色最后一句若请对方稍等，则该静默豁免（按字面匹配）。",
          properties: {
            role: roleOption('agent', 'Whose hold request exempts a gap. 谁的稍等请求可豁免。'),
            phrases: { ...inlineMatchProperties.phrases, description: 'Hold requests (请稍等, 帮您查询一下). 请对方稍等的用语。' },
            exceptions: inlineMatchProperties.exceptions,
          },
          required: ['phrases'],
          additionalProperties: false,
        },
      },
      additionalProperties: false,
    },
    messages: {
      silence: { zh: '静默 {seconds} 秒（超过 {threshold} 秒）', en: 'Silence of {seconds} s (limit {threshold} s)' },
      noEnd: {
        zh: '{count} 条语句缺少结束时间，按其开始时间计算静默',
        en: '{count} utterance(s) without an end time: their start was used as their end',
      },
      untimed: {
        zh: '{count} 条语句缺少开始时间，其前后的静默未检查',
        en: '{count} utterance(s) without a start time: the silences around them were not checked',
      },
    },
  },
  create(o, tools) {
    const roles = new Set<Role>(o.roles);
    const holdRole = o.hold?.role ?? 'agent';
    const hold = o.hold
      ? tools.match({ phrases: o.hold.phrases, ...(o.hold.exceptions ? { exceptions: o.hold.exceptions } : {}) }, `${tools.pointer}/hold`)
      : undefined;
    const limitMs = o.thresholdSeconds * 1000;

    return (ctx) => {
      let latestEnd: number | undefined;
      let lastHolder: MessageView | undefined;
      let noEnd = 0;
      let untimed = 0;
      for (const m of ctx.messages) {
        if (m.isEvent || !roles.has(m.role)) continue;
        const start = m.ts;
        if (start === undefined) {
          untimed++;
          latestEnd = undefined; // nothing is measured across an utterance we cannot place
        } else {
          if (m.endTs === undefined) noEnd++;
          const end = Math.max(start, m.endTs ?? start);
          if (latestEnd !== undefined && start - latestEnd > limitMs && !(hold && lastHolder && hold.test(lastHolder))) {
            ctx.report({
              messageIndex: m.index,
              originalRange: { start: 0, end: m.original.length },
              messageId: 'silence',
              data: { seconds: secondsOf(start - latestEnd), threshold: o.thresholdSeconds },
            });
          }
          latestEnd = latestEnd === undefined ? end : Math.max(latestEnd, end);
        }
        if (m.role === holdRole) lastHolder = m;
      }
      if (noEnd > 0) ctx.note('noEnd', { count: noEnd });
      if (untimed > 0) ctx.note('untimed', { count: untimed });
    };
  },
});
