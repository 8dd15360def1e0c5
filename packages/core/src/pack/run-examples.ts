/**
 * Runs the examples a pack carries (like ESLint's RuleTester, but as pack data): each rule's
 * examples say whether the rule fires on a tiny conversation, and optionally where. Used by
 * `zhijian pack test`, by the editor (live pass/fail marks) and by the tests of the standard packs.
 */
import type { Conversation, Message } from '../model/conversation.js';
import { evaluateConversation } from '../engine/evaluate.js';
import { parseTimestamp } from '../time/index.js';
import type { CompiledPack } from './compile-pack.js';
import type { RuleExample } from './pack-types.js';
import type { Lang } from '../engine/render-message.js';

export interface ExampleOutcome {
  ruleId: string;
  index: number;
  /** JSON pointer of the example in the pack. */
  pointer: string;
  description?: string;
  expect: 'fires' | 'passes';
  passed: boolean;
  /** What happened, in plain words, when it did not pass. */
  problem?: string;
  /** Message indexes where the rule fired. */
  firedAt: number[];
}

export function exampleConversation(example: RuleExample, id: string, timeZone = 'Asia/Shanghai'): Conversation {
  const messages: Message[] = example.messages.map((m, i) => {
    const out: Message = { role: m.role, text: m.text };
    for (const key of ['ts', 'endTs'] as const) {
      const raw = m[key];
      if (raw === undefined) continue;
      const t = parseTimestamp(raw as string | number, timeZone);
      if (t === undefined) throw new Error(`${id}: message ${i}: unreadable ${key} ${JSON.stringify(raw)}`);
      out[key] = t;
    }
    if (m.kind) out.kind = m.kind;
    if (m.speaker) out.speaker = m.speaker;
    return out;
  });
  return { id, channel: 'chat', timeZone, messages };
}

const EXAMPLE_TEXTS = {
  zh: {
    neverFires: '该规则已停用或为人工项：不会自动命中',
    firedUnexpectedly: (at: string) => `期望不命中，但规则在第 ${at} 条消息命中`,
    didNotFire: '期望命中，但规则没有命中',
    firedElsewhere: (want: number, at: string) => `期望在第 ${want} 条消息命中，但规则在第 ${at} 条消息命中`,
  },
  en: {
    neverFires: 'the rule is disabled or manual: it never fires',
    firedUnexpectedly: (at: string) => `expected no finding, but the rule fired at message ${at}`,
    didNotFire: 'expected a finding, but the rule did not fire',
    firedElsewhere: (want: number, at: string) => `expected a finding at message ${want}, but the rule fired at message ${at}`,
  },
} satisfies Record<Lang, unknown>;

export function runPackExamples(pack: CompiledPack, options: { ruleIds?: readonly string[]; timeZone?: string; lang?: Lang } = {}): ExampleOutcome[] {
  const t = EXAMPLE_TEXTS[options.lang ?? 'zh'];
  const outcomes: ExampleOutcome[] = [];
  for (const rule of pack.rules) {
    const examples = rule.def.examples ?? [];
    if (options.ruleIds && !options.ruleIds.includes(rule.def.id)) continue;
    examples.forEach((example, index) => {
      const pointer = `/rules/${rule.order}/examples/${index}`;
      const base = { ruleId: rule.def.id, index, pointer, expect: example.expect, ...(example.description ? { description: example.description } : {}) };
      let firedAt: number[];
      try {
        const conv = exampleConversation(example, `${rule.def.id}#${index}`, options.timeZone);
        firedAt = evaluateConversation(pack, conv).findings.filter((f) => f.ruleId === rule.def.id).map((f) => f.messageIndex);
      } catch (e) {
        outcomes.push({ ...base, passed: false, problem: (e as Error).message, firedAt: [] });
        return;
      }
      let problem: string | undefined;
      if (rule.evaluate === undefined) problem = t.neverFires;
      else if (example.expect === 'passes' && firedAt.length > 0) problem = t.firedUnexpectedly(firedAt.join(', '));
      else if (example.expect === 'fires' && firedAt.length === 0) problem = t.didNotFire;
      else if (example.expect === 'fires' && example.at !== undefined && !firedAt.includes(example.at)) {
        problem = t.firedElsewhere(example.at, firedAt.join(', '));
      }
      outcomes.push({ ...base, passed: problem === undefined, ...(problem ? { problem } : {}), firedAt });
    });
  }
  return outcomes;
}
