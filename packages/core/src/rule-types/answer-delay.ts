/**
 * answer-delay: how long the caller waits for the agent's first word (opening.answer-speed). The
 * call starts at the first row of a start kind (`ring`) or, failing that, at the conversation's
 * `startedAt`; the first row of a file is NOT a start (it may be the agent's greeting). The
 * finding is the role's first utterance when it starts more than N seconds after the start.
 * Without a start, or without the utterance's start time, the check is skipped with a note.
 */
import { MESSAGE_KINDS, type MessageKind, type Role } from '../model/conversation.js';
import { defineRuleType } from './define.js';
import { roleOption, secondsOf } from './common-options.js';

export interface AnswerDelayOptions {
  role: Role;
  thresholdSeconds: number;
  startKinds: MessageKind[];
  startedAt: boolean;
}

export default defineRuleType<AnswerDelayOptions, 'slow' | 'noStart' | 'untimed'>({
  meta: {
    id: 'answer-delay',
    description: {
      zh: '从来电振铃（或会话开始时间）到客服首次开口超过规定秒数。',
      en: "The agent's first utterance starts more than N seconds after the call starts ringing (or the conversation's start time).",
    },
    optionsSchema: {
      type: 'object',
      properties: {
        role: roleOption('agent', 'Whose first utterance is timed. 计时到谁的第一句。'),
        thresholdSeconds: {
          type: 'number',
          minimum: 0,
          default: 10,
          description: 'Fires when the first utterance starts MORE than this many seconds after the start. 首句晚于开始超过此秒数即触发。',
        },
        startKinds: {
          type: 'array',
          items: { enum: [...MESSAGE_KINDS] },
          uniqueItems: true,
          default: ['ring'],
          description: 'The first row of one of these kinds (any role) starts the clock. 以这些类型的第一行开始计时。',
        },
        startedAt: {
          type: 'boolean',
          default: true,
          description: "Without such a row (or its time), the conversation's startedAt starts the clock. 无此类行（或其无时间）时，以会话的 startedAt 开始计时。",
        },
      },
      additionalProperties: false,
    },
    messages: {
      slow: { zh: '开始后 {seconds} 秒才应答（上限 {threshold} 秒）', en: 'Answered {seconds} s after the start (limit {threshold} s)' },
      noStart: {
        zh: '缺少振铃事件或会话开始时间，未检查应答速度',
        en: 'answer speed not checked: no ring event and no conversation start time',
      },
      untimed: { zh: '首句缺少开始时间，未检查应答速度', en: 'answer speed not checked: the first utterance has no start time' },
    },
  },
  create(o) {
    const kinds = new Set<string>(o.startKinds);
    const limitMs = o.thresholdSeconds * 1000;
    return (ctx) => {
      const first = ctx.utterances(o.role)[0];
      if (!first) return;
      const startRow = ctx.messages.find((m) => kinds.has(m.kind));
      const start = startRow?.ts ?? (o.startedAt ? ctx.conversation.startedAt : undefined);
      if (start === undefined) return ctx.note('noStart');
      if (first.ts === undefined) return ctx.note('untimed');
      const delay = first.ts - start;
      if (delay > limitMs) {
        ctx.report({
          messageIndex: first.index,
          originalRange: { start: 0, end: first.original.length },
          messageId: 'slow',
          data: { seconds: secondsOf(delay), threshold: o.thresholdSeconds },
        });
      }
    };
  },
});
