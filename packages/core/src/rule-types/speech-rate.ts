/**
 * speech-rate: the role speaks too fast or too slowly (handling.speech-rate). Over the utterances
 * of the role with at least N letters or digits (CJK characters are letters; counted on the
 * normalised text), the total of their letters and digits divided by the total of their
 * durations (end - start), per minute, must lie within [min, max]. One finding per conversation,
 * at the first utterance counted. Utterances without a start or an end (or with an end not after
 * the start) are left out, with a note.
 */
import type { Role } from '../model/conversation.js';
import { defineRuleType } from './define.js';
import { roleOption } from './common-options.js';

export interface SpeechRateOptions {
  role: Role;
  minCharacters: number;
  minPerMinute: number;
  maxPerMinute: number;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;

/** Letters and digits (code points) of a normalised text. */
export function letterCount(text: string): number {
  return text.match(LETTER_OR_DIGIT)?.length ?? 0;
}

export default defineRuleType<SpeechRateOptions, 'tooFast' | 'tooSlow' | 'untimed'>({
  meta: {
    id: 'speech-rate',
    description: {
      zh: '语速过快或过慢：按每分钟字数（字母、数字、汉字）计算。',
      en: 'Speech too fast or too slow, in letters and digits (CJK characters included) per minute.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        role: roleOption('agent', 'Whose speech rate is measured. 测量谁的语速。'),
        minCharacters: {
          type: 'integer',
          minimum: 1,
          default: 5,
          description: 'Only utterances with at least this many letters or digits count (short replies say nothing about pace). 至少含这么多字的语句才计入。',
        },
        minPerMinute: {
          type: 'number',
          minimum: 0,
          default: 100,
          description: 'Fires when the rate is BELOW this many characters per minute (too slow). 低于每分钟此字数即过慢。',
        },
        maxPerMinute: {
          type: 'number',
          exclusiveMinimum: 0,
          default: 300,
          description: 'Fires when the rate is ABOVE this many characters per minute (too fast). 高于每分钟此字数即过快。',
        },
      },
      additionalProperties: false,
    },
    messages: {
      tooFast: { zh: '语速过快：每分钟 {rate} 字（上限 {limit}）', en: 'Speaking too fast: {rate} characters per minute (limit {limit})' },
      tooSlow: { zh: '语速过慢：每分钟 {rate} 字（下限 {limit}）', en: 'Speaking too slowly: {rate} characters per minute (minimum {limit})' },
      untimed: {
        zh: '{count} 条语句缺少开始或结束时间，未计入语速',
        en: '{count} utterance(s) without a start or end time were left out of the speech rate',
      },
    },
  },
  create(o) {
    return (ctx) => {
      let letters = 0;
      let ms = 0;
      let untimed = 0;
      let first: number | undefined;
      for (const m of ctx.utterances(o.role)) {
        const n = letterCount(m.text);
        if (n < o.minCharacters) continue;
        if (m.ts === undefined || m.endTs === undefined || m.endTs <= m.ts) {
          untimed++;
          continue;
        }
        first ??= m.index;
        letters += n;
        ms += m.endTs - m.ts;
      }
      if (untimed > 0) ctx.note('untimed', { count: untimed });
      if (first === undefined) return;
      const rate = (letters * 60_000) / ms;
      const data = { rate: Math.round(rate * 10) / 10 };
      const whole = { start: 0, end: ctx.messages[first]!.original.length };
      if (rate > o.maxPerMinute) ctx.report({ messageIndex: first, originalRange: whole, messageId: 'tooFast', data: { ...data, limit: o.maxPerMinute } });
      else if (rate < o.minPerMinute) ctx.report({ messageIndex: first, originalRange: whole, messageId: 'tooSlow', data: { ...data, limit: o.minPerMinute } });
    };
  },
});
