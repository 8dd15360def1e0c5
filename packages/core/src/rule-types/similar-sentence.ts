/**
 * similar-sentence: a clause of the role is similar to one of the rule's example sentences (and
 * less similar to every counter-example): SCA's "similar sentence", done offline. Catches what no
 * phrase list holds: shirking in other words (这个我们查不到的), complaints by accusation (一直在敷衍我).
 * The similarity (match/example-index.ts) is TF-IDF weighted character 1-3-gram overlap of
 * comparison texts; everything that depends on the examples is built in create(), once per pack.
 * With `expectResponse`, a similar clause is a trigger, judged like trigger-response's: the finding
 * is raised only when none of the next messages of the responding role holds a listed response;
 * messages matching `skipWhere` (another rule's triggers) join the grouping, and a group holding
 * one is left to that rule.
 * One finding per message, at its first similar clause; evidence = the clause; data = {example,
 * similarity}.
 */
import type { MatchSpec, PhraseItem } from '../pack/pack-types.js';
import type { Role } from '../model/conversation.js';
import type { MessageView } from '../engine/message-view.js';
import { comparisonText, codePointLength } from '../normalize/index.js';
import { messageClauses, type Clause } from '../match/clauses.js';
import { ExampleIndex } from '../match/example-index.js';
import { defineRuleType, type MatchQuery } from './define.js';
import { applyScope, matchSpecRef, roleOption, scopeOption, type ScopeOption } from './common-options.js';
import { groupTriggers, responseWindow } from './response-window.js';

export interface SimilarSentenceOptions {
  role: Role;
  scope?: ScopeOption;
  examples: string[];
  counterExamples?: string[];
  threshold: number;
  minLength: number;
  skipWhere?: MatchSpec;
  expectResponse?: {
    role?: Role;
    phrases: PhraseItem[];
    messages?: number | 'end';
    groupConsecutive?: boolean;
  };
}

interface Match {
  view: MessageView;
  clause: Clause;
  example: number;
  similarity: number;
}

/** Similarity shown in a finding: two decimals. */
export function roundSimilarity(x: number): number {
  return Math.round(x * 100) / 100;
}

export default defineRuleType<SimilarSentenceOptions, 'similar' | 'similarUnanswered'>({
  meta: {
    id: 'similar-sentence',
    description: {
      zh: '消息中的某个分句与规则的示例句相似（且不更像任何反例句）：按示例句而非固定短语判断，用于推诿、抱怨等说法多变的情形。',
      en: 'A clause of the role is similar to one of the example sentences (and less similar to every counter-example): matching by example, not by fixed phrases, for shirking or complaints worded in many ways.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        role: roleOption('agent'),
        scope: scopeOption,
        examples: {
          type: 'array',
          minItems: 1,
          items: { type: 'string', minLength: 1 },
          description: 'Sentences that should match; each clause is compared with each of them. 应命中的示例句（逐个分句比较）。',
        },
        counterExamples: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'Sentences that must not match: a clause at least as similar to one of them as to its nearest example does not fire. 反例句：分句与某反例的相似度不低于最近示例时不命中。',
        },
        threshold: {
          type: 'number',
          minimum: 0,
          maximum: 1,
          default: 0.5,
          description: 'Minimum similarity (0..1) to the nearest example; `zhijian eval --sweep` shows precision and recall per threshold. 与最近示例的最低相似度（0..1）。',
        },
        minLength: {
          type: 'integer',
          minimum: 1,
          default: 2,
          description: 'Clauses whose comparison text is shorter (code points) are not compared. 比较文本短于此长度的分句不比较。',
        },
        skipWhere: matchSpecRef(
          'Messages where this phrase query finds a hit are not judged: another rule covers them (its phrase list). With expectResponse they still join the grouping, and a group holding one is left to that rule. 命中此短语查询的消息不判断（由其他规则负责）；有 expectResponse 时仍参与合并，含此类消息的组交由该规则判断。',
        ),
        expectResponse: {
          type: 'object',
          description:
            'Makes a similar clause a trigger: the rule fires only when none of the next messages of `role` holds one of `phrases` (grouping and window as trigger-response). 把相似分句当作触发：其后若干条回应中无所列用语才命中。',
          properties: {
            role: roleOption('agent', 'Who responds. 回应者。'),
            phrases: { type: 'array', $ref: '#/$defs/phraseList', minItems: 1, description: 'Response phrases, matched literally. 回应用语（字面匹配）。' },
            messages: {
              anyOf: [{ type: 'integer', minimum: 1 }, { const: 'end' }],
              default: 2,
              description: 'The next N responding messages, or "end". 随后 N 条或到结束。',
            },
            groupConsecutive: {
              type: 'boolean',
              default: true,
              description: 'Triggers with no responding message between them form one group: one finding at its first trigger, judged after its last. 连续触发合并。',
            },
          },
          required: ['phrases'],
          additionalProperties: false,
        },
      },
      required: ['examples'],
      additionalProperties: false,
    },
    messages: {
      similar: {
        zh: '「{evidence}」与示例「{example}」相似（{similarity}）',
        en: '"{evidence}" is similar to the example "{example}" ({similarity})',
      },
      similarUnanswered: {
        zh: '「{evidence}」与示例「{example}」相似（{similarity}），其后未见应有的回应',
        en: '"{evidence}" is similar to the example "{example}" ({similarity}) and gets no expected response',
      },
    },
  },
  create(o, tools) {
    const p = tools.pointer;
    const texts = (list: readonly string[]): string[] => list.map((s) => comparisonText(tools.normalize(s)));
    const index = new ExampleIndex(texts(o.examples), texts(o.counterExamples ?? []));
    const skip: MatchQuery | undefined = o.skipWhere ? tools.match(o.skipWhere, `${p}/skipWhere`) : undefined;
    const response = o.expectResponse;
    const responseQuery = response ? tools.match({ phrases: response.phrases }, `${p}/expectResponse`) : undefined;
    const minLength = o.minLength ?? 2;
    const threshold = o.threshold ?? 0.5;

    /** The first clause of the message that is similar enough, in reading order. */
    const firstMatch = (m: MessageView): Match | undefined => {
      for (const clause of messageClauses(m)) {
        if (codePointLength(clause.text) < minLength) continue;
        const r = index.query(clause);
        if (r.example >= 0 && r.similarity >= threshold && r.similarity > r.counterSimilarity) {
          return { view: m, clause, example: r.example, similarity: r.similarity };
        }
      }
      return undefined;
    };
    const span = (x: Match) => ({ start: x.clause.start, end: x.clause.end });
    const data = (x: Match) => ({ example: o.examples[x.example]!, similarity: roundSimilarity(x.similarity) });

    return (ctx) => {
      const matches: Match[] = [];
      const skipped: MessageView[] = [];
      for (const m of applyScope(ctx.utterances(o.role), o.scope)) {
        if (skip?.test(m)) {
          skipped.push(m);
          continue;
        }
        const x = firstMatch(m);
        if (x) matches.push(x);
      }
      if (matches.length === 0) return;
      if (!response || !responseQuery) {
        for (const x of matches) ctx.report({ messageIndex: x.view.index, range: span(x), messageId: 'similar', data: data(x) });
        return;
      }
      // Similar clauses and skipWhere hits (the phrase rule's triggers) are grouped together: a group
      // holding one of the phrase rule's triggers is that rule's to judge, not this one's.
      const responseRole = response.role ?? 'agent';
      const responders = ctx.utterances(responseRole);
      const byView = new Map(matches.map((x) => [x.view, x]));
      const triggers = [...matches.map((x) => x.view), ...skipped].sort((a, b) => a.index - b.index);
      const groups = groupTriggers(triggers, responders, response.groupConsecutive ?? true);
      for (const g of groups) {
        const members = triggers.filter((t) => t.index >= g.first.index && t.index <= g.last.index);
        if (members.some((t) => !byView.has(t))) continue;
        const judged = responseWindow(g, responders, responseRole, { messages: response.messages ?? 2 });
        if (judged.messages.some((r) => responseQuery.test(r))) continue;
        const x = byView.get(g.first)!;
        ctx.report({ messageIndex: x.view.index, range: span(x), messageId: 'similarUnanswered', data: data(x) });
      }
    };
  },
});
