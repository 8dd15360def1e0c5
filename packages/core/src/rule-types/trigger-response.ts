/**
 * trigger-response: after a trigger message (a complaint, a safety mention, a promise, a refund
 * intent), the next N messages of the responding role (or those within T seconds, or up to the end)
 * must contain a response (soothing, care, a follow-up, a retention offer) — or must NOT (a bare
 * 嗯 to a complaint). Consecutive triggers can form one group: one finding at its first trigger,
 * judged on the window after its last. When fewer responses exist than the window holds, those
 * that exist are judged (none soothing = fires).
 */
import type { PhraseItem } from '../pack/pack-types.js';
import type { Role } from '../model/conversation.js';
import type { MessageView } from '../engine/message-view.js';
import { comparisonText, codePointLength } from '../normalize/index.js';
import { defineRuleType, type MatchQuery } from './define.js';
import { inlineMatch, inlineMatchProperties, roleOption } from './common-options.js';
import { groupTriggers, responseWindow, type WindowOptions } from './response-window.js';

interface TriggerOptions {
  role: Role;
  phrases: PhraseItem[];
  exceptions?: PhraseItem[];
  unless?: PhraseItem[];
  notNegated?: boolean;
}

interface ResponseOptions {
  role: Role;
  phrases?: PhraseItem[];
  exceptions?: PhraseItem[];
  notNegated?: boolean;
  exactTexts?: string[];
  minLength?: number;
}

export interface TriggerResponseOptions {
  trigger: TriggerOptions;
  response: ResponseOptions;
  window: WindowOptions;
  occurrence: 'each' | 'first';
  groupConsecutive: boolean;
  expect: 'present' | 'absent';
  reportAt: 'trigger' | 'response';
}

type Ids = 'noResponse' | 'responseLacks' | 'badResponse' | 'untimed';

export default defineRuleType<TriggerResponseOptions, Ids>({
  meta: {
    id: 'trigger-response',
    description: {
      zh: '触发语之后（如投诉、安全、承诺、退货意向），指定角色在随后 N 条消息或 T 秒内必须（或不得）作出所列回应。',
      en: 'After a trigger message, the responding role must (or must not) answer with a listed response within the next N messages, T seconds, or up to the end.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        trigger: {
          type: 'object',
          description: 'What opens the check. 触发条件。',
          properties: { role: roleOption('customer', 'Who says the trigger. 触发者。'), ...inlineMatchProperties },
          required: ['phrases'],
          additionalProperties: false,
        },
        response: {
          type: 'object',
          description: 'What the responding role must (or must not) say. Without phrases or exactTexts, any message counts. 回应条件。',
          properties: {
            role: roleOption('agent', 'Who responds. 回应者。'),
            phrases: { type: 'array', $ref: '#/$defs/phraseList', minItems: 1, description: 'Response phrases (matched literally, no negation unless notNegated). 回应短语。' },
            exceptions: inlineMatchProperties.exceptions,
            notNegated: inlineMatchProperties.notNegated,
            exactTexts: {
              type: 'array',
              items: { type: 'string', minLength: 1 },
              description: 'The whole comparison text equals one of these, or one of them repeated (嗯嗯, 好的好的). 整句等于（或重复）这些词。',
            },
            minLength: { type: 'integer', minimum: 0, default: 0, description: 'Responses with a shorter comparison text are skipped and do not use up the window. 短于此长度的回应不计入窗口。' },
          },
          additionalProperties: false,
        },
        window: {
          type: 'object',
          description: 'Which responses are judged. 判断窗口。',
          properties: {
            messages: {
              anyOf: [{ type: 'integer', minimum: 1 }, { const: 'end' }],
              default: 2,
              description: 'The next N responding messages, or "end" for all of them. 随后 N 条或到结束。',
            },
            seconds: { type: 'number', exclusiveMinimum: 0, description: 'Only responses within T seconds of the trigger (inclusive); unchecked without timestamps. 时限（秒）。' },
            before: { type: 'integer', minimum: 0, default: 0, description: 'Also count the last N responding messages BEFORE the trigger. 触发前 N 条回应也算。' },
            includeTrigger: { type: 'boolean', default: false, description: 'The trigger message itself can hold the response. 触发消息本身也可包含回应。' },
          },
          additionalProperties: false,
        },
        occurrence: { enum: ['each', 'first'], default: 'each', description: 'Judge every trigger, or only the first of the conversation. 每次触发或仅首次。' },
        groupConsecutive: {
          type: 'boolean',
          default: false,
          description: 'Triggers with no responding message between them form one group: one finding at its first trigger, judged after its last. 连续触发合并。',
        },
        expect: { enum: ['present', 'absent'], default: 'present', description: 'present: fires when no response matches; absent: fires when one does. 必须有 / 不得有。' },
        reportAt: {
          enum: ['trigger', 'response'],
          default: 'trigger',
          description:
            'Where the finding points: the trigger, or the response (expect absent: the matching response; expect present: the first responding message after the trigger, and no finding when there is none). 定位到触发消息或回应消息（须有回应时为触发后的第一条回应消息，无回应消息则不报）。',
        },
      },
      required: ['trigger', 'response'],
      additionalProperties: false,
    },
    phraseUses: (o: TriggerResponseOptions) =>
      o.response?.phrases
        ? [{ pointer: '/response/phrases', role: o.response.role ?? 'agent', polarity: o.expect === 'absent' ? ('forbidden' as const) : ('required' as const), items: o.response.phrases }]
        : [],
    messages: {
      noResponse: { zh: '「{evidence}」之后未见应有的回应', en: 'No expected response after "{evidence}"' },
      responseLacks: { zh: '对「{trigger}」的回应缺少应有的用语：「{evidence}」', en: 'The response to "{trigger}" lacks the expected wording: "{evidence}"' },
      badResponse: { zh: '对「{trigger}」的回应不当：「{evidence}」', en: 'Inappropriate response to "{trigger}": "{evidence}"' },
      untimed: { zh: '缺少时间戳，未检查 {seconds} 秒时限', en: 'the {seconds} s limit was not checked: no timestamps' },
    },
  },
  create(o, tools) {
    const p = tools.pointer;
    const trigger = tools.match(inlineMatch(o.trigger), `${p}/trigger`);
    const response = o.response ?? { role: 'agent' };
    const responseRole = response.role ?? 'agent';
    const triggerRole = o.trigger.role ?? 'customer';
    let responseQuery: MatchQuery | undefined;
    if (response.phrases) {
      responseQuery = tools.match(
        { phrases: response.phrases, ...(response.exceptions ? { exceptions: response.exceptions } : {}), ...(response.notNegated ? { notNegated: true } : {}) },
        `${p}/response`,
      );
    }
    const exact = response.exactTexts?.map((w) => comparisonText(tools.normalize(w))).filter((w) => w.length > 0);
    const minLength = response.minLength ?? 0;
    const window = o.window ?? {};

    const isResponse = (m: MessageView): boolean => {
      if (responseQuery) return responseQuery.test(m);
      if (exact) return isRepeatOf(m.comparison.text, exact);
      return true;
    };
    const countable = (m: MessageView): boolean => minLength === 0 || codePointLength(m.comparison.text) >= minLength;

    return (ctx) => {
      const responders = ctx.utterances(responseRole).filter(countable);
      let triggers = ctx.utterances(triggerRole).filter((m) => trigger.test(m));
      if (o.occurrence === 'first') triggers = triggers.slice(0, 1);
      if (triggers.length === 0) return;

      let untimed = false;
      for (const g of groupTriggers(triggers, responders, o.groupConsecutive)) {
        const judged = responseWindow(g, responders, responseRole, window);
        untimed ||= judged.untimed;
        const firstAfter = judged.firstAfter;
        const matching = judged.messages.find(isResponse);
        if (o.expect === 'absent') {
          if (!matching) continue;
          const hit = trigger.first(g.first);
          if (o.reportAt === 'response') {
            ctx.report({
              messageIndex: matching.index,
              range: { start: 0, end: matching.text.length },
              messageId: 'badResponse',
              data: { trigger: hit ? g.first.text.slice(hit.start, hit.end) : '' },
            });
          } else if (hit) ctx.report({ messageIndex: g.first.index, range: hit, messageId: 'noResponse' });
        } else if (!matching) {
          const hit = trigger.first(g.first)!;
          if (o.reportAt !== 'response') ctx.report({ messageIndex: g.first.index, range: hit, messageId: 'noResponse' });
          else if (firstAfter) {
            ctx.report({
              messageIndex: firstAfter.index,
              range: { start: 0, end: firstAfter.text.length },
              messageId: 'responseLacks',
              data: { trigger: g.first.text.slice(hit.start, hit.end) },
            });
          }
        }
      }
      if (untimed && window.seconds !== undefined) ctx.note('untimed', { seconds: window.seconds });
    };
  },
});

/** The comparison text is one of the words, or one of them repeated (嗯嗯, 好的好的). */
export function isRepeatOf(text: string, words: readonly string[]): boolean {
  if (text.length === 0) return false;
  return words.some((w) => text.length % w.length === 0 && w.repeat(text.length / w.length) === text);
}
