/**
 * repeated-message: the role sends the same text (or nearly: Dice similarity of comparison texts)
 * minCount times (etiquette.repeated-reply; the complaint pack's flow.same-solution-repeated).
 * Each counted message joins the FIRST earlier group whose first message has the same comparison
 * text or a similarity >= threshold with it, else starts a group. A group gives one finding, at the
 * message that brings it to minCount; later members give none. Comparing with the group's first
 * message only (not with every member) stops drift from chaining: A, A', A'' where each step is
 * 0.9-similar but A'' is not similar to A are not one group.
 * Optionally, messages containing the same `only` phrase also form groups, counted apart (a clause
 * pattern such as the coupon offer counts as one phrase, whatever words fill it).
 */
import type { PhraseItem } from '../pack/pack-types.js';
import type { Role } from '../model/conversation.js';
import type { MessageView } from '../engine/message-view.js';
import { bigramProfile, codePointLength, diceOfProfiles, type BigramProfile } from '../normalize/index.js';
import { foldPhrase } from '../match/phrase-automaton.js';
import { defineRuleType } from './define.js';
import { roleOption } from './common-options.js';

export interface RepeatedMessageOptions {
  role: Role;
  minLength: number;
  threshold: number;
  minCount: number;
  exclude?: PhraseItem[];
  only?: PhraseItem[];
  notNegated?: boolean;
  phraseGroups: boolean;
  firstOnly: boolean;
}

interface Group {
  text: string;
  profile: BigramProfile;
  count: number;
}

export default defineRuleType<RepeatedMessageOptions, 'repeated'>({
  meta: {
    id: 'repeated-message',
    description: {
      zh: '同一（或高度相似的）内容重复发送达到 N 次（如同一安抚语、同一解决方案）。',
      en: 'The same (or a near-identical) text is sent N or more times, such as one soothing line or one solution.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        role: roleOption('agent', 'Whose messages are compared. 检查谁的消息。'),
        minLength: {
          type: 'integer',
          minimum: 1,
          default: 6,
          description: 'Only messages whose comparison text has at least this many characters (code points) count. 比较文本至少多少字才计入。',
        },
        threshold: {
          type: 'number',
          minimum: 0,
          maximum: 1,
          default: 0.9,
          description: "A message joins a group when its similarity (Dice of character bigrams) with the group's FIRST message is at least this. 与组内首条消息的相似度达到此值即归入该组。",
        },
        minCount: {
          type: 'integer',
          minimum: 2,
          default: 3,
          description: 'A group fires at its Nth message (later members give no finding). 组内第 N 条时触发（之后不再触发）。',
        },
        exclude: {
          $ref: '#/$defs/phraseList',
          description: 'Messages containing one of these (stock openers and closers) are not counted; matched literally. 含这些套话的消息不计入。',
        },
        only: {
          $ref: '#/$defs/phraseList',
          description: 'When given, only messages containing one of these count (e.g. solution phrases); matched literally unless notNegated. 仅计入含这些短语的消息。',
        },
        notNegated: {
          type: 'boolean',
          default: false,
          description: 'Negated hits of `only` do not count (暂时没办法为您退款 offers nothing). only 短语被否定时不算。',
        },
        phraseGroups: {
          type: 'boolean',
          default: false,
          description:
            'Also group messages by the `only` phrase they contain (the same solution phrase), counted apart from similarity groups. 另按所含 only 短语分组（与相似度分组分开计数）。',
        },
        firstOnly: {
          type: 'boolean',
          default: false,
          description: 'Only the first group to reach minCount gives a finding (one per conversation). 每个会话仅报告第一个达到次数的组。',
        },
      },
      additionalProperties: false,
    },
    messages: {
      repeated: { zh: '同一内容第 {count} 次发送：「{evidence}」', en: 'The same text sent for the {count}th time: "{evidence}"' },
    },
  },
  create(o, tools) {
    const exclude = o.exclude && o.exclude.length > 0 ? tools.phrases(o.exclude, `${tools.pointer}/exclude`) : undefined;
    const only = o.only && o.only.length > 0 ? tools.match({ phrases: o.only, notNegated: o.notNegated === true }, `${tools.pointer}/only`) : undefined;
    if (o.phraseGroups && !only) tools.fail(`${tools.pointer}/phraseGroups`, 'phraseGroups needs an "only" phrase list');

    return (ctx) => {
      const groups: Group[] = [];
      const phraseCounts = new Map<string, number>();
      let fired = false;
      const fire = (m: MessageView): void => {
        if (o.firstOnly && fired) return;
        fired = true;
        ctx.report({ messageIndex: m.index, originalRange: { start: 0, end: m.original.length }, messageId: 'repeated', data: { count: o.minCount } });
      };

      for (const m of ctx.utterances(o.role)) {
        const text = m.comparison.text;
        if (codePointLength(text) < o.minLength) continue;
        if (exclude?.test(m)) continue;
        const hits = only?.hits(m);
        if (hits && hits.length === 0) continue;

        const profile = bigramProfile(text);
        const group = groups.find((g) => g.text === text || diceOfProfiles(g.profile, profile) >= o.threshold);
        if (group) {
          if (++group.count === o.minCount) fire(m);
        } else groups.push({ text, profile, count: 1 });

        if (o.phraseGroups && hits) {
          // The same phrase (你/您 folded) twice in one message still counts the message once.
          for (const key of new Set(hits.map((h) => (h.clause ? `clause#${h.clause.id}` : foldPhrase(m.text.slice(h.start, h.end)))))) {
            const n = (phraseCounts.get(key) ?? 0) + 1;
            phraseCounts.set(key, n);
            if (n === o.minCount) fire(m);
          }
        }
      }
    };
  },
});
